package dev.deskassist.freshdesk;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the payloads in {@code src/test/resources/fixtures} (see the README there for their origin). */
final class Fixtures {

    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject json(String name) {
        return parse(text(name));
    }

    static JsonArray array(String name) {
        try (JsonReader r = jakarta.json.Json.createReader(new StringReader(text(name)))) {
            return r.readArray();
        }
    }

    static JsonObject parse(String s) {
        try (JsonReader r = jakarta.json.Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }
}

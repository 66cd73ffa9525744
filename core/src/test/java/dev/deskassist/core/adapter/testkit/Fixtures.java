package dev.deskassist.core.adapter.testkit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads an adapter's recorded payloads from {@code /fixtures/} on the test class path (each
 * adapter's {@code src/test/resources/fixtures}, whose README names their origin).
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** The fixture {@code name} as UTF-8 text. */
    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture {@code name}, a JSON object. */
    public static JsonObject json(String name) {
        return parse(text(name));
    }

    /** The fixture {@code name}, a JSON array. */
    public static JsonArray array(String name) {
        try (JsonReader r = Json.createReader(new StringReader(text(name)))) {
            return r.readArray();
        }
    }

    /** {@code s}, a JSON object. */
    public static JsonObject parse(String s) {
        try (JsonReader r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }
}

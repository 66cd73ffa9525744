package dev.deskassist.core.triage.rules;

import dev.deskassist.core.config.ConfigSchema;
import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.json.JsonException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of a parsed rule file together with its path in the file, so that every complaint about
 * it can say exactly where it is. Reads through the shared JSON-B instance.
 */
final class JsonNode {

    private final String source;
    private final String path;
    private final Object value;

    private JsonNode(String source, String path, Object value) {
        this.source = source;
        this.path = path;
        this.value = value;
    }

    /** Checks the text against the format's schema (every problem at once), then parses it. */
    static JsonNode parse(String json, String source, ConfigSchema schema) {
        schema.requireValid(json, source, RulesFileException::new);
        return parse(json, source);
    }

    static JsonNode parse(String json, String source) {
        if (json == null || json.isBlank()) {
            throw new RulesFileException(source, "", "file is empty");
        }
        Object root;
        try {
            root = JsonCodec.fromJson(json, Object.class);
        } catch (JsonException e) {
            throw new RulesFileException(source, "", e.getMessage(), e);
        }
        if (!(root instanceof Map)) {
            throw new RulesFileException(source, "", "expected a JSON object at the top");
        }
        return new JsonNode(source, "", root);
    }

    static JsonNode read(Path file, ConfigSchema schema) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString(), schema);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RulesFileException(String.valueOf(file), "", "file not found", e);
        } catch (IOException e) {
            throw new RulesFileException(String.valueOf(file), "", "cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    static JsonNode read(InputStream in, String source, ConfigSchema schema) {
        if (in == null) {
            throw new RulesFileException(source, "", "not found");
        }
        try (in) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source, schema);
        } catch (IOException e) {
            throw new RulesFileException(source, "", "cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    RulesFileException error(String problem) {
        return new RulesFileException(source, path, problem);
    }

    RulesFileException error(String problem, Throwable cause) {
        return new RulesFileException(source, path, problem, cause);
    }

    String path() {
        return path;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return map().get(key) != null;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map() {
        if (!(value instanceof Map)) {
            throw error("expected an object");
        }
        return (Map<String, Object>) value;
    }

    JsonNode get(String key) {
        Object v = map().get(key);
        if (v == null) {
            throw new RulesFileException(source, child(key), "missing");
        }
        return new JsonNode(source, child(key), v);
    }

    /** The field, or {@code null} when absent. */
    JsonNode opt(String key) {
        Object v = map().get(key);
        return v == null ? null : new JsonNode(source, child(key), v);
    }

    String string(String key) {
        return get(key).asString();
    }

    String string(String key, String fallback) {
        JsonNode n = opt(key);
        return n == null ? fallback : n.asString();
    }

    double number(String key, double fallback) {
        JsonNode n = opt(key);
        return n == null ? fallback : n.asNumber();
    }

    boolean bool(String key, boolean fallback) {
        JsonNode n = opt(key);
        if (n == null) {
            return fallback;
        }
        if (!(n.value instanceof Boolean b)) {
            throw n.error("expected true or false");
        }
        return b;
    }

    String asString() {
        if (!(value instanceof String s)) {
            throw error("expected a string");
        }
        if (s.isBlank()) {
            throw error("must not be blank");
        }
        return s;
    }

    double asNumber() {
        if (value instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw error("expected a number");
    }

    List<JsonNode> list() {
        if (!(value instanceof List<?> l)) {
            throw error("expected an array");
        }
        List<JsonNode> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i) == null) {
                throw new RulesFileException(source, path + "[" + i + "]", "null is not allowed");
            }
            out.add(new JsonNode(source, path + "[" + i + "]", l.get(i)));
        }
        return out;
    }

    List<String> strings() {
        return list().stream().map(JsonNode::asString).toList();
    }

    /** The members of an object, in file order. */
    Map<String, JsonNode> members() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        map().forEach((k, v) -> {
            if (v == null) {
                throw new RulesFileException(source, child(k), "null is not allowed");
            }
            out.put(k, new JsonNode(source, child(k), v));
        });
        return out;
    }
}

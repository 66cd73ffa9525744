package dev.deskassist.core.llm;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A named JSON schema for structured model output, with a local validator for the subset the
 * prompts use: {@code type} (object, string, number, integer, boolean, array), {@code properties},
 * {@code required}, {@code items}, {@code enum}, {@code minimum}/{@code maximum}. Properties the
 * schema does not name are tolerated (a small local model adding a "note" is not worth a repair),
 * even though the wire schema says {@code additionalProperties: false} for OpenAI's strict mode.
 */
public final class JsonSchema {

    /** Validation stops after this many problems; a model that got everything wrong needs no list of 500. */
    private static final int MAX_PROBLEMS = 8;

    private final String name;
    private final JsonObject schema;
    private final String text;

    private JsonSchema(String name, JsonObject schema) {
        this.name = name;
        this.schema = schema;
        this.text = schema.toString();
    }

    /**
     * Parses a schema; {@code name} (letters, digits, _ and -) is what OpenAI's
     * {@code json_schema.name} and Anthropic's tool name become.
     */
    public static JsonSchema of(String name, String json) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("schema name must match [A-Za-z0-9_-]{1,64}: " + name);
        }
        try (JsonReader r = dev.deskassist.core.json.JsonCodec.jsonp().createReader(new StringReader(json))) {
            return new JsonSchema(name, r.readObject());
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("schema " + name + " is not a JSON object", e);
        }
    }

    public String name() {
        return name;
    }

    /** The schema as JSON-P, to embed in request bodies. */
    public JsonObject json() {
        return schema;
    }

    /** The schema as compact JSON text, for prompts. */
    public String text() {
        return text;
    }

    /** Problems found in {@code value}, each with its JSON path; empty when it matches. */
    public List<String> validate(JsonValue value) {
        List<String> problems = new ArrayList<>();
        check(schema, value, "$", problems);
        return problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
    }

    private static void check(JsonObject s, JsonValue v, String path, List<String> out) {
        if (out.size() > MAX_PROBLEMS) {
            return;
        }
        String type = s.containsKey("type") && s.get("type") instanceof JsonString t ? t.getString() : null;
        if (type != null && !hasType(v, type)) {
            out.add(path + ": expected " + type + " but got " + describe(v));
            return;
        }
        if (s.get("enum") instanceof JsonArray allowed && !allowed.contains(v)) {
            out.add(path + ": must be one of " + allowed);
        }
        if (v instanceof JsonNumber n) {
            if (s.get("minimum") instanceof JsonNumber min && n.doubleValue() < min.doubleValue()) {
                out.add(path + ": must be >= " + min);
            }
            if (s.get("maximum") instanceof JsonNumber max && n.doubleValue() > max.doubleValue()) {
                out.add(path + ": must be <= " + max);
            }
        }
        if (v instanceof JsonObject o) {
            if (s.get("required") instanceof JsonArray req) {
                for (JsonValue r : req) {
                    if (r instanceof JsonString k && !o.containsKey(k.getString())) {
                        out.add(path + ": missing required property '" + k.getString() + "'");
                    }
                }
            }
            if (s.get("properties") instanceof JsonObject props) {
                for (var e : props.entrySet()) {
                    if (o.containsKey(e.getKey()) && e.getValue() instanceof JsonObject ps) {
                        check(ps, o.get(e.getKey()), path + "." + e.getKey(), out);
                    }
                }
            }
        }
        if (v instanceof JsonArray a && s.get("items") instanceof JsonObject items) {
            for (int i = 0; i < a.size(); i++) {
                check(items, a.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static boolean hasType(JsonValue v, String type) {
        return switch (type) {
            case "object" -> v.getValueType() == JsonValue.ValueType.OBJECT;
            case "array" -> v.getValueType() == JsonValue.ValueType.ARRAY;
            case "string" -> v.getValueType() == JsonValue.ValueType.STRING;
            case "number" -> v.getValueType() == JsonValue.ValueType.NUMBER;
            case "integer" -> v instanceof JsonNumber n && n.isIntegral();
            case "boolean" -> v == JsonValue.TRUE || v == JsonValue.FALSE;
            case "null" -> v == JsonValue.NULL;
            default -> true;
        };
    }

    private static String describe(JsonValue v) {
        return v.getValueType().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "JsonSchema[" + name + "]";
    }
}

package dev.deskassist.core.llm;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/** Pieces of request and response handling both provider clients share. */
final class WireFormat {

    private WireFormat() {
    }

    /**
     * The system prompt with the output contract appended. When the schema travels on the wire
     * (strict schema mode, Anthropic tool) a short reminder suffices; otherwise the schema itself
     * is spelled out, and the word "JSON" is present as OpenAI's json_object mode requires.
     */
    static String system(LlmRequest r, boolean schemaOnWire) {
        JsonSchema s = r.responseSchema();
        if (s == null) {
            return r.system();
        }
        String contract = schemaOnWire
                ? "Answer with the JSON object described by the response schema and nothing else."
                : "Answer with exactly one JSON object and nothing else: no prose, no markdown code fences. "
                        + "It must match this JSON schema:\n" + s.text();
        return r.system().isEmpty() ? contract : r.system().strip() + "\n\n" + contract;
    }

    static void putExtra(JsonObjectBuilder b, Map<String, Object> extra) {
        extra.forEach((k, v) -> b.add(k, toJson(v)));
    }

    static JsonValue toJson(Object v) {
        if (v instanceof JsonValue j) {
            return j;
        }
        if (v instanceof String s) {
            return dev.deskassist.core.json.JsonCodec.jsonp().createValue(s);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return dev.deskassist.core.json.JsonCodec.jsonp().createValue(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return dev.deskassist.core.json.JsonCodec.jsonp().createValue(n.doubleValue());
        }
        if (v instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        throw new IllegalArgumentException("extra body values must be String, Number, Boolean or JsonValue, not "
                + (v == null ? "null" : v.getClass().getSimpleName()));
    }

    static Object checkExtra(Object v) {
        toJson(v);
        return v;
    }

    /** The body as a JSON object, or null when it is not one. */
    static JsonObject readObject(String body) {
        try (jakarta.json.JsonReader r = dev.deskassist.core.json.JsonCodec.jsonp().createReader(new java.io.StringReader(body))) {
            return r.readValue() instanceof JsonObject o ? o : null;
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            return null;
        }
    }

    static String string(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonString s ? s.getString() : null;
    }

    static long number(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonNumber n ? Math.max(0, n.longValue()) : 0;
    }

    static JsonObject object(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonObject v ? v : null;
    }

    static JsonArray array(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonArray v ? v : null;
    }
}

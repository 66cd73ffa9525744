package dev.deskassist.core.http;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON error shapes of the services DeskAssist talks to:
 * <ul>
 *   <li>Zendesk: {@code {"error":"RecordInvalid","description":…,"details":{field:[{description}]}}} and
 *       {@code {"errors":[{code,title,detail}]}};</li>
 *   <li>Freshdesk: {@code {"description":…,"errors":[{field,message,code}]}};</li>
 *   <li>ServiceNow: {@code {"error":{"message","detail"},"status":"failure"}};</li>
 *   <li>OpenAI-compatible servers: {@code {"error":{"message","type","code"}}};</li>
 *   <li>Anthropic: {@code {"type":"error","error":{"type","message"}}}.</li>
 * </ul>
 * A body that is not JSON (a 429 in HTML, a proxy's error page) gives no details.
 */
public final class JsonErrorBodyParser implements ErrorBodyParser {

    /** Error texts are cut to this length so that an echoing service cannot flood logs. */
    static final int MAX_TEXT = 300;

    @Override
    public ErrorDetails parse(int status, String contentType, String body) {
        if (body == null || body.isBlank() || body.length() > 1_000_000) {
            return ErrorDetails.NONE;
        }
        String trimmed = body.strip();
        if (!trimmed.startsWith("{")) {
            return ErrorDetails.NONE;
        }
        JsonObject o;
        try (JsonReader r = dev.deskassist.core.json.JsonCodec.jsonp().createReader(new StringReader(trimmed))) {
            o = r.readObject();
        } catch (JsonException | ClassCastException e) {
            return ErrorDetails.NONE;
        }
        String code = null;
        String message = text(o, "description");
        Map<String, List<String>> fields = new LinkedHashMap<>();

        JsonValue error = o.get("error");
        if (error instanceof JsonString s) {
            code = s.getString();
        } else if (error instanceof JsonObject e) {
            code = firstText(e, "code", "type", "title");
            String m = firstText(e, "message", "title");
            String detail = text(e, "detail");
            message = join(m, detail);
        }

        JsonValue details = o.get("details");
        if (details instanceof JsonObject d) {
            for (Map.Entry<String, JsonValue> entry : d.entrySet()) {
                List<String> problems = new ArrayList<>();
                if (entry.getValue() instanceof JsonArray arr) {
                    for (JsonValue v : arr) {
                        if (v instanceof JsonObject p) {
                            problems.add(cut(firstText(p, "description", "message", "error")));
                        } else if (v instanceof JsonString ps) {
                            problems.add(cut(ps.getString()));
                        }
                    }
                }
                fields.put(entry.getKey(), problems);
            }
        }

        JsonValue errors = o.get("errors");
        if (errors instanceof JsonArray arr) {
            for (JsonValue v : arr) {
                if (!(v instanceof JsonObject p)) {
                    continue;
                }
                String field = text(p, "field");
                String m = firstText(p, "message", "detail", "title");
                if (field != null) {
                    String c = text(p, "code");
                    fields.computeIfAbsent(field, k -> new ArrayList<>()).add(cut(c == null ? m : m + " [" + c + "]"));
                } else {
                    if (code == null) {
                        code = firstText(p, "code", "title");
                    }
                    message = message == null ? m : message;
                }
            }
        }
        return new ErrorDetails(cut(code), cut(message), fields);
    }

    private static String firstText(JsonObject o, String... keys) {
        for (String k : keys) {
            String t = text(o, k);
            if (t != null && !t.isBlank()) {
                return t;
            }
        }
        return null;
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v != null && (v.getValueType() == JsonValue.ValueType.NUMBER)) {
            return v.toString();
        }
        return null;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + " – " + b;
    }

    private static String cut(String s) {
        if (s == null) {
            return null;
        }
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s;
    }
}

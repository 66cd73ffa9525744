package dev.deskassist.core.llm;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's reply as a JSON object that must match a schema: markdown code fences are
 * stripped, a JSON object wrapped in a sentence of prose is cut out, and anything else is
 * reported as a problem a repair prompt can quote (never the reply's text itself).
 */
public final class JsonReply {

    private static final Pattern FENCE = Pattern.compile("(?s)^\\s*```[a-zA-Z0-9]*\\s*\\n?(.*?)\\n?\\s*```\\s*$");
    private static final Pattern INNER_FENCE = Pattern.compile("(?s)```(?:json|JSON)?\\s*\\n(.*?)\\n\\s*```");

    private JsonReply() {
    }

    /** The outcome of reading one reply: the object, or the problems found. */
    public record Parsed(JsonObject value, List<String> problems) {

        public boolean ok() {
            return value != null && problems.isEmpty();
        }
    }

    /** Parses and validates; {@code truncated} adds a hint that the model ran out of tokens. */
    public static Parsed parse(String reply, JsonSchema schema, boolean truncated) {
        String s = unwrap(reply == null ? "" : reply);
        if (s.isEmpty()) {
            return new Parsed(null, List.of("the reply was empty"));
        }
        if (!s.startsWith("{")) {
            return new Parsed(null, List.of("the reply was prose, not a JSON object"));
        }
        JsonObject o;
        try (JsonReader r = dev.deskassist.core.json.JsonCodec.jsonp().createReader(new StringReader(s))) {
            JsonValue v = r.readValue();
            if (!(v instanceof JsonObject obj)) {
                return new Parsed(null, List.of("the reply was JSON but not an object"));
            }
            o = obj;
        } catch (JsonParsingException e) {
            String where = e.getLocation() == null ? "" : " at character " + e.getLocation().getStreamOffset();
            return new Parsed(null, List.of((truncated ? "the reply was cut off (token limit)" : "the reply is not valid JSON")
                    + where));
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            return new Parsed(null, List.of(truncated ? "the reply was cut off (token limit)" : "the reply is not valid JSON"));
        }
        List<String> problems = schema == null ? List.of() : schema.validate(o);
        return new Parsed(o, problems);
    }

    /** Strips fences and surrounding prose, leaving the candidate JSON text. */
    static String unwrap(String reply) {
        String s = reply.strip();
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1).strip();
        }
        Matcher m = FENCE.matcher(s);
        if (m.matches()) {
            return m.group(1).strip();
        }
        if (!s.startsWith("{")) {
            Matcher inner = INNER_FENCE.matcher(s);
            if (inner.find()) {
                return inner.group(1).strip();
            }
            int open = s.indexOf('{');
            int close = s.lastIndexOf('}');
            if (open >= 0 && close > open) {
                // "Here is the result: {...}" – a model being chatty around valid JSON
                return s.substring(open, close + 1);
            }
        }
        return s;
    }
}

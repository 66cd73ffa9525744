package dev.deskassist.core.draft.kb;

import jakarta.json.Json;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads knowledge-base JSON files: one object, or an array of objects, with the same fields as
 * Markdown front matter plus {@code body}. A streaming parser is used so that every error and
 * every field keeps its line number.
 */
final class JsonEntries {

    private JsonEntries() {
    }

    static List<RawEntry> parse(String source, String content) {
        List<RawEntry> out = new ArrayList<>();
        try (JsonParser p = Json.createParser(new StringReader(content))) {
            if (!p.hasNext()) {
                throw new KnowledgeBaseException(source, 1, "empty JSON file");
            }
            JsonParser.Event first = p.next();
            if (first == JsonParser.Event.START_OBJECT) {
                out.add(object(p, source, line(p)));
            } else if (first == JsonParser.Event.START_ARRAY) {
                while (true) {
                    JsonParser.Event e = p.next();
                    if (e == JsonParser.Event.END_ARRAY) {
                        break;
                    }
                    if (e != JsonParser.Event.START_OBJECT) {
                        throw new KnowledgeBaseException(source, line(p), "array elements must be article objects");
                    }
                    out.add(object(p, source, line(p)));
                }
            } else {
                throw new KnowledgeBaseException(source, line(p), "expected an article object or an array of them");
            }
            if (p.hasNext()) {
                p.next();
                throw new KnowledgeBaseException(source, line(p), "unexpected content after the JSON value");
            }
        } catch (JsonParsingException e) {
            JsonLocation loc = e.getLocation();
            int ln = loc == null ? 0 : (int) Math.max(0, loc.getLineNumber());
            throw new KnowledgeBaseException(source, ln, "malformed JSON");
        } catch (java.util.NoSuchElementException e) {
            throw new KnowledgeBaseException(source, 0, "JSON ends too early");
        }
        return out;
    }

    private static RawEntry object(JsonParser p, String source, int startLine) {
        Map<String, RawEntry.Field> fields = new LinkedHashMap<>();
        String body = null;
        int bodyLine = startLine;
        while (true) {
            JsonParser.Event e = p.next();
            if (e == JsonParser.Event.END_OBJECT) {
                break;
            }
            String key = p.getString().toLowerCase(java.util.Locale.ROOT);
            int keyLine = line(p);
            JsonParser.Event v = p.next();
            Object value = switch (v) {
                case VALUE_STRING, VALUE_NUMBER -> p.getString();
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case VALUE_NULL -> "";
                case START_ARRAY -> stringArray(p, source, key);
                default -> throw new KnowledgeBaseException(source, keyLine,
                        "value of '" + key + "' must be a string, boolean or array of strings");
            };
            if (key.equals("body")) {
                if (!(value instanceof String s)) {
                    throw new KnowledgeBaseException(source, keyLine, "'body' must be a string");
                }
                body = s;
                bodyLine = keyLine;
                continue;
            }
            if (fields.putIfAbsent(key, new RawEntry.Field(key, value, keyLine)) != null) {
                throw new KnowledgeBaseException(source, keyLine, "duplicate key '" + key + "'");
            }
        }
        return new RawEntry(source, startLine, fields, body == null ? "" : body.strip(), bodyLine);
    }

    private static List<String> stringArray(JsonParser p, String source, String key) {
        List<String> items = new ArrayList<>();
        while (true) {
            JsonParser.Event e = p.next();
            if (e == JsonParser.Event.END_ARRAY) {
                return List.copyOf(items);
            }
            if (e != JsonParser.Event.VALUE_STRING) {
                throw new KnowledgeBaseException(source, line(p), "'" + key + "' must be an array of strings");
            }
            items.add(p.getString());
        }
    }

    private static int line(JsonParser p) {
        JsonLocation loc = p.getLocation();
        return loc == null ? 0 : (int) Math.max(0, loc.getLineNumber());
    }
}

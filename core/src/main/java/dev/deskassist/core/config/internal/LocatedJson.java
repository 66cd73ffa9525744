package dev.deskassist.core.config.internal;

import dev.deskassist.core.config.ConfigFileProblem;
import jakarta.json.Json;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON document read with a streaming parser so that every value and every key keeps the line
 * and column where it starts, and its JSON pointer. A tree model loses positions; a schema
 * problem without a line is hard to find in a 300-line taxonomy.
 */
public final class LocatedJson {

    /** The JSON types, as JSON Schema names them (integers are numbers here). */
    public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    /** One value: its kind, its place and its content ({@code members}, {@code items} or {@code scalar}). */
    public record Node(Kind kind, int line, int column, String pointer, Object scalar,
                       Map<String, Member> members, List<Node> items) {

        public String typeName() {
            return switch (kind) {
                case OBJECT -> "an object";
                case ARRAY -> "an array";
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "true/false";
                case NULL -> "null";
            };
        }
    }

    /** An object member: where its key stands, and its value. */
    public record Member(String key, int line, int column, Node value) {
    }

    /** The parsed document, or the problems that stopped parsing it. */
    public record Result(Node root, List<ConfigFileProblem> problems) {
    }

    private static final Pattern TOKEN = Pattern.compile("Invalid token=(\\w+)");
    private static final Pattern EXPECTED = Pattern.compile("Expected tokens are: \\[([^\\]]*)\\]");

    private final String text;
    private final String source;
    private final List<ConfigFileProblem> problems = new ArrayList<>();

    private LocatedJson(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /** Parses {@code text}; duplicate keys are problems too (the later one would silently win). */
    public static Result parse(String text, String source) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (t.isBlank()) {
            return new Result(null, List.of(ConfigFileProblem.ofFile(source, "the file is empty; expected a JSON object")));
        }
        LocatedJson reader = new LocatedJson(t, source);
        try (JsonParser p = Json.createParser(new StringReader(t))) {
            Node root = reader.value(p, p.next(), "");
            if (p.hasNext()) {
                p.next();
                JsonLocation l = p.getLocation();
                return new Result(null, List.of(new ConfigFileProblem(source, (int) l.getLineNumber(),
                        (int) l.getColumnNumber(), "", "unexpected content after the JSON value")));
            }
            return new Result(root, List.copyOf(reader.problems));
        } catch (JsonParsingException e) {
            JsonLocation l = e.getLocation();
            String message = malformed(e.getMessage());
            if (message.contains("ends too early") || l == null || l.getStreamOffset() >= t.length()) {
                // the parser's place for the end of input is past the text; the end is the place
                String[] lines = t.split("\r?\n", -1);
                return new Result(null, List.of(new ConfigFileProblem(source, lines.length,
                        lines[lines.length - 1].length() + 1, "", message)));
            }
            return new Result(null, List.of(new ConfigFileProblem(source, (int) l.getLineNumber(),
                    (int) l.getColumnNumber(), "", message)));
        } catch (NoSuchElementException | jakarta.json.JsonException e) {
            return new Result(null, List.of(ConfigFileProblem.ofFile(source,
                    "malformed JSON: the file ends too early (truncated?)")));
        }
    }

    private Node value(JsonParser p, JsonParser.Event e, String pointer) {
        JsonLocation l = p.getLocation();
        int line = (int) l.getLineNumber();
        int after = (int) l.getColumnNumber();
        int end = (int) l.getStreamOffset();
        return switch (e) {
            case START_OBJECT -> object(p, line, after - 1, pointer);
            case START_ARRAY -> array(p, line, after - 1, pointer);
            case VALUE_STRING -> new Node(Kind.STRING, line, after - stringLength(end), pointer, p.getString(), null, null);
            case VALUE_NUMBER -> new Node(Kind.NUMBER, line, after - p.getString().length(), pointer, p.getBigDecimal(),
                    null, null);
            case VALUE_TRUE -> new Node(Kind.BOOLEAN, line, after - 4, pointer, Boolean.TRUE, null, null);
            case VALUE_FALSE -> new Node(Kind.BOOLEAN, line, after - 5, pointer, Boolean.FALSE, null, null);
            case VALUE_NULL -> new Node(Kind.NULL, line, after - 4, pointer, null, null, null);
            default -> throw new JsonParsingException("Invalid token=" + e, l);
        };
    }

    private Node object(JsonParser p, int line, int column, String pointer) {
        Map<String, Member> members = new LinkedHashMap<>();
        while (true) {
            JsonParser.Event e = p.next();
            if (e == JsonParser.Event.END_OBJECT) {
                return new Node(Kind.OBJECT, line, column, pointer, null, members, null);
            }
            String key = p.getString();
            JsonLocation l = p.getLocation();
            int keyLine = (int) l.getLineNumber();
            int keyColumn = (int) l.getColumnNumber() - stringLength((int) l.getStreamOffset());
            Node v = value(p, p.next(), pointer + "/" + escape(key));
            if (members.containsKey(key)) {
                problems.add(new ConfigFileProblem(source, keyLine, keyColumn, pointer + "/" + escape(key),
                        "duplicate key `" + key + "` (the first one is on line " + members.get(key).line() + ")"));
            } else {
                members.put(key, new Member(key, keyLine, keyColumn, v));
            }
        }
    }

    private Node array(JsonParser p, int line, int column, String pointer) {
        List<Node> items = new ArrayList<>();
        while (true) {
            JsonParser.Event e = p.next();
            if (e == JsonParser.Event.END_ARRAY) {
                return new Node(Kind.ARRAY, line, column, pointer, null, null, items);
            }
            items.add(value(p, e, pointer + "/" + items.size()));
        }
    }

    /** The raw length of the string token ending (after its closing quote) at {@code end}: escapes count as written. */
    private int stringLength(int end) {
        int i = Math.min(end, text.length()) - 2;
        while (i >= 0) {
            if (text.charAt(i) == '"') {
                int backslashes = 0;
                for (int j = i - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
                    backslashes++;
                }
                if (backslashes % 2 == 0) {
                    return end - i;
                }
            }
            i--;
        }
        return 0;
    }

    /** JSON pointer escaping (RFC 6901). */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String malformed(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        Matcher t = TOKEN.matcher(message);
        Matcher x = EXPECTED.matcher(message);
        String token = t.find() ? t.group(1) : null;
        if ("EOF".equals(token) || message.startsWith("Unexpected char -1")) {
            return "malformed JSON: the file ends too early (truncated?)"
                    + (x.find() ? "; expected " + tokens(x.group(1)) : "");
        }
        if (token != null) {
            return "malformed JSON: unexpected " + tokenName(token) + (x.find() ? ", expected " + tokens(x.group(1)) : "");
        }
        if (message.contains("Unexpected char")) {
            return "malformed JSON: unexpected character (strings need double quotes; no comments or trailing commas)";
        }
        return "malformed JSON";
    }

    private static String tokens(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split(",")) {
            out.add(tokenName(s.strip()));
        }
        return String.join(" or ", out);
    }

    private static String tokenName(String token) {
        return switch (token) {
            case "COMMA" -> "','";
            case "COLON" -> "':'";
            case "CURLYOPEN" -> "'{'";
            case "CURLYCLOSE" -> "'}'";
            case "SQUAREOPEN" -> "'['";
            case "SQUARECLOSE" -> "']'";
            case "STRING" -> "a string";
            case "NUMBER" -> "a number";
            case "TRUE", "FALSE" -> "true/false";
            case "NULL" -> "null";
            case "EOF" -> "the end of the file";
            default -> "a stray character (quotes must be \", no comments or trailing commas)";
        };
    }

    static BigDecimal number(Node n) {
        return (BigDecimal) n.scalar();
    }
}

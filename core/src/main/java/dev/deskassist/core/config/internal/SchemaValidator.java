package dev.deskassist.core.config.internal;

import dev.deskassist.core.adapter.ConfigChecks;
import dev.deskassist.core.config.ConfigFileProblem;
import dev.deskassist.core.config.internal.LocatedJson.Kind;
import dev.deskassist.core.config.internal.LocatedJson.Member;
import dev.deskassist.core.config.internal.LocatedJson.Node;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a {@link LocatedJson} document against a JSON Schema (draft 2020-12), of which it knows
 * the subset DeskAssist's schemas use: {@code type}, {@code properties}, {@code required},
 * {@code additionalProperties}, {@code enum}, {@code items}, {@code minItems}, {@code minLength},
 * {@code minimum}/{@code maximum}/{@code exclusiveMinimum}/{@code exclusiveMaximum},
 * {@code pattern}, {@code minProperties} and local {@code $ref}s into {@code $defs}; annotations
 * ({@code title}, {@code description}, {@code default}, {@code $comment}, {@code examples}) are
 * ignored. Every problem is collected, none stops the check, and an unknown key gets the closest
 * allowed one as a suggestion.
 */
public final class SchemaValidator {

    private final JsonObject schema;
    private final String source;
    private final List<ConfigFileProblem> problems = new ArrayList<>();
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private SchemaValidator(JsonObject schema, String source) {
        this.schema = schema;
        this.source = source;
    }

    /** Every problem of {@code root} against {@code schema}, in document order. */
    public static List<ConfigFileProblem> validate(JsonObject schema, Node root, String source) {
        SchemaValidator v = new SchemaValidator(Objects.requireNonNull(schema, "schema"), source);
        v.check(schema, root);
        return List.copyOf(v.problems);
    }

    private void check(JsonObject s, Node n) {
        JsonObject rule = resolve(s);
        if (rule.containsKey("type") && !typeMatches(rule.get("type"), n)) {
            problem(n, "expected " + typeNames(rule.get("type")) + ", found " + n.typeName());
            return;
        }
        if (rule.containsKey("enum")) {
            checkEnum(rule.getJsonArray("enum"), n);
        }
        switch (n.kind()) {
            case OBJECT -> checkObject(rule, n);
            case ARRAY -> checkArray(rule, n);
            case STRING -> checkString(rule, n);
            case NUMBER -> checkNumber(rule, n);
            default -> {
            }
        }
    }

    private JsonObject resolve(JsonObject s) {
        JsonObject current = s;
        for (int depth = 0; current.containsKey("$ref") && depth < 16; depth++) {
            String ref = current.getString("$ref");
            if (!ref.startsWith("#/$defs/")) {
                throw new IllegalStateException("only local $refs into $defs are supported: " + ref);
            }
            current = schema.getJsonObject("$defs").getJsonObject(ref.substring("#/$defs/".length()));
            if (current == null) {
                throw new IllegalStateException("schema $ref to a missing definition: " + ref);
            }
        }
        return current;
    }

    private void checkObject(JsonObject rule, Node n) {
        JsonObject props = rule.containsKey("properties") ? rule.getJsonObject("properties") : JsonValue.EMPTY_JSON_OBJECT;
        JsonValue additional = rule.get("additionalProperties");
        for (Member m : n.members().values()) {
            JsonValue p = props.get(m.key());
            if (p instanceof JsonObject ps) {
                check(ps, m.value());
            } else if (additional == JsonValue.FALSE) {
                String hint = ConfigChecks.suggestion(m.key(), props.keySet()).map(k -> "; did you mean `" + k + "`?")
                        .orElse(props.isEmpty() ? "" : "; allowed: " + String.join(", ", props.keySet()));
                problems.add(new ConfigFileProblem(source, m.line(), m.column(), m.value().pointer(),
                        "unknown key `" + m.key() + "`" + hint));
            } else if (additional instanceof JsonObject as) {
                check(as, m.value());
            }
        }
        if (rule.containsKey("required")) {
            for (JsonValue r : rule.getJsonArray("required")) {
                String key = ((JsonString) r).getString();
                if (!n.members().containsKey(key)) {
                    problem(n, "missing required key `" + key + "`");
                }
            }
        }
        if (rule.containsKey("minProperties") && n.members().size() < rule.getInt("minProperties")) {
            problem(n, "needs at least " + rule.getInt("minProperties") + " member(s)");
        }
    }

    private void checkArray(JsonObject rule, Node n) {
        if (rule.containsKey("minItems") && n.items().size() < rule.getInt("minItems")) {
            problem(n, "needs at least " + rule.getInt("minItems") + " element(s)");
        }
        if (rule.get("items") instanceof JsonObject items) {
            n.items().forEach(i -> check(items, i));
        }
    }

    private void checkString(JsonObject rule, Node n) {
        String v = (String) n.scalar();
        if (rule.containsKey("minLength") && v.strip().length() < rule.getInt("minLength")) {
            problem(n, rule.getInt("minLength") == 1 ? "must not be empty"
                    : "needs at least " + rule.getInt("minLength") + " characters");
        }
        if (rule.containsKey("pattern")) {
            String re = rule.getString("pattern");
            if (!PATTERNS.computeIfAbsent(re, Pattern::compile).matcher(v).find()) {
                String what = rule.getString("patternDescription", "match /" + re + "/");
                problem(n, "`" + shorten(v) + "` does not " + what);
            }
        }
    }

    private void checkNumber(JsonObject rule, Node n) {
        BigDecimal v = LocatedJson.number(n);
        if (isType(rule.get("type"), "integer") && v.stripTrailingZeros().scale() > 0) {
            problem(n, "expected a whole number, found " + v.toPlainString());
        }
        bound(rule, "minimum", n, v, c -> c >= 0, "at least");
        bound(rule, "maximum", n, v, c -> c <= 0, "at most");
        bound(rule, "exclusiveMinimum", n, v, c -> c > 0, "greater than");
        bound(rule, "exclusiveMaximum", n, v, c -> c < 0, "less than");
    }

    private void bound(JsonObject rule, String key, Node n, BigDecimal v, java.util.function.IntPredicate ok,
                       String words) {
        if (rule.get(key) instanceof JsonNumber limit && !ok.test(v.compareTo(limit.bigDecimalValue()))) {
            problem(n, "must be " + words + " " + limit.bigDecimalValue().toPlainString() + ", found " + v.toPlainString());
        }
    }

    private void checkEnum(JsonArray allowed, Node n) {
        for (JsonValue a : allowed) {
            if (equal(a, n)) {
                return;
            }
        }
        // enums that accept both cases list each value once
        java.util.Map<String, String> distinct = new java.util.LinkedHashMap<>();
        allowed.stream().map(SchemaValidator::display).forEach(d -> distinct.putIfAbsent(d.toLowerCase(java.util.Locale.ROOT), d));
        List<String> names = List.copyOf(distinct.values());
        String hint = "";
        if (n.kind() == Kind.STRING) {
            hint = ConfigChecks.suggestion((String) n.scalar(), names).map(s -> "; did you mean `" + s + "`?").orElse("");
        }
        String found = n.kind() == Kind.STRING ? "`" + shorten((String) n.scalar()) + "`" : n.typeName();
        problem(n, found + " is not allowed here; expected one of " + String.join(", ", names) + hint);
    }

    private static boolean equal(JsonValue a, Node n) {
        return switch (n.kind()) {
            case STRING -> a instanceof JsonString s && s.getString().equals(n.scalar());
            case NUMBER -> a instanceof JsonNumber num && num.bigDecimalValue().compareTo(LocatedJson.number(n)) == 0;
            case BOOLEAN -> (a == JsonValue.TRUE && Boolean.TRUE.equals(n.scalar()))
                    || (a == JsonValue.FALSE && Boolean.FALSE.equals(n.scalar()));
            case NULL -> a == JsonValue.NULL;
            default -> false;
        };
    }

    private static String display(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    private static boolean typeMatches(JsonValue type, Node n) {
        if (type instanceof JsonArray a) {
            return a.stream().anyMatch(t -> typeMatches(t, n));
        }
        String t = ((JsonString) type).getString();
        return switch (t) {
            case "object" -> n.kind() == Kind.OBJECT;
            case "array" -> n.kind() == Kind.ARRAY;
            case "string" -> n.kind() == Kind.STRING;
            case "number" -> n.kind() == Kind.NUMBER;
            // whole-number checks come with the number's other checks, so that 2.5 says "whole number"
            case "integer" -> n.kind() == Kind.NUMBER;
            case "boolean" -> n.kind() == Kind.BOOLEAN;
            case "null" -> n.kind() == Kind.NULL;
            default -> throw new IllegalStateException("unknown schema type " + t);
        };
    }

    private static boolean isType(JsonValue type, String name) {
        if (type instanceof JsonArray a) {
            return a.stream().anyMatch(t -> isType(t, name));
        }
        return type instanceof JsonString s && s.getString().equals(name);
    }

    private static String typeNames(JsonValue type) {
        if (type instanceof JsonArray a) {
            return String.join(" or ", a.stream().map(SchemaValidator::typeNames).toList());
        }
        return switch (((JsonString) type).getString()) {
            case "object" -> "an object";
            case "array" -> "an array";
            case "string" -> "a string";
            case "number" -> "a number";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            default -> "null";
        };
    }

    private void problem(Node n, String message) {
        problems.add(new ConfigFileProblem(source, n.line(), n.column(), n.pointer(), message));
    }

    private static String shorten(String v) {
        return v.length() <= 40 ? v : v.substring(0, 37) + "...";
    }
}

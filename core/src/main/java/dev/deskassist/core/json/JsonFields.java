package dev.deskassist.core.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Lenient reading of JSON-P trees for helpdesk mappings: every accessor takes a possibly
 * {@code null} object, never throws on a missing or differently typed member and returns
 * {@code null}, an empty container or the caller's fallback instead. Helpdesks disagree on types
 * (Zendesk ids are numbers, in event envelopes strings; ServiceNow sends every scalar as a string),
 * so numbers and numeric strings are read alike.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /** Parses a JSON object; anything else gives a {@link JsonException} that does not quote the input. */
    public static JsonObject parseObject(String json) {
        if (json == null) {
            throw new JsonException("no JSON object: input is null");
        }
        try (JsonReader r = JsonCodec.jsonp().createReader(new StringReader(json))) {
            return r.readObject();
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            throw new JsonException("not a JSON object (" + json.length() + " chars)", e);
        }
    }

    /**
     * The member as text: a string (blank counts as absent), or a number in its JSON form
     * ({@code 5158}, {@code 1.5}); {@code null} for anything else or a missing member.
     */
    public static String text(JsonObject o, String key) {
        return text(member(o, key));
    }

    /** {@link #text(JsonObject, String)}, or {@code fallback} when that is {@code null}. */
    public static String text(JsonObject o, String key, String fallback) {
        String t = text(o, key);
        return t == null ? fallback : t;
    }

    /** A string (blank as absent) or number value as text; {@code null} otherwise. */
    public static String text(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString().isBlank() ? null : s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        return null;
    }

    /** The text at a path of nested objects, e.g. {@code textAt(body, "detail", "id")}. */
    public static String textAt(JsonObject o, String... path) {
        if (path.length == 0) {
            throw new IllegalArgumentException("empty path");
        }
        JsonObject cur = o;
        for (int i = 0; i < path.length - 1; i++) {
            cur = member(cur, path[i]) instanceof JsonObject next ? next : null;
        }
        return text(cur, path[path.length - 1]);
    }

    /** An integral number, or a string holding one ({@code "5158"}); empty for anything else. */
    public static OptionalLong longValue(JsonObject o, String key) {
        JsonValue v = member(o, key);
        if (v instanceof JsonNumber n) {
            if (!n.isIntegral()) {
                return OptionalLong.empty();
            }
            try {
                return OptionalLong.of(n.longValueExact());
            } catch (ArithmeticException tooLarge) {
                return OptionalLong.empty();
            }
        }
        if (v instanceof JsonString s) {
            try {
                return OptionalLong.of(Long.parseLong(s.getString().strip()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** {@link #longValue(JsonObject, String)} or {@code fallback}. */
    public static long longValue(JsonObject o, String key, long fallback) {
        return longValue(o, key).orElse(fallback);
    }

    /**
     * {@code true}/{@code false}, or the strings {@code "true"}/{@code "false"} in any case (as
     * ServiceNow sends them); {@code fallback} for anything else, including {@code null}.
     */
    public static boolean bool(JsonObject o, String key, boolean fallback) {
        JsonValue v = member(o, key);
        if (v != null && v.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (v != null && v.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        if (v instanceof JsonString s) {
            String t = s.getString().strip().toLowerCase(Locale.ROOT);
            if (t.equals("true")) {
                return true;
            }
            if (t.equals("false")) {
                return false;
            }
        }
        return fallback;
    }

    /** The member as an instant ({@link #instant(String)}); {@code null} when absent or unreadable. */
    public static Instant instant(JsonObject o, String key) {
        return instant(text(o, key));
    }

    /**
     * Reads the time forms helpdesks send: ISO-8601 instants ({@code 2026-01-05T09:00:00Z}, with
     * fractions), ISO date-times with an offset ({@code 2026-01-05T10:00:00+01:00}) and
     * ServiceNow's raw {@code 2026-01-05 09:00:00}, which the Table API gives in UTC (display
     * values are in the reading user's zone and must not come here). {@code null} for anything else.
     */
    public static Instant instant(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip();
        Instant quick = utcSeconds(s);
        if (quick != null) {
            return quick;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException notOffset) {
                return null;
            }
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ssZ} or {@code yyyy-MM-dd HH:mm:ss} (UTC), read digit by digit;
     * {@code null} for any other form or an impossible date, which then takes the full ISO
     * parser. Every ticket and comment carries such stamps, and {@code Instant.parse} was the
     * costliest step of mapping a ticket.
     */
    private static Instant utcSeconds(String v) {
        boolean iso = v.length() == 20 && v.charAt(10) == 'T' && v.charAt(19) == 'Z';
        boolean spaced = v.length() == 19 && v.charAt(10) == ' ';
        if (!(iso || spaced) || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(13) != ':'
                || v.charAt(16) != ':') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The member if it is an object, else the empty object (so that chains never see {@code null}). */
    public static JsonObject object(JsonObject o, String key) {
        return member(o, key) instanceof JsonObject x ? x : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** The member if it is an array, else the empty array. */
    public static JsonArray array(JsonObject o, String key) {
        return member(o, key) instanceof JsonArray x ? x : JsonValue.EMPTY_JSON_ARRAY;
    }

    /** The objects in an array member, skipping elements of other types; empty when absent. */
    public static List<JsonObject> objects(JsonObject o, String key) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue v : array(o, key)) {
            if (v instanceof JsonObject x) {
                out.add(x);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The texts in an array member, in order, skipping {@code null}s, blanks and nested
     * containers (numbers are given as text); empty when absent.
     */
    public static List<String> strings(JsonObject o, String key) {
        return strings(member(o, key));
    }

    /** As {@link #strings(JsonObject, String)} for a value that should be an array. */
    public static List<String> strings(JsonValue v) {
        if (!(v instanceof JsonArray arr)) {
            return List.of();
        }
        List<String> out = new ArrayList<>(arr.size());
        for (JsonValue x : arr) {
            String t = text(x);
            if (t != null) {
                out.add(t);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The objects of an array member keyed by the text of their {@code idKey}, e.g. sideloaded
     * users by {@code id}; objects without an id are left out, a repeated id keeps the first.
     */
    public static Map<String, JsonObject> indexBy(JsonObject o, String arrayKey, String idKey) {
        Map<String, JsonObject> out = new LinkedHashMap<>();
        for (JsonObject x : objects(o, arrayKey)) {
            String id = text(x, idKey);
            if (id != null) {
                out.putIfAbsent(id, x);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** True when the member exists and is JSON {@code null}, which some helpdesks use to clear a field. */
    public static boolean isNull(JsonObject o, String key) {
        JsonValue v = member(o, key);
        return v != null && v.getValueType() == JsonValue.ValueType.NULL;
    }

    private static JsonValue member(JsonObject o, String key) {
        return o == null ? null : o.get(key);
    }
}

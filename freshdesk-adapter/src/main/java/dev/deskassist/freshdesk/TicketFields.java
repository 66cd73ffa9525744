package dev.deskassist.freshdesk;

import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.json.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Freshdesk's ticket field definitions ({@code GET /api/v2/ticket_fields}): each field's type and,
 * for drop-downs, its choices, plus the labels of custom statuses. Freshdesk types its fields and
 * refuses the whole update when one value does not fit (a string for a number, a drop-down value
 * that is not a choice), so {@link #coerce} turns a plan's text into the field's type before it is
 * sent, or says why it cannot. Immutable; the adapter caches one and refreshes it.
 *
 * <p>Choices come in several shapes, all read: a list of strings (drop-downs, ticket type), an
 * object keyed by the choices (nested fields, with deeper levels as values; priorities), a list of
 * objects with {@code value} (the admin API's form), and for {@code status} an object from status
 * code to {@code [agent label, customer label]}.
 */
public final class TicketFields {

    /** No definitions: nothing can be coerced, every status keeps its number's built-in name. */
    public static final TicketFields EMPTY = new TicketFields(Map.of(), Map.of());

    /** The longest single-line text value sent (an assumed Freshdesk limit, not confirmed by our sources). */
    static final int MAX_TEXT = 255;

    /** The built-in ticket type field's name in the definitions; tickets and updates call it {@code type}. */
    static final String TICKET_TYPE = "ticket_type";

    /** One field: its name ({@code cf_…}, or a default field's name), type and first-level choices. */
    public record Field(String name, String type, List<String> choices) {

        public Field {
            Objects.requireNonNull(name, "name");
            type = type == null ? "" : type;
            choices = List.copyOf(choices);
        }

        boolean hasChoices() {
            return type.endsWith("dropdown") || type.equals("default_ticket_type") || type.equals("nested_field");
        }
    }

    /**
     * A value in the field's type, or why it has none.
     *
     * @param text   the value as the ticket will show it (a choice's exact spelling, a canonical number), or null
     * @param reason why the value cannot be written, or null
     */
    public record Coerced(String text, String reason) {

        static Coerced of(String text) {
            return new Coerced(text, null);
        }

        static Coerced skip(String reason) {
            return new Coerced(null, reason);
        }

        public boolean ok() {
            return reason == null;
        }
    }

    private final Map<String, Field> fields;
    private final Map<String, String> statusLabels;

    private TicketFields(Map<String, Field> fields, Map<String, String> statusLabels) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.statusLabels = Collections.unmodifiableMap(new LinkedHashMap<>(statusLabels));
    }

    /** Reads the answer of {@code GET /api/v2/ticket_fields} (an array; elements may be wrapped in {@code ticket_field}). */
    public static TicketFields parse(JsonArray definitions) {
        Map<String, Field> fields = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (JsonValue v : definitions) {
            if (!(v instanceof JsonObject o)) {
                continue;
            }
            JsonObject f = o.get("ticket_field") instanceof JsonObject inner ? inner : o;
            String name = JsonFields.text(f, "name");
            if (name == null) {
                continue;
            }
            String type = JsonFields.text(f, "type", "");
            JsonValue choices = f.get("choices");
            if (name.equals("status") || type.equals("default_status")) {
                labels.putAll(statusLabels(choices));
            }
            fields.put(name, new Field(name, type, choiceValues(choices)));
        }
        return new TicketFields(fields, labels);
    }

    /** The definitions as text, e.g. a fake helpdesk's answer. */
    public static TicketFields parse(String json) {
        try (var r = JsonCodec.jsonp().createReader(new java.io.StringReader(json))) {
            return parse(r.readArray());
        }
    }

    private static List<String> choiceValues(JsonValue choices) {
        List<String> out = new ArrayList<>();
        if (choices instanceof JsonArray arr) {
            for (JsonValue c : arr) {
                String t = c instanceof JsonObject o ? JsonFields.text(o, "value") : JsonFields.text(c);
                if (t != null) {
                    out.add(t);
                }
            }
        } else if (choices instanceof JsonObject o) {
            out.addAll(o.keySet());
        }
        return out;
    }

    private static Map<String, String> statusLabels(JsonValue choices) {
        Map<String, String> out = new LinkedHashMap<>();
        if (choices instanceof JsonObject o) {
            o.forEach((code, labels) -> {
                String label = labels instanceof JsonArray a && !a.isEmpty() ? JsonFields.text(a.get(0))
                        : JsonFields.text(labels);
                if (label != null) {
                    out.put(code, label);
                }
            });
        }
        return out;
    }

    /** The definition of a field by the name updates use ({@code cf_…} or {@code type}), or null. */
    public Field field(String name) {
        return fields.get(FreshdeskConfig.TYPE_FIELD.equals(name) ? TICKET_TYPE : name);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The label of a custom status (6 and above), or null when unknown. */
    public String statusLabel(String code) {
        return statusLabels.get(code);
    }

    /**
     * The value in the field's type: a drop-down value must match a choice (ignoring case, blanks,
     * {@code _} and {@code -}) and takes the choice's spelling; numbers, decimals, checkboxes and
     * dates must read as such. A field Freshdesk does not define cannot be written.
     */
    public Coerced coerce(String name, String value) {
        Field f = field(name);
        if (f == null) {
            return Coerced.skip("Freshdesk has no field " + name);
        }
        String v = value.strip();
        if (f.hasChoices()) {
            String key = choiceKey(v);
            for (String c : f.choices()) {
                if (choiceKey(c).equals(key)) {
                    return Coerced.of(c);
                }
            }
            return Coerced.skip("not one of the field's choices");
        }
        return switch (f.type()) {
            case "custom_number" -> number(v);
            case "custom_decimal" -> decimal(v);
            case "custom_checkbox" -> checkbox(v);
            case "custom_date" -> date(v);
            // a longer value would fail the whole update; a summary belongs in a paragraph field
            case "custom_text" -> value.length() > MAX_TEXT ? Coerced.skip("longer than " + MAX_TEXT
                    + " characters; use a paragraph field") : Coerced.of(value);
            default -> Coerced.of(value);
        };
    }

    /** The JSON value of coerced text for the field (a number, a boolean or a string). */
    JsonValue json(String name, String text) {
        Field f = field(name);
        String type = f == null ? "" : f.type();
        var jsonp = JsonCodec.jsonp();
        try {
            return switch (type) {
                case "custom_number" -> jsonp.createValue(Long.parseLong(text));
                case "custom_decimal" -> jsonp.createValue(new BigDecimal(text));
                case "custom_checkbox" -> Boolean.parseBoolean(text) ? JsonValue.TRUE : JsonValue.FALSE;
                default -> jsonp.createValue(text);
            };
        } catch (NumberFormatException e) {
            // a definition changed between coercion and sending: let Freshdesk say what it wants
            return jsonp.createValue(text);
        }
    }

    private static String choiceKey(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
    }

    private static Coerced number(String v) {
        try {
            BigDecimal d = new BigDecimal(v);
            return Coerced.of(String.valueOf(d.longValueExact()));
        } catch (NumberFormatException | ArithmeticException e) {
            return Coerced.skip("not a whole number");
        }
    }

    private static Coerced decimal(String v) {
        try {
            BigDecimal d = new BigDecimal(v);
            return Coerced.of(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        } catch (NumberFormatException e) {
            return Coerced.skip("not a number");
        }
    }

    private static Coerced checkbox(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> Coerced.of("true");
            case "false", "no", "0" -> Coerced.of("false");
            default -> Coerced.skip("not true or false");
        };
    }

    private static Coerced date(String v) {
        try {
            return Coerced.of(LocalDate.parse(v).toString());
        } catch (DateTimeParseException e) {
            return Coerced.skip("not a date (yyyy-mm-dd)");
        }
    }

    @Override
    public String toString() {
        return "TicketFields[" + fields.size() + " fields, " + statusLabels.size() + " status labels]";
    }
}

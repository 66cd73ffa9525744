package dev.deskassist.core.backtest;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where an export keeps the human decisions. Each source is a small spec:
 * <ul>
 *   <li>{@code field:NAME} — a custom field (Zendesk {@code custom_fields} id, Freshdesk
 *       {@code custom_fields} key), else a top-level attribute (e.g. {@code type},
 *       {@code category}, {@code group_id}), or for CSV a column;</li>
 *   <li>{@code tagPrefix:P} — the first tag starting with {@code P}, the prefix removed;</li>
 *   <li>{@code tags} — the first tag that is one of {@link #knownCategories()};</li>
 *   <li>{@code tag:T} (escalation only) — escalated when the tag {@code T} is present.</li>
 * </ul>
 * The {@code …Values} maps translate raw values (a Zendesk group id, a Freshdesk priority
 * number) into category ids, group names and priorities. {@code columns} names the CSV columns
 * for {@code id}, {@code created}, {@code subject}, {@code description}, {@code reply},
 * {@code tags} and {@code channel}.
 *
 * <pre>{@code
 * {"category": "field:360001", "group": "field:group_id", "groupValues": {"98738": "Billing"},
 *  "escalation": "tag:escalated"}
 * }</pre>
 */
public record ExportMapping(
        String category,
        Map<String, String> categoryValues,
        String group,
        Map<String, String> groupValues,
        String priority,
        Map<String, String> priorityValues,
        String escalation,
        Map<String, String> columns,
        Set<String> knownCategories) {

    private static final Set<String> COLUMN_ROLES = Set.of("id", "created", "subject", "description", "reply",
            "tags", "channel");

    public ExportMapping {
        category = spec(category, "category");
        group = spec(group, "group");
        priority = spec(priority, "priority");
        escalation = spec(escalation, "escalation");
        categoryValues = categoryValues == null ? Map.of() : Map.copyOf(categoryValues);
        groupValues = groupValues == null ? Map.of() : Map.copyOf(groupValues);
        priorityValues = priorityValues == null ? Map.of() : Map.copyOf(priorityValues);
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        for (String role : columns.keySet()) {
            if (!COLUMN_ROLES.contains(role)) {
                throw new IllegalArgumentException("unknown column role '" + role + "' (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(COLUMN_ROLES)) + ")");
            }
        }
        knownCategories = knownCategories == null ? Set.of() : Set.copyOf(knownCategories);
    }

    /**
     * The usual places per format: Zendesk a tag naming a known category, Freshdesk {@code type},
     * ServiceNow {@code category}, CSV a {@code category} column; group, priority and escalation
     * from each helpdesk's own attributes.
     */
    public static ExportMapping defaults(ExportFormat format) {
        return switch (format) {
            case ZENDESK, ZENDESK_NDJSON -> new ExportMapping("tags", null, "field:group_id", null, "field:priority",
                    null, "tag:escalated", null, null);
            case FRESHDESK -> new ExportMapping("field:type", null, "field:group_id", null, "field:priority",
                    Map.of("1", "LOW", "2", "NORMAL", "3", "HIGH", "4", "URGENT"), "field:is_escalated", null, null);
            case SERVICENOW -> new ExportMapping("field:category", null, "field:assignment_group", null,
                    "field:priority", Map.of("1", "URGENT", "2", "HIGH", "3", "NORMAL", "4", "LOW", "5", "LOW"),
                    "field:escalation", null, null);
            case CSV -> new ExportMapping("field:category", null, "field:group", null, "field:priority", null,
                    "field:escalated", Map.of("id", "id", "created", "created_at", "subject", "subject",
                    "description", "description", "reply", "agent_reply", "tags", "tags"), null);
        };
    }

    /** This mapping with the categories a {@code tags} source may pick, and that are reported as known. */
    public ExportMapping withKnownCategories(Set<String> categories) {
        return new ExportMapping(category, categoryValues, group, groupValues, priority, priorityValues, escalation,
                columns, categories);
    }

    /** The CSV column for a role ({@code id}, {@code created}, …), or {@code null}. */
    public String column(String role) {
        return columns.get(role);
    }

    /**
     * Reads a mapping file: its keys replace those of {@link #defaults(ExportFormat)}; an
     * unknown key is an error so that a typo cannot silently leave a field unmapped.
     */
    public static ExportMapping fromJson(String json, String source, ExportFormat format) {
        JsonValue v;
        try (JsonReader r = jakarta.json.Json.createReader(new StringReader(json))) {
            v = r.readValue();
        } catch (jakarta.json.JsonException e) {
            throw new BacktestInputException(source + ": malformed JSON", e);
        }
        if (!(v instanceof JsonObject o)) {
            throw new BacktestInputException(source + ": a mapping is one JSON object");
        }
        ExportMapping d = defaults(format);
        String category = d.category;
        String group = d.group;
        String priority = d.priority;
        String escalation = d.escalation;
        Map<String, String> categoryValues = d.categoryValues;
        Map<String, String> groupValues = d.groupValues;
        Map<String, String> priorityValues = d.priorityValues;
        Map<String, String> columns = new LinkedHashMap<>(d.columns);
        Set<String> known = d.knownCategories;
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            String key = e.getKey();
            switch (key) {
                // null switches a field off: its figures then show every ticket as without a human decision
                case "category" -> category = specOrNull(e.getValue(), source, key);
                case "group" -> group = specOrNull(e.getValue(), source, key);
                case "priority" -> priority = specOrNull(e.getValue(), source, key);
                case "escalation" -> escalation = specOrNull(e.getValue(), source, key);
                case "categoryValues" -> categoryValues = strings(e.getValue(), source, key);
                case "groupValues" -> groupValues = strings(e.getValue(), source, key);
                case "priorityValues" -> priorityValues = strings(e.getValue(), source, key);
                case "columns" -> columns.putAll(strings(e.getValue(), source, key));
                case "knownCategories" -> {
                    if (!(e.getValue() instanceof jakarta.json.JsonArray a)) {
                        throw new BacktestInputException(source + ": knownCategories must be an array of strings");
                    }
                    Set<String> s = new LinkedHashSet<>();
                    a.forEach(x -> s.add(string(x, source, key)));
                    known = s;
                }
                default -> throw new BacktestInputException(source + ": unknown key '" + key + "' (expected category,"
                        + " categoryValues, group, groupValues, priority, priorityValues, escalation, columns,"
                        + " knownCategories)");
            }
        }
        try {
            return new ExportMapping(category, categoryValues, group, groupValues, priority, priorityValues,
                    escalation, columns, known);
        } catch (IllegalArgumentException e) {
            throw new BacktestInputException(source + ": " + e.getMessage(), e);
        }
    }

    private static String specOrNull(JsonValue v, String source, String key) {
        return v.getValueType() == JsonValue.ValueType.NULL ? null : string(v, source, key);
    }

    private static String string(JsonValue v, String source, String key) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new BacktestInputException(source + ": " + key + " must be a string");
    }

    private static Map<String, String> strings(JsonValue v, String source, String key) {
        if (!(v instanceof JsonObject o)) {
            throw new BacktestInputException(source + ": " + key + " must be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        o.forEach((k, x) -> out.put(k, string(x, source, key + "." + k)));
        return out;
    }

    private static String spec(String s, String what) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        String kind = t.contains(":") ? t.substring(0, t.indexOf(':')).toLowerCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT);
        if (!(kind.equals("field") || kind.equals("tagprefix") || kind.equals("tags") || kind.equals("tag"))) {
            throw new IllegalArgumentException(what + " source '" + t
                    + "' is not one of field:NAME, tagPrefix:P, tags, tag:T");
        }
        Objects.requireNonNull(t);
        return t;
    }
}

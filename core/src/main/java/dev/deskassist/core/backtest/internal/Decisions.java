package dev.deskassist.core.backtest.internal;

import dev.deskassist.core.backtest.ExportMapping;
import dev.deskassist.core.backtest.HumanDecisions;
import dev.deskassist.core.model.Priority;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves a mapping's sources against one record, whatever its format: the record supplies a
 * field lookup and its tags, this class applies the specs and the value maps.
 */
final class Decisions {

    private Decisions() {
    }

    /** {@code fields} answers a field name (custom field or attribute or column) or null; {@code tags} may be null. */
    static HumanDecisions read(ExportMapping m, Function<String, String> fields, List<String> tags) {
        String category = text(m.category(), fields, tags, m);
        if (category != null) {
            category = m.categoryValues().getOrDefault(category, category).strip().toLowerCase(Locale.ROOT);
        }
        String group = text(m.group(), fields, tags, m);
        if (group != null) {
            group = m.groupValues().getOrDefault(group, group);
        }
        Priority priority = priority(text(m.priority(), fields, tags, m), m.priorityValues());
        Boolean escalated = flag(m.escalation(), fields, tags);
        return new HumanDecisions(category, group, priority, escalated);
    }

    private static String text(String spec, Function<String, String> fields, List<String> tags, ExportMapping m) {
        if (spec == null) {
            return null;
        }
        String kind = kind(spec);
        String arg = arg(spec);
        switch (kind) {
            case "field" -> {
                String v = fields.apply(arg);
                return v == null || v.isBlank() ? null : v.strip();
            }
            case "tagprefix" -> {
                if (tags != null) {
                    for (String t : tags) {
                        if (t.startsWith(arg) && t.length() > arg.length()) {
                            return t.substring(arg.length());
                        }
                    }
                }
                return null;
            }
            case "tags" -> {
                if (tags != null) {
                    for (String t : tags) {
                        String mapped = m.categoryValues().getOrDefault(t, t).toLowerCase(Locale.ROOT);
                        if (m.knownCategories().contains(mapped)) {
                            return t;
                        }
                    }
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static Boolean flag(String spec, Function<String, String> fields, List<String> tags) {
        if (spec == null) {
            return null;
        }
        String kind = kind(spec);
        String arg = arg(spec);
        if (kind.equals("tag")) {
            return tags == null ? null : tags.contains(arg);
        }
        if (kind.equals("field")) {
            return truthy(fields.apply(arg));
        }
        return null;
    }

    static Boolean truthy(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String t = v.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "true", "yes", "y", "ja", "escalated" -> {
                return true;
            }
            case "false", "no", "n", "nein", "none", "normal" -> {
                return false;
            }
            default -> {
                try {
                    // ServiceNow escalation: 0 normal, 1 moderate, 2 high, 3 overdue
                    return Double.parseDouble(t.split("\\s")[0]) != 0.0;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
    }

    private static Priority priority(String raw, Map<String, String> values) {
        if (raw == null) {
            return null;
        }
        String mapped = values.get(raw);
        if (mapped == null) {
            // ServiceNow display values read "1 - Critical"; the leading number is the raw value
            String lead = raw.split("[\\s-]")[0];
            mapped = values.getOrDefault(lead, raw);
        }
        String m = mapped.strip().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "critical", "dringend" -> Priority.URGENT;
            case "medium", "moderate", "mittel" -> Priority.NORMAL;
            case "planning", "niedrig" -> Priority.LOW;
            case "hoch" -> Priority.HIGH;
            default -> Priority.parse(m).orElse(null);
        };
    }

    /** The NAME of a {@code field:NAME} spec (a CSV column), else {@code null}. */
    static String fieldName(String spec) {
        return spec != null && spec.indexOf(':') >= 0 && kind(spec).equals("field") ? arg(spec) : null;
    }

    private static String kind(String spec) {
        int i = spec.indexOf(':');
        return (i < 0 ? spec : spec.substring(0, i)).toLowerCase(Locale.ROOT);
    }

    private static String arg(String spec) {
        int i = spec.indexOf(':');
        return i < 0 ? "" : spec.substring(i + 1);
    }
}

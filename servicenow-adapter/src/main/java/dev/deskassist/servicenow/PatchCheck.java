package dev.deskassist.servicenow;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the answer to one PATCH shows beyond the values the write-back routine compares itself:
 * ServiceNow has no conditional write and ignores what the integration user may not write, so
 * after each PATCH the answer is checked for
 * <ul>
 *   <li>{@code sys_mod_count} one above the version read right before: more means another update
 *       landed in between (ours may have overwritten a value it set);</li>
 *   <li>every field sent holding the value sent (the journal fields aside, whose raw value is
 *       always empty): otherwise the instance silently ignored it;</li>
 *   <li>the priority the instance computed from the impact and urgency sent being the one the
 *       configured {@link PriorityMatrix} promises: otherwise the instance's lookup differs.</li>
 * </ul>
 * Each finding is one line without values, since field values may be ticket text. Pure.
 */
final class PatchCheck {

    private static final Set<String> JOURNAL = Set.of("work_notes", "comments");

    private PatchCheck() {
    }

    /**
     * @param sent          the PATCH's fields and values, by ServiceNow field
     * @param answered      the record in the PATCH's answer
     * @param versionBefore the {@code sys_mod_count} the write was based on, or null
     * @param matrix        the configured lookup, or null when no priority was written
     */
    static List<String> findings(Map<String, String> sent, JsonObject answered, String versionBefore,
                                 PriorityMatrix matrix) {
        List<String> out = new ArrayList<>();
        String after = ServiceNowMapping.value(answered, "sys_mod_count");
        Long before = number(versionBefore);
        Long now = number(after);
        if (before != null && now != null && now != before + 1) {
            out.add("sys_mod_count went from " + before + " to " + now + " with one PATCH: another update may have "
                    + "interleaved with ours");
        } else if (before != null && now == null) {
            out.add("the PATCH answer holds no sys_mod_count: an interleaved update cannot be ruled out");
        }
        List<String> ignored = new ArrayList<>();
        sent.forEach((field, value) -> {
            if (!JOURNAL.contains(field) && !value.strip().equals(orEmpty(ServiceNowMapping.value(answered, field)))) {
                ignored.add(field);
                out.add(field + " (ignored by the instance: the answer holds another value; the integration user "
                        + "may lack write access, or a business rule or data policy changed it)");
            }
        });
        if (matrix != null && sent.containsKey("impact") && sent.containsKey("urgency") && !ignored.contains("impact")
                && !ignored.contains("urgency")) {
            PriorityMatrix.Pair pair = new PriorityMatrix.Pair(Integer.parseInt(sent.get("impact")),
                    Integer.parseInt(sent.get("urgency")));
            int expected = matrix.priorityOf(pair);
            String got = ServiceNowMapping.value(answered, "priority");
            if (!String.valueOf(expected).equals(got == null ? null : got.strip())) {
                out.add("priority (the instance computed " + (got == null ? "nothing" : got) + " from impact "
                        + pair.impact() + " and urgency " + pair.urgency() + ", servicenow.priorityMatrix says "
                        + expected + ": the instance's priority lookup differs; align the matrix with it)");
            }
        }
        return List.copyOf(out);
    }

    private static Long number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}

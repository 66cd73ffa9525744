package dev.deskassist.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.pipeline.PipelineHealth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {

    /** A sample line of the text exposition format: name, optional labels, a number or NaN. */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\"(,[a-zA-Z_][a-zA-Z0-9_]*="
                    + "\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\")*})? (-?[0-9]+(\\.[0-9]+)?|NaN)");

    private static PipelineHealth health(long pending, long deadLetters, Map<String, String> circuits) {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("accepted", 120L);
        counters.put("duplicates", 4L);
        counters.put("deadLettered", 2L);
        counters.put("unknownHelpdesk", 1L);
        counters.put("processed", 118L);
        return new PipelineHealth(true, true, circuits, pending, 3, deadLetters, counters);
    }

    private static Map<String, String> samples(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                out.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return out;
    }

    @Test
    void gaugesCountersAndCircuitsWithTheirValues() {
        String text = PrometheusMetrics.text(health(7, 2, Map.of("zendesk", "CLOSED", "freshdesk", "OPEN",
                "servicenow", "HALF_OPEN", "other", "UNKNOWN")));
        Map<String, String> s = samples(text);
        assertEquals("1", s.get("deskassist_pipeline_accepting"));
        assertEquals("1", s.get("deskassist_pipeline_store_up"));
        assertEquals("7", s.get("deskassist_pipeline_pending_events"));
        assertEquals("3", s.get("deskassist_pipeline_in_flight_runs"));
        assertEquals("2", s.get("deskassist_pipeline_dead_letters"));
        assertEquals("120", s.get("deskassist_pipeline_accepted_total"));
        assertEquals("2", s.get("deskassist_pipeline_dead_lettered_total"));
        assertEquals("1", s.get("deskassist_pipeline_unknown_helpdesk_total"));
        assertEquals("118", s.get("deskassist_pipeline_processed_total"));
        assertEquals("0", s.get("deskassist_helpdesk_circuit_state{helpdesk=\"zendesk\"}"));
        assertEquals("1", s.get("deskassist_helpdesk_circuit_state{helpdesk=\"freshdesk\"}"));
        assertEquals("2", s.get("deskassist_helpdesk_circuit_state{helpdesk=\"servicenow\"}"));
        assertEquals("-1", s.get("deskassist_helpdesk_circuit_state{helpdesk=\"other\"}"));
    }

    @Test
    void everyLineIsValidExpositionAndEveryFamilyHasHelpAndTypeOnce() {
        String text = PrometheusMetrics.text(health(0, 0, Map.of("zen\"desk\\x", "CLOSED")));
        assertTrue(text.endsWith("\n"));
        List<String> typed = new ArrayList<>();
        String family = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ")) {
                family = line.split(" ")[2];
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                assertEquals(family, parts[2], "TYPE follows its HELP");
                assertTrue(parts[3].equals("gauge") || parts[3].equals("counter"), line);
                assertTrue(parts[3].equals("counter") == parts[2].endsWith("_total"), "counters end in _total: " + line);
                typed.add(parts[2]);
            } else {
                assertTrue(SAMPLE.matcher(line).matches(), "not a valid sample line: " + line);
                assertTrue(line.startsWith(family), "a sample belongs to the family announced before it: " + line);
            }
        }
        assertEquals(typed.size(), typed.stream().distinct().count(), "each family once: " + typed);
        assertTrue(text.contains("{helpdesk=\"zen\\\"desk\\\\x\"} 0"), "label values escaped: " + text);
    }

    @Test
    void aStoreThatDoesNotAnswerIsNaNNotMinusOne() {
        Map<String, String> s = samples(PrometheusMetrics.text(new PipelineHealth(false, false, Map.of(), -1, 0, -1,
                Map.of())));
        assertEquals("NaN", s.get("deskassist_pipeline_pending_events"));
        assertEquals("NaN", s.get("deskassist_pipeline_dead_letters"));
        assertEquals("0", s.get("deskassist_pipeline_accepting"));
        assertEquals("0", s.get("deskassist_pipeline_store_up"));
    }

    @Test
    void namesAndCircuitStates() {
        assertEquals("dead_lettered", PrometheusMetrics.snake("deadLettered"));
        assertEquals("unknown_helpdesk", PrometheusMetrics.snake("unknownHelpdesk"));
        assertEquals("a_b_c", PrometheusMetrics.snake("a.b-c"));
        assertEquals(1, PrometheusMetrics.circuit("FORCED_OPEN"));
        assertEquals(0, PrometheusMetrics.circuit("DISABLED"));
        assertEquals(-1, PrometheusMetrics.circuit(null));
    }
}

package dev.deskassist.core.pipeline;

import static dev.deskassist.core.pipeline.PipelineFixture.HELPDESK;
import static dev.deskassist.core.pipeline.PipelineFixture.fast;
import static dev.deskassist.core.pipeline.PipelineFixture.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.metrics.MicrometerMetrics;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.TriageResult;
import dev.deskassist.core.writeback.WriteBack;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/** Metrics and log context of a real pipeline on a real store, with an in-test helpdesk. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipelineObservabilityTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final TestHelpdesk helpdesk = new TestHelpdesk(HELPDESK);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private SqliteEventStore store;
    private DeskAssist assist;
    private Pipeline pipeline;

    @BeforeEach
    void open() {
        store = SqliteEventStore.open(dir);
        // category abstains and triage escalates, so both counters have something to count
        assist = DeskAssist.builder()
                .triage(t -> new TriageResult(
                        Decision.of("de", 0.98, "test-lang"),
                        Decision.of(Sentiment.NEUTRAL, 0.6, "test-sentiment"),
                        Decision.of(StyleProfile.UNKNOWN, 0.5, "test-style"),
                        List.of(),
                        Decision.none("test-model", "below the abstain threshold"),
                        Decision.of(Priority.NORMAL, 0.8, "test-policy"),
                        Decision.none("test-routing", "no category"),
                        Decision.of(true, 0.9, "test-escalation")))
                .writeBackPlanner((t, tr, s, d) -> WriteBack.builder(t.id()).addTag("da_escalate").build())
                .build();
        MicrometerMetrics metrics = MicrometerMetrics.of(registry);
        pipeline = Pipeline.builder().adapter(helpdesk, PipelineFixture.guard()).assist(assist).store(store)
                .settings(fast().build()).listener(metrics).build();
        metrics.bindTo(pipeline);
    }

    @AfterEach
    void close() {
        pipeline.stop(Duration.ofSeconds(5));
        store.close();
        assist.close();
    }

    @Test
    void countsWebhooksRunsOutcomesAbstentionsAndEscalationsWithoutIds() {
        pipeline.start();
        helpdesk.missing.add("404");
        assertEquals(Acceptance.Outcome.ACCEPTED, pipeline.accept(HELPDESK, webhook("t1", "d-1")).outcome());
        assertEquals(Acceptance.Outcome.DUPLICATE, pipeline.accept(HELPDESK, webhook("t1", "d-1")).outcome());
        assertEquals(Acceptance.Outcome.ACCEPTED, pipeline.accept(HELPDESK, webhook("404", "d-2")).outcome());
        assertEquals(Acceptance.Outcome.UNAUTHENTICATED, pipeline.accept(HELPDESK, PipelineFixture.request(
                "{\"ticket_id\":\"t9\"}".getBytes(StandardCharsets.UTF_8),
                Map.of(TestHelpdesk.SIGNATURE, "forged"))).outcome());
        assertEquals(Acceptance.Outcome.UNKNOWN_HELPDESK, pipeline.accept("nope", webhook("t1", "d-3")).outcome());
        assertTrue(pipeline.awaitIdle(WAIT), "processed");

        assertEquals(2, count("deskassist.webhooks", "outcome", "accepted", "helpdesk", HELPDESK, "reason", "none"));
        assertEquals(1, count("deskassist.webhooks", "outcome", "duplicate"));
        assertEquals(1, count("deskassist.webhooks", "outcome", "unauthenticated", "reason", "bad_signature"));
        assertEquals(1, count("deskassist.webhooks", "outcome", "unknown_helpdesk", "helpdesk", "unknown"));

        assertEquals(1, registry.get("deskassist.runs").tags("helpdesk", HELPDESK, "result", "processed").timer().count());
        assertEquals(1, registry.get("deskassist.runs").tags("result", "dead_letter").timer().count());
        assertEquals(1, registry.get("deskassist.events.latency").timer().count());
        assertEquals(1, count("deskassist.writeback.outcomes", "helpdesk", HELPDESK, "outcome", "written"));
        assertEquals(1, count("deskassist.writeback.outcomes", "outcome", "dead_lettered", "reason", "not_found"));
        assertEquals(1, count("deskassist.triage.abstentions", "field", "category"));
        assertEquals(1, count("deskassist.triage.abstentions", "field", "group"));
        assertTrue(registry.find("deskassist.triage.abstentions").tags("field", "language").counters().isEmpty(),
                "language had a value");
        assertEquals(1, count("deskassist.triage.escalations", "helpdesk", HELPDESK));

        // the health binding reads the pipeline at scrape time
        assertEquals(2, registry.get("deskassist.pipeline.accepted").functionCounter().count());
        assertEquals(1, registry.get("deskassist.pipeline.duplicates").functionCounter().count());
        assertEquals(1, registry.get("deskassist.pipeline.dead.lettered").functionCounter().count());
        assertEquals(0, registry.get("deskassist.pipeline.pending.events").gauge().value());
        assertEquals(1, registry.get("deskassist.pipeline.dead.letters").gauge().value());
        assertEquals(1, registry.get("deskassist.pipeline.accepting").gauge().value());
        assertEquals(0, registry.get("deskassist.helpdesk.circuit.state").tag("helpdesk", HELPDESK).gauge().value());

        // no ids in any tag: series stay bounded and name no ticket or delivery
        Set<String> ids = Set.of("t1", "404", "t9", "d-1", "d-2", "d-3");
        for (Meter m : registry.getMeters()) {
            for (Tag tag : m.getId().getTags()) {
                assertFalse(ids.contains(tag.getValue()), m.getId() + " carries an id");
            }
        }
    }

    @Test
    void everyLineOfAStepCarriesHelpdeskTicketAndDelivery() {
        assertTrue(CapturedLogs.active(), "core's tests log through CapturedLogs (surefire slf4j.provider)");
        pipeline.start();
        MDC.put(LogContext.HELPDESK, "outer");
        CapturedLogs.start();
        List<CapturedLogs.Line> lines;
        try {
            assertEquals(Acceptance.Outcome.ACCEPTED, pipeline.accept(HELPDESK, webhook("t7", "d-7")).outcome());
            assertEquals("outer", MDC.get(LogContext.HELPDESK), "the caller's own value is given back");
            assertNull(MDC.get(LogContext.TICKET_ID));
            assertNull(MDC.get(LogContext.DELIVERY_ID));
            assertTrue(pipeline.awaitIdle(WAIT), "processed");
        } finally {
            lines = CapturedLogs.stop();
            MDC.remove(LogContext.HELPDESK);
        }
        String caller = Thread.currentThread().getName();
        List<CapturedLogs.Line> intake = lines.stream()
                .filter(l -> l.thread().equals(caller) && l.logger().equals(Pipeline.class.getName())).toList();
        List<CapturedLogs.Line> run = lines.stream()
                .filter(l -> l.thread().startsWith("deskassist-pipeline-worker-")).toList();
        assertFalse(intake.isEmpty(), "the intake logs the accepted delivery (debug)");
        assertTrue(run.stream().anyMatch(l -> l.level() == Level.INFO && l.logger().equals(Pipeline.class.getName())),
                "the run logs its result: " + run);
        for (CapturedLogs.Line l : intake) {
            assertEquals(Map.of(LogContext.HELPDESK, HELPDESK, LogContext.TICKET_ID, "t7", LogContext.DELIVERY_ID, "d-7"),
                    l.mdc(), l.message());
        }
        for (CapturedLogs.Line l : run) {
            assertEquals(Map.of(LogContext.HELPDESK, HELPDESK, LogContext.TICKET_ID, "t7", LogContext.DELIVERY_ID, "d-7"),
                    l.mdc(), l.message());
        }
        for (CapturedLogs.Line l : lines) {
            assertFalse(l.message().contains("Rechnung") || l.message().contains("doppelt"),
                    "no ticket text in logs: " + l.message());
        }
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}

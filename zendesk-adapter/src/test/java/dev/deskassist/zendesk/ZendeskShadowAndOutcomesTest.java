package dev.deskassist.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.adapter.LoopGuard;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.audit.AuditSink;
import dev.deskassist.core.audit.DecisionRecord;
import dev.deskassist.core.audit.FeedbackRecord;
import dev.deskassist.core.audit.OutcomeKind;
import dev.deskassist.core.audit.OutcomeRecord;
import dev.deskassist.core.audit.WriteOutcome;
import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.outcome.OutcomeTracker;
import dev.deskassist.core.pipeline.Pipeline;
import dev.deskassist.core.pipeline.PipelineSettings;
import dev.deskassist.core.pipeline.RunMode;
import dev.deskassist.core.pipeline.SqliteEventStore;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.TriageResult;
import dev.deskassist.core.writeback.WriteBack;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline against a fake Zendesk: in shadow mode it reads, decides and records, and sends no
 * write request at all; live, a later agent edit of a field we wrote comes back as a correction,
 * and the {@code da_bad} tag as feedback, with no personal data in any record.
 */
class ZendeskShadowAndOutcomesTest {

    private static final String TICKET = "101";
    private static final String CATEGORY_FIELD = "360001";
    private static final String EMAIL = "eva.muster@example.de";

    @TempDir
    Path dir;

    private FakeZendesk zendesk;
    private ZendeskAdapter adapter;
    private LoopGuard guard;
    private SqliteEventStore store;
    private final List<DecisionRecord> decisions = new CopyOnWriteArrayList<>();
    private final List<OutcomeRecord> outcomes = new CopyOnWriteArrayList<>();
    private final List<FeedbackRecord> feedback = new CopyOnWriteArrayList<>();
    private final AuditSink sink = new AuditSink() {
        @Override
        public void record(DecisionRecord record) {
            decisions.add(record);
        }

        @Override
        public void outcome(OutcomeRecord record) {
            outcomes.add(record);
        }

        @Override
        public void feedback(FeedbackRecord record) {
            feedback.add(record);
        }
    };

    @BeforeEach
    void start() throws Exception {
        zendesk = new FakeZendesk();
        zendesk.addTicket(TICKET, "Rechnung doppelt abgebucht", "Meine Rechnung wurde doppelt abgebucht. Eva Muster, "
                + EMAIL, "Eva Muster", EMAIL, "Muster GmbH", List.of(), List.of());
        Map<String, String> p = new HashMap<>();
        p.put("zendesk.baseUrl", zendesk.url());
        p.put("zendesk.email", "bot@example.com");
        p.put("zendesk.apiToken", "t");
        p.put("zendesk.webhookSecret", "outcomes-test-signing-secret");
        p.put("zendesk.integrationUserIds", zendesk.integrationUserId());
        p.put("zendesk.fieldIds", "category=" + CATEGORY_FIELD);
        ZendeskConfig config = ZendeskConfig.of(p::get);
        adapter = new ZendeskAdapter(config);
        guard = new LoopGuard(config.integrationUserIds(), config.markerTag().orElse(null));
        store = SqliteEventStore.open(dir);
    }

    @AfterEach
    void stop() {
        adapter.close();
        store.close();
        zendesk.close();
    }

    private Pipeline pipeline(RunMode mode) {
        DeskAssist assist = DeskAssist.builder()
                .triage(t -> new TriageResult(Decision.of("de", 0.98, "lang"),
                        Decision.of(Sentiment.NEUTRAL, 0.6, "s"), Decision.of(StyleProfile.UNKNOWN, 0.5, "st"),
                        List.of(), Decision.of("billing", 0.91, "model"), Decision.of(Priority.HIGH, 0.8, "policy"),
                        Decision.of("Billing", 0.9, "routing"), Decision.of(false, 0.9, "esc")))
                .writeBackPlanner((t, tr, s, d) -> WriteBack.builder(t.id()).addTag("ai_billing")
                        .priority(Priority.HIGH).field(WriteBack.Field.CATEGORY, "billing")
                        .internalNote("Suggested category: billing").build())
                .build();
        return Pipeline.builder().adapter(adapter, guard).assist(assist).store(store)
                .settings(PipelineSettings.builder().workers(1).pollInterval(Duration.ofMillis(10))
                        .stopDeadline(Duration.ofSeconds(5)).build())
                .auditSink(sink).mode(mode).outcomes(OutcomeTracker.defaults()).build();
    }

    private void runOnce(Pipeline pipeline) {
        pipeline.enqueue(TicketRef.of("zendesk", TICKET), TicketEvent.Type.UPDATED);
        assertTrue(pipeline.awaitIdle(Duration.ofSeconds(20)), "pipeline did not finish");
    }

    @Test
    void shadowModeSendsNoWriteRequestAndRecordsTheDecision() {
        try (Pipeline pipeline = pipeline(RunMode.SHADOW).start()) {
            runOnce(pipeline);
            zendesk.edit(TICKET, s -> s.fields.put(CATEGORY_FIELD, "shipping"));
            runOnce(pipeline);
        }
        assertEquals(List.of(), zendesk.writes(), "shadow mode wrote to the helpdesk");
        assertFalse(zendesk.calls().isEmpty(), "the ticket was read");
        assertEquals(0, zendesk.appliedUpdates(TICKET));
        assertEquals(List.of(WriteOutcome.SHADOW, WriteOutcome.SHADOW),
                decisions.stream().map(DecisionRecord::outcome).toList());
        assertEquals("billing", decisions.get(0).decision("category").orElseThrow().value());
        OutcomeRecord disagreed = outcomes.stream().filter(o -> o.kind() == OutcomeKind.SHADOW_DISAGREED)
                .findFirst().orElseThrow(() -> new AssertionError("no disagreement in " + outcomes));
        assertEquals("billing", disagreed.from());
        assertEquals("shipping", disagreed.to());
        assertTrue(disagreed.shadow());
    }

    @Test
    void liveAnAgentsCorrectionAndFeedbackTagComeBackAsRecordsWithoutPersonalData() {
        try (Pipeline pipeline = pipeline(RunMode.LIVE).start()) {
            runOnce(pipeline);
            assertEquals("billing", zendesk.ticket(TICKET).fields.get(CATEGORY_FIELD));
            zendesk.edit(TICKET, s -> {
                s.fields.put(CATEGORY_FIELD, "shipping");
                s.tags.add("da_bad");
            });
            runOnce(pipeline);
        }
        assertEquals(WriteOutcome.WRITTEN, decisions.get(0).outcome());
        OutcomeRecord corrected = outcomes.stream().filter(o -> o.kind() == OutcomeKind.FIELD_CORRECTED)
                .findFirst().orElseThrow(() -> new AssertionError("no correction in " + outcomes));
        assertEquals("category", corrected.field());
        assertEquals("billing", corrected.from());
        assertEquals("shipping", corrected.to());
        assertEquals(decisions.get(0).recordId(), corrected.decisionRecordId());
        assertEquals(1, feedback.size());
        assertEquals("bad", feedback.get(0).verdict());
        assertEquals("billing", feedback.get(0).category());
        String json = JsonCodec.toJson(List.of(outcomes, feedback));
        assertFalse(json.contains(EMAIL), json);
        assertFalse(json.contains("Muster"), json);
    }
}

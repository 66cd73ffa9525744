package dev.deskassist.core.pipeline;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.adapter.LoopGuard;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.audit.AuditSink;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.TriageResult;
import dev.deskassist.core.writeback.WriteBack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Builds the pieces every pipeline test needs: DeskAssist with a fixed triage, webhook requests, waiting. */
final class PipelineFixture {

    static final String HELPDESK = "test";
    static final String MARKER = "deskassist";

    private PipelineFixture() {
    }

    /** The real DeskAssist facade with a fixed triage and a planner that tags the category. */
    static DeskAssist deskAssist(AuditSink sink) {
        return DeskAssist.builder()
                .triage(t -> new TriageResult(
                        Decision.of("de", 0.98, "test-lang"),
                        Decision.of(Sentiment.NEUTRAL, 0.6, "test-sentiment"),
                        Decision.of(StyleProfile.UNKNOWN, 0.5, "test-style"),
                        List.of(),
                        Decision.of("billing", 0.91, "test-model", "model: billing 0.91"),
                        Decision.of(Priority.NORMAL, 0.8, "test-policy"),
                        Decision.of("Billing", 0.91, "test-routing"),
                        Decision.of(false, 0.9, "test-escalation")))
                .writeBackPlanner((t, tr, s, d) -> WriteBack.builder(t.id()).addTag("da_billing").build())
                .auditSink(sink)
                .build();
    }

    static LoopGuard guard() {
        return new LoopGuard(java.util.Set.of("integration-user"), MARKER);
    }

    /** Settings for tests: few workers, quick polls, a short stop deadline. */
    static PipelineSettings.Builder fast() {
        return PipelineSettings.builder().workers(2).pollInterval(Duration.ofMillis(10))
                .stopDeadline(Duration.ofSeconds(5));
    }

    static WebhookRequest webhook(String ticketId, String delivery) {
        return webhook("{\"ticket_id\":\"" + ticketId + "\",\"event\":\"UPDATED\",\"delivery\":\"" + delivery + "\"}");
    }

    static WebhookRequest webhook(String json) {
        return request(json.getBytes(StandardCharsets.UTF_8), Map.of(TestHelpdesk.SIGNATURE, "valid"));
    }

    static WebhookRequest request(byte[] body, Map<String, String> headers) {
        return WebhookRequest.ofSingleValued("POST", "/webhooks/" + HELPDESK, headers, body, Instant.now());
    }

    /** Polls until the condition holds; fails the test after the timeout. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}

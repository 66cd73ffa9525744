package dev.deskassist.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.draft.Drafting;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.summary.Summary;
import dev.deskassist.core.triage.TriageResult;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmDraftingTest {

    MockWebServer server;
    OpenAiCompatibleClient client;
    LlmEngines engines;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = OpenAiCompatibleClient.builder(server.url("/v1").toString()).model("gpt-4o")
                .http(c -> c.backoff(Duration.ofMillis(1), Duration.ofMillis(5))).build();
        FeatureConfig f = FeatureConfig.llm(client).timeout(Duration.ofSeconds(5)).build();
        engines = new LlmEngines(LlmSettings.builder().drafting(f).summary(f).build());
    }

    @AfterEach
    void stop() throws Exception {
        engines.close();
        server.shutdown();
    }

    Drafting drafting() {
        return engines.drafting(TestDoubles.OFFLINE_DRAFTING, TestDoubles.RETRIEVER, TestDoubles.GUARDRAILS,
                TestDoubles.DETECTOR, TestDoubles.TAXONOMY);
    }

    static String draftJson(String body, List<String> citations) {
        var c = Json.createArrayBuilder();
        citations.forEach(c::add);
        return Json.createObjectBuilder().add("body", body).add("citations", c).add("questions", Json.createArrayBuilder())
                .add("confidence", 0.9).build().toString();
    }

    static Ticket parcel() {
        return TestDoubles.ticket("1", "Rücksendung", "Hallo, ich möchte die Schuhe zurückschicken. Wie geht das bitte?");
    }

    static TriageResult triage(Ticket t) {
        return TestDoubles.OFFLINE_TRIAGE.triage(t);
    }

    @Test
    void draftIsRestoredCitedDisclosedOnceAndReviewed() throws Exception {
        server.enqueue(ProviderBodies.openAiOk(draftJson("Hallo [NAME_1],\nSie können die Schuhe innerhalb von 30 Tagen "
                + "kostenlos zurückschicken, siehe [kb-40#2] und [kb-99#1]. Wir haben das für Sie geprüft.\n"
                + "Diese Antwort wurde mit Unterstützung durch KI erstellt.", List.of("kb-40#2", "kb-77#3"))));
        Ticket t = parcel();
        Draft d = drafting().draft(t, triage(t));
        assertTrue(d.body().startsWith("Hallo Jana Schmidt,"), d.body());
        assertFalse(d.body().contains("KI"), "model-written disclosure stripped: " + d.body());
        assertFalse(d.body().contains("kb-99#1"), "unknown inline id removed");
        assertTrue(d.body().contains("[kb-40#2]"));
        assertEquals(List.of("kb-40#2"), d.citations().stream().map(c -> c.passageId()).toList());
        assertTrue(d.reasons().contains("removed 2 citation(s) of passages that were not retrieved"), d.reasons().toString());
        assertTrue(d.reasons().contains("removed an AI disclosure the model wrote; code adds it once"));
        assertTrue(d.reasons().contains("language checked: de"));
        assertEquals(1, d.fullText().split("KI erstellt", -1).length - 1, "disclosure exactly once: " + d.fullText());
        assertEquals("llm:openai/gpt-4o@draft-v1", d.decidedBy());

        String prompt = server.takeRequest().getBody().readUtf8();
        assertTrue(prompt.contains("[kb-40#2]") && prompt.contains("Never promise a refund"), "passages and rules in prompt");
        assertFalse(prompt.contains("Jana") || prompt.contains("jana.schmidt"), "no personal data in prompt");
    }

    @Test
    void wrongLanguageIsRepairedOnce() throws Exception {
        server.enqueue(ProviderBodies.openAiOk(draftJson("Hello, you can return the shoes within 30 days for free.",
                List.of("kb-40#2"))));
        server.enqueue(ProviderBodies.openAiOk(draftJson("Hallo, Sie können die Schuhe innerhalb von 30 Tagen zurückschicken.",
                List.of("kb-40#2"))));
        Ticket t = parcel();
        Draft d = drafting().draft(t, triage(t));
        assertEquals("de", d.language());
        assertTrue(d.body().startsWith("Hallo, Sie"), d.body());
        assertTrue(d.reasons().contains("answer was in en; repaired once to de"), d.reasons().toString());
        server.takeRequest();
        assertTrue(server.takeRequest().getBody().readUtf8().contains("must be in German"));
    }

    @Test
    void wrongLanguageTwiceFallsBackToOffline() {
        for (int i = 0; i < 2; i++) {
            server.enqueue(ProviderBodies.openAiOk(draftJson("Hello, you can return the shoes within 30 days for free.",
                    List.of())));
        }
        Ticket t = parcel();
        Draft d = drafting().draft(t, triage(t));
        assertEquals("offline draft", d.body());
        assertTrue(d.reasons().contains("LLM answer rejected (openai: answer in en instead of de after one repair); "
                + "offline engine answered"), d.reasons().toString());
    }

    @Test
    void guardrailsRemoveForbiddenPromise() {
        server.enqueue(ProviderBodies.openAiOk(draftJson("Hallo, wir erstatten Ihnen den vollen Betrag sofort. "
                + "Sie können die Schuhe zurückschicken.", List.of("kb-40#2"))));
        Ticket t = parcel();
        Draft d = drafting().draft(t, triage(t));
        assertFalse(d.body().contains("erstatten"), d.body());
        assertTrue(d.requiresApproval());
    }

    @Test
    void inventedPlaceholderRequiresApproval() {
        server.enqueue(ProviderBodies.openAiOk(draftJson("Hallo [NAME_7], Sie können die Schuhe zurückschicken.",
                List.of("kb-40#2"))));
        Ticket t = parcel();
        Draft d = drafting().draft(t, triage(t));
        assertTrue(d.requiresApproval());
        assertTrue(d.approvalReasons().contains("draft contains placeholders that stand for no known value"));
    }

    @Test
    void summaryIsRestoredAndLanguageChecked() {
        server.enqueue(ProviderBodies.openAiOk(Json.createObjectBuilder()
                .add("customer_wants", "[NAME_1] möchte die Schuhe zurückschicken und bittet um eine Anleitung.")
                .add("tried", Json.createArrayBuilder())
                .add("current_state", "Die Anfrage ist noch nicht beantwortet.")
                .add("open_questions", Json.createArrayBuilder().add("Ist die Ware ungetragen?"))
                .add("next_step", "Der Kundin den Link zum Rücksendeetikett schicken.")
                .add("confidence", 0.95).build().toString()));
        Ticket t = parcel();
        Summary s = engines.summarizing(TestDoubles.OFFLINE_SUMMARY, TestDoubles.DETECTOR).summarize(t, triage(t));
        assertTrue(s.customerWants().startsWith("Jana Schmidt möchte"), s.customerWants());
        assertEquals(0.9, s.confidence(), 1e-9);
        assertEquals("llm:openai/gpt-4o@summary-v1", s.decidedBy());
        assertTrue(s.reasons().contains("language checked: de"), s.reasons().toString());
    }

    @Test
    void summaryFallsBackOnServerError() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(ProviderBodies.error(503, "openai-error-500.json"));
        }
        Ticket t = parcel();
        Summary s = engines.summarizing(TestDoubles.OFFLINE_SUMMARY, TestDoubles.DETECTOR).summarize(t, triage(t));
        assertEquals("offline", s.decidedBy());
        assertTrue(s.reasons().contains("LLM unavailable (openai: HTTP 503 after 2 retries); offline engine answered"),
                s.reasons().toString());
    }
}

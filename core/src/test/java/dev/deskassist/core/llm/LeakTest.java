package dev.deskassist.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.draft.Drafting;
import dev.deskassist.core.privacy.SensitivityPolicy;
import dev.deskassist.core.summary.Summarizing;
import dev.deskassist.core.triage.Triage;
import dev.deskassist.core.triage.TriageResult;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * Sends a corpus of German and English tickets seeded with personal data through LLM triage,
 * drafting and summary, and counts the seeded items that appear in any request the model
 * receives. Sensitivity routing is off here so that every ticket really goes to the model.
 */
class LeakTest {

    @Test
    void noSeededPersonalDataReachesTheModel() throws Exception {
        FakeModel model = new FakeModel();
        List<LeakCorpus.Seeded> corpus = LeakCorpus.all();
        assertTrue(corpus.size() >= 20);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(model);
            server.start();
            OpenAiCompatibleClient client = OpenAiCompatibleClient.builder(server.url("/v1").toString()).model("gpt-4o-mini").build();
            FeatureConfig f = FeatureConfig.llm(client).timeout(Duration.ofSeconds(10)).build();
            try (LlmEngines engines = new LlmEngines(LlmSettings.builder().triage(f).drafting(f).summary(f)
                    .sensitivity(SensitivityPolicy.NONE).build())) {
                Triage triage = engines.triage(TestDoubles.OFFLINE_TRIAGE, TestDoubles.TAXONOMY);
                Drafting drafting = engines.drafting(TestDoubles.OFFLINE_DRAFTING, TestDoubles.RETRIEVER,
                        TestDoubles.GUARDRAILS, TestDoubles.DETECTOR, TestDoubles.TAXONOMY);
                Summarizing summary = engines.summarizing(TestDoubles.OFFLINE_SUMMARY, TestDoubles.DETECTOR);
                for (LeakCorpus.Seeded s : corpus) {
                    TriageResult t = triage.triage(s.ticket());
                    assertTrue(t.category().decidedBy().startsWith("llm:"), "ticket went to the model: " + t.category().reasons());
                    drafting.draft(s.ticket(), t);
                    summary.summarize(s.ticket(), t);
                }
            }
        }
        assertEquals(corpus.size() * 3, model.bodies.size(), "three requests per ticket");

        List<String> texts = new ArrayList<>();
        for (String body : model.bodies) {
            StringBuilder sb = new StringBuilder();
            strings(ProviderBodies.json(body), sb);
            texts.add(sb.toString());
        }
        int seeded = 0;
        List<String> leaked = new ArrayList<>();
        for (LeakCorpus.Seeded s : corpus) {
            for (String item : s.items()) {
                seeded++;
                String compact = compact(item);
                boolean found = texts.stream().anyMatch(t -> t.contains(item)
                        || compact.length() >= 6 && compact(t).contains(compact));
                if (found) {
                    leaked.add(s.ticket().id() + ": " + item);
                }
            }
        }
        System.out.println("LEAK TEST: " + leaked.size() + " of " + seeded + " seeded personal data items reached the model ("
                + corpus.size() + " tickets, " + model.bodies.size() + " requests)");
        assertEquals(List.of(), leaked);
        assertTrue(texts.stream().anyMatch(t -> t.contains("[NAME_1]") && t.contains("[IBAN_1]")),
                "placeholders stand where the data was");
        if (Boolean.getBoolean("leak.dump")) {
            texts.stream().filter(t -> t.contains("<ticket>")).limit(66).forEach(System.out::println);
        }
    }

    /**
     * The model only sees the new text of each message, so the request bodies alone would not
     * show a leak from a signature or quoted history; this checks every field of the
     * pseudonymized ticket as well.
     */
    @Test
    void noSeededPersonalDataSurvivesInAnyFieldOfThePseudonymizedTicket() {
        dev.deskassist.core.privacy.Pseudonymizer p = LlmSettings.builder().build().pseudonymizer();
        int seeded = 0;
        List<String> leaked = new ArrayList<>();
        for (LeakCorpus.Seeded s : LeakCorpus.all()) {
            dev.deskassist.core.model.Ticket t = p.pseudonymize(s.ticket()).ticket();
            StringBuilder all = new StringBuilder(t.subject()).append('\n').append(t.description().full()).append('\n');
            all.append(t.requester().name()).append('\n').append(t.requester().email()).append('\n')
                    .append(t.requester().organization()).append('\n');
            for (dev.deskassist.core.model.Comment c : t.comments()) {
                all.append(c.authorName()).append('\n').append(c.body().full()).append('\n');
            }
            String text = all.toString();
            for (String item : s.items()) {
                seeded++;
                String compact = compact(item);
                if (text.contains(item) || compact.length() >= 6 && compact(text).contains(compact)) {
                    leaked.add(s.ticket().id() + ": " + item);
                }
            }
        }
        System.out.println("LEAK TEST (all fields): " + leaked.size() + " of " + seeded + " seeded items survived pseudonymization");
        assertEquals(List.of(), leaked);
    }

    /** Numbers are also looked for without their separators ("0171 2345678" as "01712345678"). */
    private static String compact(String s) {
        return s.replaceAll("[\\s./()-]", "");
    }

    private static void strings(JsonValue v, StringBuilder out) {
        if (v instanceof JsonString s) {
            out.append(s.getString()).append('\n');
        } else if (v instanceof JsonObject o) {
            o.values().forEach(x -> strings(x, out));
        } else if (v instanceof JsonArray a) {
            a.forEach(x -> strings(x, out));
        }
    }
}

package dev.deskassist.examples;

import dev.deskassist.core.triage.language.NgramLanguageDetector;
import dev.deskassist.core.triage.sentiment.LexiconSentimentAnalyzer;
import dev.deskassist.core.triage.style.RuleStyleAnalyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.EntityType;
import dev.deskassist.core.triage.OfflineTriage;
import dev.deskassist.core.triage.TriageResult;
import dev.deskassist.core.triage.rules.Category;
import dev.deskassist.core.triage.rules.PriorityPolicy;
import dev.deskassist.core.triage.rules.Taxonomy;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bundled Nordwind sample files parse and fit together. */
class SampleDataTest {

    private static final Instant NOW = Instant.parse("2024-06-03T09:00:00Z");

    private final Taxonomy taxonomy = Taxonomy.read(SampleTickets.resource("taxonomy.json"), "taxonomy.json");
    private final PriorityPolicy policy = PriorityPolicy.read(SampleTickets.resource("priority-policy.json"),
            "priority-policy.json");
    private final List<Ticket> tickets = SampleTickets.load(NOW);

    @Test
    void taxonomyHasTheShopsCategories() {
        assertEquals(List.of("billing", "refund", "returns", "delivery", "login", "outage", "cancellation",
                "data-protection", "product-question", "complaint-legal"),
                taxonomy.categories().stream().map(Category::id).toList());
        assertTrue(taxonomy.category("data-protection").orElseThrow().hasFlag(Category.SENSITIVE));
        assertEquals("nordwind-priority-1", policy.version());
    }

    @Test
    void trainingDataCoversEveryCategoryInBothLanguages() throws Exception {
        Map<String, Integer> perLabel = new HashMap<>();
        Set<String> langs;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(SampleTickets.resource("training.jsonl"),
                StandardCharsets.UTF_8))) {
            List<Map<?, ?>> rows = r.lines().filter(l -> !l.isBlank()).<Map<?, ?>>map(l -> JsonCodec.fromJson(l, Map.class))
                    .toList();
            rows.forEach(row -> perLabel.merge((String) row.get("label"), 1, Integer::sum));
            langs = rows.stream().map(row -> (String) row.get("lang")).collect(Collectors.toSet());
            assertTrue(rows.stream().allMatch(row -> row.get("text") instanceof String s && s.length() > 20));
        }
        assertEquals(taxonomy.categories().stream().map(Category::id).collect(Collectors.toSet()), perLabel.keySet());
        assertTrue(perLabel.values().stream().allMatch(n -> n >= 20), perLabel.toString());
        assertEquals(Set.of("de", "en"), langs);
    }

    @Test
    void ticketsParse() {
        assertEquals(12, tickets.size());
        Ticket furious = tickets.stream().filter(t -> t.id().equals("NW-1007")).findFirst().orElseThrow();
        assertEquals(2, furious.priorContacts());
        assertEquals(2, furious.customerTurns());
        assertEquals(AuthorRole.AGENT, furious.comments().get(0).author());
        Ticket outage = tickets.stream().filter(t -> t.id().equals("NW-1005")).findFirst().orElseThrow();
        assertEquals(NOW.plusSeconds(3600), outage.slaDueAt());
        assertTrue(outage.requester().inSegment("enterprise"));
        assertEquals("phone", outage.channel());
        Ticket billing = tickets.get(0);
        assertEquals("NW-1001", billing.id());
        assertFalse(billing.description().signature().isBlank(), "the signature is split off the description");
    }

    /** Rules only (no trained model), with the real language, sentiment and style analyzers. */
    @Test
    void rulesAloneTriageTheSamplesSensibly() {
        OfflineTriage triage = OfflineTriage.builder()
                .languageDetector(new NgramLanguageDetector())
                .sentimentAnalyzer(LexiconSentimentAnalyzer.defaults())
                .styleAnalyzer(new RuleStyleAnalyzer())
                .taxonomy(taxonomy).priorityPolicy(policy)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
        Map<String, TriageResult> r = tickets.stream().collect(Collectors.toMap(Ticket::id, triage::triage));
        assertEquals("outage", r.get("NW-1005").category().value());
        assertEquals(Priority.URGENT, r.get("NW-1005").priority().value());
        assertEquals("cancellation", r.get("NW-1006").category().value());
        assertEquals("Retention", r.get("NW-1006").group().value());
        assertEquals("complaint-legal", r.get("NW-1008").category().value());
        assertTrue(r.get("NW-1008").escalate());
        assertTrue(r.get("NW-1007").escalate());
        assertEquals("data-protection", r.get("NW-1011").category().value());
        assertTrue(r.get("NW-1012").escalation().reasons().stream().anyMatch(s -> s.startsWith("customer asks for a person")));
        TriageResult iban = r.get("NW-1010");
        assertEquals("DE89370400440532013000", iban.entities(EntityType.IBAN).get(0).normalized());
        assertEquals("10023456", iban.entities(EntityType.ORDER_NUMBER).get(0).normalized());
        assertEquals("01701234567", iban.entities(EntityType.PHONE).get(0).normalized());
        assertEquals("EUR 129.95", iban.entities(EntityType.AMOUNT).get(0).normalized());
    }

    @Test
    void badTicketFileSaysWhere() {
        SampleDataException e = assertThrows(SampleDataException.class, () -> SampleTickets.read(
                new ByteArrayInputStream("[{\"id\":\"a\"},{\"subject\":\"x\"}]".getBytes(StandardCharsets.UTF_8)), "t.json", NOW));
        assertEquals("t.json: [1].id: missing", e.getMessage());
        e = assertThrows(SampleDataException.class, () -> SampleTickets.read(new ByteArrayInputStream(
                "[{\"id\":\"a\",\"comments\":[{\"author\":\"bot\",\"body\":\"x\"}]}]".getBytes(StandardCharsets.UTF_8)), "t.json", NOW));
        assertEquals("t.json: [0].comments[0].author: expected customer, agent or system", e.getMessage());
        e = assertThrows(SampleDataException.class, () -> SampleTickets.read(
                new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), "t.json", NOW));
        assertEquals("t.json: expected a JSON array of tickets", e.getMessage());
    }
}

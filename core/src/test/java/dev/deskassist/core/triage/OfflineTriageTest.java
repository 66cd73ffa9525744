package dev.deskassist.core.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Requester;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.rules.Taxonomy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How OfflineTriage composes and guards its parts. The language, sentiment and style engines are
 * small lambdas with controlled answers (and call counts) so that each composition rule is tested
 * on its own; the real engines together are tested by the examples' NordwindTest.
 */
class OfflineTriageTest {

    private static final String TAXONOMY = """
            {"version": "t-1", "fallbackGroup": "Triage", "categories": [
              {"id": "billing", "group": "Billing", "rules": [{"language": "de", "keywords": ["rechnung"], "weight": 2}]},
              {"id": "cancellation", "group": "Retention", "rules": [{"language": "de", "keywords": ["kündigung"], "force": true}]},
              {"id": "delivery", "group": "Logistics", "rules": [{"keywords": ["paket", "parcel"], "weight": 2}]}
            ]}
            """;

    private final AtomicInteger languageCalls = new AtomicInteger();

    /** Says "de" for text with a German umlaut or "ich", "en" otherwise; abstains on "xq". */
    private final LanguageDetector languages = text -> {
        languageCalls.incrementAndGet();
        if (text.contains("xq")) {
            return Decision.none("stub-lang", "unknown language");
        }
        boolean de = text.matches("(?s).*([äöüß]|\\bich\\b|\\bIch\\b).*");
        return Decision.of(de ? "de" : "en", 0.9, "stub-lang");
    };
    private final SentimentAnalyzer sentiment = (text, lang) -> text.contains("!!!")
            ? Decision.of(new Sentiment(Sentiment.Polarity.NEGATIVE, -0.8, 0.9, 0.5, List.of("!!!")), 0.9, "stub")
            : Decision.of(Sentiment.NEUTRAL, 0.6, "stub");
    private final StyleAnalyzer style = (text, lang) -> Decision.of(StyleProfile.UNKNOWN, 0.5, "stub");

    private OfflineTriage.Builder builder() {
        return OfflineTriage.builder().languageDetector(languages).sentimentAnalyzer(sentiment).styleAnalyzer(style)
                .taxonomy(Taxonomy.parse(TAXONOMY, "t.json"))
                .clock(Clock.fixed(Instant.parse("2024-05-03T10:00:00Z"), ZoneOffset.UTC));
    }

    private final OfflineTriage triage = builder().build();

    @Test
    void completeResultForAnOrdinaryTicket() {
        Ticket t = Ticket.builder("1").subject("Kündigung")
                .description("Ich kündige hiermit. Rechnung RE-2024-0042, IBAN DE89 3704 0044 0532 0130 00.")
                .requester(new Requester(null, "Eva", "eva@example.org", null, Set.of("vip"))).channel("email").build();
        TriageResult r = triage.triage(t);
        assertEquals("de", r.languageCode());
        assertEquals("cancellation", r.category().value());
        assertEquals("Retention", r.group().value());
        assertEquals(Priority.URGENT, r.priority().value(), r.priority().reasons().toString());
        assertTrue(r.escalate());
        assertTrue(r.escalation().reasons().contains("cue cancellation fired"));
        assertEquals(List.of(EntityType.INVOICE_NUMBER, EntityType.IBAN), r.entities().stream().map(Entity::type).toList());
        String analysed = t.customerText(8000);
        Entity iban = r.entities(EntityType.IBAN).get(0);
        assertEquals(iban.text(), analysed.substring(iban.start(), iban.end()));
    }

    @Test
    void emptyTicket() {
        TriageResult r = triage.triage(Ticket.builder("e").build());
        assertFalse(r.language().hasValue());
        assertEquals(List.of("no customer text"), r.language().reasons());
        assertEquals(0, languageCalls.get(), "the detector is not asked about nothing");
        assertTrue(r.needsHumanTriage());
        assertEquals("Triage", r.group().value());
        assertFalse(r.sentiment().hasValue());
        assertEquals(Priority.NORMAL, r.priority().value());
        assertTrue(r.escalate());
        assertEquals(List.of("category uncertain: needs human triage"), r.escalation().reasons());
    }

    @Test
    void emojiOnly() {
        TriageResult r = triage.triage(Ticket.builder("e").description("😡😡😡").build());
        assertEquals(List.of("text too short to tell the language"), r.language().reasons());
        assertTrue(r.needsHumanTriage());
        assertTrue(r.entities().isEmpty());
    }

    @Test
    void unknownLanguageUsesRulesOfAllLanguagesOrTheFallback() {
        TriageResult r = triage.triage(Ticket.builder("u").description("xq parcel zzz").build());
        assertFalse(r.language().hasValue());
        assertEquals("delivery", r.category().value());

        TriageResult withFallback = builder().fallbackLanguage("de").build()
                .triage(Ticket.builder("u").description("xq Kündigung").build());
        assertEquals("cancellation", withFallback.category().value());
        assertTrue(withFallback.language().reasons().contains("rules use the fallback language de"));
    }

    @Test
    void megabyteBodyIsCutAndStaysCheap() {
        String body = "Ich warte auf mein Paket. ".repeat(40_000) + "Kündigung";
        Ticket t = Ticket.builder("big").description(body).build();
        TriageResult r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> triage.triage(t));
        assertEquals("delivery", r.category().value(), "the cancellation at the very end is beyond the 8,000 characters");
        assertTrue(r.entities().stream().allMatch(e -> e.end() <= 8000));
    }

    @Test
    void binaryGarbage() {
        Random random = new Random(42);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append((char) random.nextInt(0x10000));
        }
        sb.append('\u0000').append('\uD800');
        TriageResult r = triage.triage(Ticket.builder("bin").description(sb.toString()).build());
        assertNotNull(r);
        assertNotNull(r.priority().value());
        assertNotNull(r.group().value());
    }

    @Test
    void failingComponentBecomesAReasonNotAnException() {
        OfflineTriage broken = builder().sentimentAnalyzer((text, lang) -> {
            throw new IllegalStateException("boom");
        }).entityExtractor(text -> {
            throw new IllegalStateException("boom");
        }).build();
        TriageResult r = broken.triage(Ticket.builder("x").description("Wo ist mein Paket?").build());
        assertFalse(r.sentiment().hasValue());
        assertEquals(List.of("sentiment failed: IllegalStateException"), r.sentiment().reasons());
        assertTrue(r.entities().isEmpty());
        assertEquals("delivery", r.category().value());
    }

    @Test
    void upsetCustomerEscalatesAndRaisesPriority() {
        TriageResult r = triage.triage(Ticket.builder("f").description("Wo ist mein PAKET!!! Ich warte seit Wochen").build());
        assertTrue(r.escalate());
        assertTrue(r.escalation().reasons().get(0).startsWith("customer upset"), r.escalation().reasons().toString());
        assertEquals(Priority.HIGH, r.priority().value());
    }
}

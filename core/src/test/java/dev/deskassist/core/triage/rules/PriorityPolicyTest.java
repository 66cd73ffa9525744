package dev.deskassist.core.triage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Requester;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.Sentiment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PriorityPolicyTest {

    private static final Instant NOW = Instant.parse("2024-05-03T10:00:00Z");
    private final PriorityPolicy policy = PriorityPolicy.defaults();

    private PriorityAssessment assess(Ticket t, String lang, Decision<Sentiment> s) {
        return policy.assess(t, FoldedText.of(t.customerText(8000)), lang, s, NOW);
    }

    private PriorityAssessment assess(String text, String lang) {
        return assess(Ticket.builder("1").description(text).build(), lang, null);
    }

    @Test
    void nothingFiredIsNormalWithLowConfidence() {
        PriorityAssessment a = assess("Wie ändere ich meine Lieferadresse?", "de");
        assertEquals(Priority.NORMAL, a.decision().value());
        assertEquals(0.5, a.decision().confidence(), 1e-9);
        assertEquals(List.of("no priority rule fired: normal"), a.decision().reasons());
    }

    @Test
    void germanInflectionsAndCompoundsFireTheCancellationCue() {
        for (String text : List.of("Ich habe gestern gekündigt.", "Wo bleibt meine Kündigungsbestätigung?",
                "Ich möchte KÜNDIGEN", "Vertragskündigung zum Monatsende")) {
            PriorityAssessment a = assess(text, "de");
            assertEquals(List.of("cue:cancellation"), a.firedRules(), text);
            assertEquals(List.of("cancellation"), a.escalatingCues());
            assertEquals(Priority.HIGH, a.decision().value(), text);
        }
    }

    @Test
    void cuesOfTheDetectedLanguageOnly() {
        assertEquals(List.of(), assess("Ich habe gekündigt", "en").firedRules());
        assertEquals(List.of("cue:cancellation"), assess("Ich habe gekündigt", null).firedRules());
    }

    @Test
    void legalAndOutageCuesSetMinimumsAndAddUp() {
        PriorityAssessment legal = assess("Mein Rechtsanwalt wird sich melden", "de");
        assertEquals(Priority.HIGH, legal.decision().value());
        assertTrue(legal.decision().reasons().get(0).startsWith("cue legal (+3, at least HIGH)"), legal.decision().reasons().toString());

        PriorityAssessment outage = assess("Totalausfall! Der Shop ist nicht mehr erreichbar, dringend", "de");
        assertEquals(List.of("cue:outage", "cue:urgent-words"), outage.firedRules());
        assertEquals(Priority.URGENT, outage.decision().value());

        assertEquals(Priority.HIGH, assess("Unauthorized charge on my card, this is fraud", "en").decision().value());
        assertEquals(Priority.LOW, assess("Just a feature request, no rush", "en").decision().value());
    }

    @Test
    void vipSegmentChannelAndSla() {
        Ticket vip = Ticket.builder("2").description("Frage zur Rechnung")
                .requester(new Requester(null, null, null, null, Set.of("VIP"))).channel("Phone").build();
        PriorityAssessment a = assess(vip, "de", null);
        assertEquals(List.of("segment:vip", "channel:phone"), a.firedRules());
        assertEquals(Priority.HIGH, a.decision().value());

        Ticket dueSoon = Ticket.builder("3").description("Question").slaDueAt(NOW.plus(Duration.ofMinutes(90))).build();
        PriorityAssessment s = assess(dueSoon, "en", null);
        assertEquals(List.of("sla:due-soon"), s.firedRules());
        assertEquals("SLA due in 90 min, within 4h (+2)", s.decision().reasons().get(0));
        assertEquals(Priority.HIGH, s.decision().value());

        Ticket overdue = Ticket.builder("4").description("Question").slaDueAt(NOW.minus(Duration.ofHours(5))).build();
        assertEquals(List.of("sla:overdue"), assess(overdue, "en", null).firedRules());
        Ticket later = Ticket.builder("5").description("Question").slaDueAt(NOW.plus(Duration.ofHours(30))).build();
        assertEquals(List.of(), assess(later, "en", null).firedRules());
    }

    @Test
    void repeatedContactAndSentiment() {
        Ticket thread = Ticket.builder("6").description("Wo ist mein Paket?")
                .addComment(Comment.of(AuthorRole.AGENT, "Wir prüfen das."))
                .addComment(Comment.of(AuthorRole.CUSTOMER, "Immer noch nichts."))
                .addComment(Comment.of(AuthorRole.CUSTOMER, "Zum dritten Mal: wo ist es?")).build();
        Decision<Sentiment> upset = Decision.of(new Sentiment(Sentiment.Polarity.NEGATIVE, -0.8, 0.9, 0.2, List.of()), 0.9, "stub");
        PriorityAssessment a = assess(thread, "de", upset);
        assertEquals(List.of("sentiment:upset", "repeated-contact"), a.firedRules());
        assertEquals(Priority.HIGH, a.decision().value());
        assertTrue(a.decision().confidence() > 0.75);

        Ticket prior = Ticket.builder("7").description("Paket fehlt").priorContacts(2).build();
        assertEquals(List.of("repeated-contact"), assess(prior, "de", null).firedRules());
    }

    @Test
    void badPolicyFilesAreTypedErrors() {
        RulesFileException e = assertThrows(RulesFileException.class,
                () -> PriorityPolicy.parse("{\"cues\":[{\"id\":\"x\",\"minimum\":\"SOON\",\"terms\":{\"de\":[\"a\"]}}]}", "p.json"));
        assertEquals("p.json:1:30: at /cues/0/minimum: `SOON` is not allowed here; expected one of LOW, NORMAL, HIGH, URGENT",
                e.getMessage());
        e = assertThrows(RulesFileException.class, () -> PriorityPolicy.parse("{\"cues\":[{\"id\":\"x\",\"terms\":{}}]}", "p.json"));
        assertEquals("p.json:1:28: at /cues/0/terms: needs at least 1 member(s)", e.getMessage());
        e = assertThrows(RulesFileException.class,
                () -> PriorityPolicy.parse("{\"levels\":{\"high\":5,\"urgent\":3},\"cues\":[]}", "p.json"));
        assertEquals("p.json: levels: need low < high <= urgent", e.getMessage());
    }
}

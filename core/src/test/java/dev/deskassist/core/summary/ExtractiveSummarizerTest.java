package dev.deskassist.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.TriageResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

    private final ExtractiveSummarizer summarizer = ExtractiveSummarizer.create();

    static TriageResult triage(String language, boolean escalate) {
        return new TriageResult(Decision.of(language, 0.95, "test"), Decision.of(Sentiment.NEUTRAL, 0.5, "test"),
                Decision.of(StyleProfile.UNKNOWN, 0.5, "test"), List.of(), Decision.of("delivery", 0.9, "test"),
                Decision.none("test", "n/a"), Decision.none("test", "n/a"),
                Decision.of(escalate, 0.9, "test", escalate ? "customer threatens legal action" : "no cue"));
    }

    private static Ticket english(boolean withCustomerReply) {
        Ticket.Builder b = Ticket.builder("T-1")
                .subject("Where is my jacket?")
                .description("Hi, I ordered a blue jacket two weeks ago and it has still not arrived. "
                        + "Can you tell me where it is?\n\nBest regards\nJane SIGMARKER\nACME Corp")
                .addComment(Comment.of(AuthorRole.AGENT, "Hello Jane, sorry for the delay. "
                        + "Could you please send us your order number?\n\nKind regards\nSupport Team"));
        if (withCustomerReply) {
            b.addComment(Comment.of(AuthorRole.CUSTOMER, "I already checked the tracking page and restarted the app, "
                    + "nothing changed. The order number is 4711.\n\nOn Mon, 3 Jun 2024 at 10:00, Support "
                    + "<support@example.org> wrote:\n> Could you please send us your order number?\n> QUOTEDMARKER"));
            b.addComment(Comment.internalNote(AuthorRole.AGENT, "Checked the warehouse system: parcel is stuck in the hub."));
        }
        return b.build();
    }

    @Test
    void agentAskedForOrderNumberSoWeWaitForIt() {
        Summary s = summarizer.summarize(english(false), triage("en", false));

        assertEquals("en", s.language());
        assertTrue(s.customerWants().contains("blue jacket") || s.customerWants().contains("where it is"),
                s.customerWants());
        assertTrue(s.currentState().startsWith("Agent replied last:"), s.currentState());
        assertTrue(s.currentState().contains("Waiting on: customer"), s.currentState());
        assertEquals(1, s.openQuestions().size(), s.openQuestions().toString());
        assertTrue(s.openQuestions().get(0).contains("order number"));
        assertEquals("Wait for the customer's order number.", s.nextStep());
        assertEquals(ExtractiveSummarizer.ENGINE, s.decidedBy());
    }

    @Test
    void overviewAttributesTheOpeningRequestAndTheLatestSubstantiveAgentReply() {
        Ticket t = Ticket.builder("T-9")
                .description("Hi. My card was charged twice for order 4711, please refund one of the payments <LINK>")
                .addComment(Comment.of(AuthorRole.AGENT, "Hello! Sorry about that. We have refunded the second "
                        + "payment, it shows on your statement within five days. ^MT"))
                .addComment(Comment.of(AuthorRole.CUSTOMER, "Thanks a lot"))
                .addComment(Comment.of(AuthorRole.AGENT, "You're welcome!"))
                .build();
        Summary s = summarizer.summarize(t, triage("en", false));

        assertEquals("Customer: My card was charged twice for order 4711, please refund one of the payments\n"
                + "Agent: We have refunded the second payment, it shows on your statement within five days.",
                s.overview());
        // the structured parts are still there beside the overview
        assertTrue(s.customerWants().contains("charged twice"), s.customerWants());
        assertFalse(s.nextStep().isEmpty());
    }

    @Test
    void overviewOfANewTicketHasOnlyTheCustomerLineAndIsCut() {
        String longRequest = "My order never arrived " + "and nobody answers ".repeat(20);
        Summary s = summarizer.summarize(Ticket.builder("T-10").description(longRequest).build(), triage("en", false));
        assertTrue(s.overview().startsWith("Customer: My order never arrived"), s.overview());
        assertFalse(s.overview().contains("Agent:"), s.overview());
        assertTrue(s.overview().endsWith("…"), s.overview());
        assertEquals(30, s.overview().substring("Customer: ".length()).split("\\s+").length - 1);
    }

    @Test
    void customerReportsWhatTheyTriedAndInternalNotesAreMarked() {
        Summary s = summarizer.summarize(english(true), triage("en", false));

        assertTrue(s.tried().stream().anyMatch(t -> t.contains("already checked the tracking page")), s.tried().toString());
        assertTrue(s.tried().stream().anyMatch(t -> t.startsWith("(internal)") && t.contains("warehouse")),
                s.tried().toString());
        assertTrue(s.currentState().contains("Customer wrote last"), s.currentState());
        assertTrue(s.currentState().contains("Latest internal note"), s.currentState());
        assertEquals("Reply to the customer.", s.nextStep());
        String all = s.asText();
        assertFalse(all.contains("QUOTEDMARKER"), "quoted history leaked: " + all);
        assertFalse(all.contains("SIGMARKER"), "signature leaked: " + all);
        assertFalse(all.contains("Kind regards"), "signature leaked: " + all);
        assertTrue(s.reasons().stream().anyMatch(r -> r.contains("skipped quoted history and signatures")), s.reasons().toString());
        assertTrue(s.reasons().stream().anyMatch(r -> r.contains("internal note")), s.reasons().toString());
    }

    @Test
    void germanConversationUsesGermanCuesAndPhrases() {
        Ticket t = Ticket.builder("T-2")
                .description("Hallo, ich möchte meine Bestellung stornieren, aber der Button funktioniert nicht. "
                        + "Können Sie mir helfen?\n\nMit freundlichen Grüßen\nMax SIGMARKER")
                .addComment(Comment.of(AuthorRole.AGENT, "Guten Tag Herr Mustermann. "
                        + "Bitte senden Sie uns Ihre Bestellnummer, dann prüfen wir das."))
                .build();
        Summary s = summarizer.summarize(t, triage("de", false));

        assertEquals("de", s.language());
        assertTrue(s.customerWants().contains("stornieren"), s.customerWants());
        assertTrue(s.currentState().startsWith("Zuletzt antwortete der Agent"), s.currentState());
        assertEquals("Auf Angabe des Kunden warten: Bestellnummer.", s.nextStep());
        assertFalse(s.asText().contains("SIGMARKER"));

        Ticket later = t.toBuilder().addComment(Comment.of(AuthorRole.CUSTOMER,
                "Ich habe die App bereits neu installiert, das hat nicht geholfen. Die Nummer ist 12345.")).build();
        Summary s2 = summarizer.summarize(later, triage("de", false));
        assertTrue(s2.tried().stream().anyMatch(x -> x.contains("neu installiert")), s2.tried().toString());
        assertEquals("Dem Kunden antworten.", s2.nextStep());
    }

    @Test
    void unsupportedLanguageFallsBackToNeutralExtraction() {
        Ticket t = Ticket.builder("T-3").description("Bonjour, ma commande n'est pas arrivée. Pouvez-vous m'aider ?").build();
        Summary s = summarizer.summarize(t, triage("fr", false));
        assertEquals("fr", s.language());
        assertFalse(s.customerWants().isEmpty());
        assertTrue(s.reasons().get(0).contains("neutral extraction"), s.reasons().toString());
        assertEquals("Reply to the customer.", s.nextStep());
    }

    @Test
    void escalationDecidesTheNextStep() {
        Summary s = summarizer.summarize(english(false), triage("en", true));
        assertEquals("Escalated by triage: hand over to a specialist.", s.nextStep());
    }

    @Test
    void emptyTicketGivesAnEmptySummaryWithAReason() {
        Summary s = summarizer.summarize(Ticket.builder("T-4").build(), triage("en", false));
        assertEquals("", s.customerWants());
        assertEquals(0.0, s.confidence());
        assertTrue(s.reasons().contains("no text to summarize"));
    }

    @Test
    void thousandsOfCommentsAreReadHeadAndTailOnly() {
        Ticket.Builder b = Ticket.builder("T-5").description("My invoice is wrong, please correct the amount.");
        for (int i = 0; i < 5_000; i++) {
            b.addComment(Comment.of(i % 2 == 0 ? AuthorRole.AGENT : AuthorRole.CUSTOMER,
                    (i % 2 == 0 ? "Could you send the invoice number " : "I tried again and it still fails ") + i + "?"));
        }
        Summary s = summarizer.summarize(b.build(), triage("en", false));
        assertTrue(s.reasons().stream().anyMatch(r -> r.startsWith("thread of 5001 messages")), s.reasons().toString());
        assertTrue(s.customerWants().contains("invoice is wrong"), s.customerWants());
        assertTrue(s.asText().length() <= SummaryBudget.DEFAULTS.totalChars() + 20, "length " + s.asText().length());
        // the last turn is the 5000th comment (index 4999, by the customer)
        assertTrue(s.currentState().contains("4999"), s.currentState());
    }

    @Test
    void aOneMegabyteCommentIsReadInPart() {
        StringBuilder huge = new StringBuilder(1_100_000);
        while (huge.length() < 1_000_000) {
            huge.append("The export still fails with error 500 and nothing works. ");
        }
        Ticket t = Ticket.builder("T-6").description("Export broken, please help.")
                .addComment(Comment.of(AuthorRole.CUSTOMER, huge.toString())).build();
        Summary s = summarizer.summarize(t, triage("en", false));
        assertTrue(s.reasons().stream().anyMatch(r -> r.contains("read in part")), s.reasons().toString());
        assertTrue(s.asText().length() <= SummaryBudget.DEFAULTS.totalChars() + 20);
    }

    @Test
    void everyPartStaysWithinTheBudget() {
        SummaryBudget small = new SummaryBudget(40, 200, 20, 30, 4_000, 3, 3);
        ExtractiveSummarizer tight = ExtractiveSummarizer.builder().budget(small).build();
        Summary s = tight.summarize(english(true), triage("en", false));
        assertTrue(s.customerWants().length() <= 40, s.customerWants());
        s.tried().forEach(x -> assertTrue(x.length() <= 40, x));
        assertTrue(s.currentState().length() <= 40, s.currentState());
        assertTrue(s.asText().length() <= 200 + 10, "total " + s.asText().length());
    }

    @Test
    void deterministic() {
        Ticket t = english(true);
        assertEquals(summarizer.summarize(t, triage("en", false)), summarizer.summarize(t, triage("en", false)));
    }
}

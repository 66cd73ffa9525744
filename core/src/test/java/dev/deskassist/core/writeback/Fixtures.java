package dev.deskassist.core.writeback;

import dev.deskassist.core.draft.Citation;
import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.summary.Summary;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.TriageResult;
import java.util.List;

/** Engine results built by hand: the triage and drafting engines are written elsewhere. */
final class Fixtures {

    static final String DISCLOSURE = "This reply was drafted with the help of AI and reviewed by our support team.";

    private Fixtures() {
    }

    static TriageResult triage(String category, double categoryConfidence, Priority priority, double priorityConfidence,
                               boolean escalate) {
        return triage("de", category, categoryConfidence, priority, priorityConfidence, escalate);
    }

    /** A confident billing triage of a ticket written in the given language. */
    static TriageResult billingIn(String language) {
        return triage(language, "billing", 0.87, Priority.HIGH, 0.9, false);
    }

    private static TriageResult triage(String language, String category, double categoryConfidence, Priority priority,
                                       double priorityConfidence, boolean escalate) {
        return new TriageResult(
                Decision.of(language, 0.98, "lang", "trigram profile"),
                Decision.of(new Sentiment(Sentiment.Polarity.NEGATIVE, -0.5, 0.4, 0.2, List.of("ärgerlich")), 0.7,
                        "lexicon", "negative words: ärgerlich"),
                Decision.of(StyleProfile.UNKNOWN, 0.5, "style"),
                List.of(),
                category == null ? Decision.none("classifier", "margin too small")
                        : Decision.of(category, categoryConfidence, "classifier", "keyword 'invoice'",
                                "classifier margin 0.41"),
                Decision.of(priority, priorityConfidence, "rules", "customer mentions a deadline"),
                Decision.of("billing-team", 0.85, "routing", "category billing routes to billing-team"),
                Decision.of(escalate, 0.9, "rules", escalate ? "customer threatens legal action" : "no escalation cue"));
    }

    static TriageResult billing() {
        return triage("billing", 0.87, Priority.HIGH, 0.9, false);
    }

    static Summary summary() {
        return new Summary("de", "Der Kunde möchte eine korrigierte Rechnung.", List.of("Hat das PDF neu geladen."),
                "Zuletzt schrieb der Kunde: Die Rechnung ist falsch. Wartet auf: Agent.", List.of(),
                "Dem Kunden antworten.", 0.8, List.of("cue list: de"), "extractive-summarizer");
    }

    static Draft draft(String language, boolean approval, double confidence) {
        return new Draft(language, "Guten Tag,\n\nwir korrigieren Ihre Rechnung.\n\nViele Grüße", DISCLOSURE,
                List.of(new Citation("KB-12", "KB-12#p2", "Rechnung korrigieren", "https://help.example.com/kb/12")),
                List.of(), approval, approval ? List.of("category 'refund' always needs approval") : List.of(),
                confidence, List.of("best passage score 0.82"), "kb-drafter");
    }
}

package dev.deskassist.core.llm;

import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.draft.Drafting;
import dev.deskassist.core.draft.Guardrails;
import dev.deskassist.core.draft.KnowledgeRetriever;
import dev.deskassist.core.draft.Passage;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.summary.Summarizing;
import dev.deskassist.core.summary.Summary;
import dev.deskassist.core.triage.LanguageDetector;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.Triage;
import dev.deskassist.core.triage.TriageResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Small stand-ins for contract interfaces whose real implementations other helpers are writing
 * (language detector, offline triage/drafting/summary, retriever, guardrails).
 */
final class TestDoubles {

    private TestDoubles() {
    }

    static final Map<String, String> TAXONOMY = Map.of(
            "billing", "invoices, payments, refunds, charges",
            "shipping", "delivery, parcels, tracking, returns",
            "account", "login, password, profile, data",
            "cancellation", "ending a contract or subscription",
            "legal", "lawyers, complaints to authorities, threats of legal action");

    private static final Set<String> DE = Set.of("der", "die", "das", "und", "ich", "nicht", "ist", "sie", "bitte",
            "ihre", "mit", "wir", "eine", "ein", "auf", "für", "noch", "leider", "haben", "wurde", "zu", "hallo");
    private static final Set<String> EN = Set.of("the", "and", "is", "you", "your", "please", "not", "with", "we",
            "to", "a", "my", "for", "have", "was", "has", "will", "of", "this", "hello", "it");

    /** Counts German and English function words; too few of either is "no answer". */
    static final LanguageDetector DETECTOR = text -> {
        int de = 0;
        int en = 0;
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (DE.contains(w)) {
                de++;
            }
            if (EN.contains(w)) {
                en++;
            }
        }
        if (Math.max(de, en) < 2) {
            return Decision.none("test-detector", "too short");
        }
        return Decision.of(de > en ? "de" : "en", 0.9, "test-detector", "function words");
    };

    /** Keyword offline triage: legal/cancel cues make HIGH (the policy floor), else NORMAL. */
    static final Triage OFFLINE_TRIAGE = ticket -> {
        String text = ticket.customerText(4000).toLowerCase(Locale.ROOT);
        Decision<String> lang = DETECTOR.detect(text);
        String cat = text.contains("anwalt") || text.contains("lawyer") ? "legal"
                : text.contains("kündig") || text.contains("cancel") ? "cancellation"
                : text.contains("rechnung") || text.contains("invoice") || text.contains("refund") ? "billing"
                : text.contains("paket") || text.contains("parcel") || text.contains("deliver") ? "shipping" : null;
        Priority p = cat != null && (cat.equals("legal") || cat.equals("cancellation")) ? Priority.HIGH : Priority.NORMAL;
        Decision<String> category = cat == null ? Decision.none("offline", "no keyword")
                : Decision.of(cat, 0.6, "offline", "keyword");
        return new TriageResult(lang.hasValue() ? lang : Decision.of("en", 0.3, "offline", "default"),
                Decision.of(Sentiment.NEUTRAL, 0.5, "offline", "test"),
                Decision.of(StyleProfile.UNKNOWN, 0.5, "offline", "test"), List.of(), category,
                Decision.of(p, 0.8, "offline", p == Priority.HIGH ? "legal/cancel cue" : "default"),
                Decision.none("offline", "no group"), Decision.of(false, 0.8, "offline", "no cue"));
    };

    static final Drafting OFFLINE_DRAFTING = (ticket, triage) -> new Draft(triage.languageCode(), "offline draft",
            "disclosure", List.of(), List.of(), false, List.of(), 0.5, List.of("template"), "offline");

    static final Summarizing OFFLINE_SUMMARY = (ticket, triage) -> new Summary(triage.languageCode(), "offline",
            List.of(), "", List.of(), "", 0.5, List.of("extractive"), "offline");

    static final List<Passage> PASSAGES = List.of(
            new Passage("kb-12#1", "kb-12", "Returns", "https://help.example/kb-12", "en", Set.of("shipping"),
                    "Returns are free within 30 days. Use the return label in your account.", 0),
            new Passage("kb-40#2", "kb-40", "Rücksendung", "https://help.example/kb-40", "de", Set.of("shipping"),
                    "Rücksendungen sind innerhalb von 30 Tagen kostenlos.", 0));

    static final KnowledgeRetriever RETRIEVER = new KnowledgeRetriever() {
        @Override
        public List<Passage> retrieve(String query, String language, Collection<String> categories, int limit) {
            return PASSAGES.stream().filter(p -> p.language().equals(language)).limit(limit).toList();
        }

        @Override
        public Set<String> languages() {
            return Set.of("de", "en");
        }
    };

    /** Removes sentences that promise a refund and then requires approval. */
    static final Guardrails GUARDRAILS = new Guardrails() {
        @Override
        public Draft review(Draft draft, Ticket ticket, TriageResult triage) {
            List<String> kept = new ArrayList<>();
            boolean removed = false;
            for (String s : draft.body().split("(?<=[.!?])\\s+")) {
                String l = s.toLowerCase(Locale.ROOT);
                if (l.contains("refund") || l.contains("erstatt")) {
                    removed = true;
                } else {
                    kept.add(s);
                }
            }
            Draft d = draft.withBody(String.join(" ", kept));
            return removed ? d.requireApproval("forbidden promise removed: refund") : d;
        }

        @Override
        public List<String> rules(String language) {
            return List.of("Never promise a refund, credit or compensation.", "Never give legal advice.");
        }
    };

    static Ticket ticket(String id, String subject, String body) {
        return Ticket.builder(id).subject(subject).description(body)
                .requester(new dev.deskassist.core.model.Requester("r-" + id, "Jana Schmidt", "jana.schmidt@example.de",
                        "Schmidt Logistik GmbH", Set.of()))
                .build();
    }
}

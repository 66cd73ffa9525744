package dev.deskassist.examples.webhook;

import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.summary.Summary;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.TriageResult;
import dev.deskassist.core.writeback.WriteBack;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stand-in engines for the middleware until the offline engines are wired in (see
 * {@link Engines#create}): keyword triage for German and English, a one-line summary, a
 * templated draft and a plain write-back policy. Deterministic and fast; not a classifier.
 */
final class DemoEngines {

    private static final String BY = "demo-keywords";

    private static final Map<String, List<String>> CATEGORIES = Map.of(
            "billing", List.of("rechnung", "invoice", "refund", "erstattung", "zahlung", "payment", "charged",
                    "abgebucht", "doppelt", "twice"),
            "access", List.of("passwort", "password", "login", "anmelden", "anmeldung", "2fa", "locked", "gesperrt"),
            "technical", List.of("error", "fehler", "crash", "absturz", "down", "not working", "funktioniert nicht",
                    "500", "timeout"),
            "shipping", List.of("lieferung", "delivery", "paket", "package", "tracking", "versand"));
    private static final List<String> URGENT = List.of("dringend", "urgent", "sofort", "asap", "immediately",
            "production", "produktion", "down");
    private static final List<String> GERMAN = List.of(" der ", " die ", " und ", " ich ", " nicht ", " ist ",
            " mein", " bitte", " wir ", " sie ");

    private DemoEngines() {
    }

    static TriageResult triage(Ticket t) {
        String text = " " + t.customerText(4000).toLowerCase(Locale.ROOT) + " ";
        long de = GERMAN.stream().filter(text::contains).count();
        String lang = de >= 2 ? "de" : "en";
        String category = null;
        String cue = null;
        int best = 0;
        for (Map.Entry<String, List<String>> e : new java.util.TreeMap<>(CATEGORIES).entrySet()) {
            int hits = 0;
            String first = null;
            for (String k : e.getValue()) {
                if (text.contains(k)) {
                    hits++;
                    first = first == null ? k : first;
                }
            }
            if (hits > best) {
                best = hits;
                category = e.getKey();
                cue = first;
            }
        }
        String urgentCue = URGENT.stream().filter(text::contains).findFirst().orElse(null);
        Priority p = urgentCue != null ? Priority.URGENT : Priority.NORMAL;
        Decision<String> cat = category == null ? Decision.none(BY, "no category keyword found")
                : Decision.of(category, Math.min(0.95, 0.55 + 0.15 * best), BY, "keyword '" + cue + "'");
        return new TriageResult(
                Decision.of(lang, 0.8, BY, de + " German function words"),
                Decision.of(urgentCue != null ? new Sentiment(Sentiment.Polarity.NEGATIVE, -0.4, 0.5, 0.9, List.of(urgentCue))
                        : Sentiment.NEUTRAL, 0.6, BY, "lexicon"),
                Decision.of(StyleProfile.UNKNOWN, 0.5, BY, "not analysed"),
                List.of(),
                cat,
                Decision.of(p, urgentCue != null ? 0.8 : 0.6, BY, urgentCue != null ? "urgency cue '" + urgentCue + "'"
                        : "no urgency cue"),
                category == null ? Decision.none(BY, "no category") : Decision.of(category, cat.confidence(), BY,
                        "group follows category"),
                Decision.of(urgentCue != null && category == null, 0.6, BY, "urgent and uncategorized"));
    }

    static Summary summarize(Ticket t, TriageResult r) {
        String first = t.description().text().split("(?<=[.!?])\\s+|\\n", 2)[0];
        boolean de = r.languageCode().equals("de");
        String next = r.category().hasValue() ? (de ? "An Team " : "Route to team ") + r.category().value()
                : (de ? "Manuell einordnen" : "Triage by hand");
        return new Summary(r.languageCode(), first, List.of(), "", List.of(), next, 0.5, List.of("first sentence"), BY);
    }

    static Draft draft(Ticket t, TriageResult r) {
        boolean de = r.languageCode().equals("de");
        String name = t.requester().name() == null ? "" : " " + t.requester().name().split(" ")[0];
        String body = de ? "Hallo" + name + ",\n\nvielen Dank für Ihre Nachricht. Wir prüfen Ihr Anliegen ("
                + r.category().valueOr("allgemein") + ") und melden uns in Kürze.\n\nViele Grüße"
                : "Hi" + name + ",\n\nthank you for reaching out. We are looking into your request ("
                + r.category().valueOr("general") + ") and will get back to you shortly.\n\nBest regards";
        String disclosure = de ? "(Entwurf von DeskAssist, von einem Menschen zu prüfen)"
                : "(Draft by DeskAssist, to be reviewed by a human)";
        return new Draft(r.languageCode(), body, disclosure, List.of(), List.of(), true,
                List.of("drafts are reviewed by default"), 0.5, List.of("template"), BY);
    }

    static WriteBack plan(Ticket t, TriageResult r, Summary s, Draft d) {
        WriteBack.Builder b = WriteBack.builder(t.id());
        b.addTag("ai_lang_" + r.languageCode());
        List<String> note = new ArrayList<>();
        note.add("DeskAssist triage (" + BY + ")");
        if (r.category().hasValue()) {
            b.addTag("ai_" + r.category().value());
            b.field(WriteBack.Field.CATEGORY, r.category().value());
            b.group(r.category().value());
            note.add("Category: " + r.category().value() + " (" + pct(r.category().confidence()) + ", "
                    + String.join("; ", r.category().reasons()) + ")");
        } else {
            b.addTag("ai_needs_triage");
            note.add("Category: none (" + String.join("; ", r.category().reasons()) + ")");
        }
        b.field(WriteBack.Field.LANGUAGE, r.languageCode());
        if (r.priority().confidence() >= 0.7) {
            b.priority(r.priority().value());
        }
        note.add("Priority: " + r.priority().value().name().toLowerCase(Locale.ROOT) + " (" + pct(r.priority().confidence())
                + ", " + String.join("; ", r.priority().reasons()) + ")");
        if (s != null) {
            note.add("Summary: " + s.customerWants() + " | Next: " + s.nextStep());
        }
        if (d != null) {
            note.add("Draft reply:\n" + d.fullText());
        }
        return b.internalNote(String.join("\n", note)).build();
    }

    private static String pct(double c) {
        return Math.round(c * 100) + "%";
    }
}

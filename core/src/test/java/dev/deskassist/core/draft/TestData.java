package dev.deskassist.core.draft;

import dev.deskassist.core.draft.kb.KnowledgeBase;
import dev.deskassist.core.draft.kb.KnowledgeBaseLoader;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.triage.Entity;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.TriageResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small knowledge base and triage results written for the draft tests. */
public final class TestData {

    /** Tests judge expiry on this day. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

    private TestData() {
    }

    public static String article(String id, String lang, String title, String categories, boolean approved,
                                 String validUntil, String body) {
        return "---\nid: " + id + "\ntitle: " + title + "\nlanguage: " + lang + "\ncategories: [" + categories
                + "]\nurl: https://help.example/" + id + "\napproved: " + approved
                + (validUntil == null ? "" : "\nvalid_until: " + validUntil) + "\n---\n" + body + "\n";
    }

    public static Map<String, String> sources() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("de/ruecksendung.md", article("de-return-label", "de", "Rücksendung anmelden", "returns", true, "2030-01-01",
                "# Etikett\n\nDas Etikett für die Rücksendung im Kundenkonto unter Bestellungen herunterladen.\n\n"
                        + "1. Bestellung öffnen.\n2. Artikel zurücksenden wählen.\n3. Etikett ausdrucken und das Paket abgeben.\n\n"
                        + "# Kosten\n\nDie Rücksendung ist innerhalb Deutschlands kostenlos."));
        m.put("de/erstattung.md", article("de-refund", "de", "Erstattung des Kaufpreises", "refund", true, null,
                "Nach Eingang der Rücksendung im Lager wird der Kaufpreis innerhalb von fünf Werktagen erstattet. "
                        + "PayPal-Zahlungen werden schneller gutgeschrieben als Kreditkarten."));
        m.put("de/passwort.md", article("de-password", "de", "Passwort zurücksetzen", "account", true, null,
                "Auf der Anmeldeseite „Passwort vergessen“ anklicken und den Link in der E-Mail öffnen. "
                        + "Der Link gilt 60 Minuten."));
        m.put("de/weihnachten.md", article("de-xmas-returns", "de", "Weihnachtsrückgabe Sonderfrist", "returns", true,
                "2026-01-31", "Weihnachtsgeschenke Sonderfrist: Rückgabe der Weihnachtsgeschenke bis Ende Januar."));
        m.put("de/entwurf.md", article("de-draft-refund", "de", "Sofortgeld Entwurf", "refund", false, null,
                "Sofortgeld: Der Betrag wird garantiert erstattet, Sofortgeld ohne Prüfung."));
        m.put("en/return.md", article("en-return-label", "en", "Get a return label", "returns", true, null,
                "Download the return label from your account under Orders, print it and drop the parcel off.\n\n"
                        + "Returns from Germany are free of charge."));
        m.put("en/refund.md", article("en-refund", "en", "Refunds after a return", "refund", true, null,
                "Once the returned parcel reaches the warehouse, the purchase price is refunded within five working days."));
        m.put("en/password.md", article("en-password", "en", "Reset your password", "account", true, null,
                "Click \"Forgot password\" on the sign-in page and open the link in the email. The link is valid for 60 minutes.\n\n"
                        + "If no email arrives, check the spam folder and request the link again."));
        m.put("en/delivery.md", article("en-delivery", "en", "Delivery times", "delivery", true, null,
                "Orders ship within one working day. Delivery within Germany takes 1 to 3 working days; express arrives next day."));
        return m;
    }

    public static KnowledgeBase kb() {
        return KnowledgeBaseLoader.withClock(CLOCK).load(sources());
    }

    public static TriageResult triage(String lang, String category, StyleProfile style, Sentiment sentiment,
                                      List<Entity> entities) {
        return new TriageResult(
                Decision.of(lang, 0.95, "test"),
                Decision.of(sentiment, 0.8, "test"),
                Decision.of(style, 0.8, "test"),
                entities,
                category == null ? Decision.none("test", "abstained") : Decision.of(category, 0.9, "test"),
                Decision.of(Priority.NORMAL, 0.8, "test"),
                Decision.none("test", "no group"),
                Decision.of(false, 0.9, "test"));
    }

    public static TriageResult triage(String lang, String category) {
        return triage(lang, category, StyleProfile.UNKNOWN, Sentiment.NEUTRAL, List.of());
    }

    public static StyleProfile style(StyleProfile.Address address, StyleProfile.Expertise expertise) {
        StyleProfile.Formality f = address == StyleProfile.Address.INFORMAL ? StyleProfile.Formality.INFORMAL
                : StyleProfile.Formality.FORMAL;
        return new StyleProfile(f, address, expertise, StyleProfile.Length.SHORT);
    }
}

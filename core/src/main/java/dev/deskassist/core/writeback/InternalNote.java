package dev.deskassist.core.writeback;

import dev.deskassist.core.draft.Citation;
import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.summary.Summary;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders the internal note an agent reads: a header marking it as AI-assisted, what was
 * decided and why (each value with its confidence, reasons and whether it was applied or only
 * suggested), the escalation, the summary, then the draft with its sources and approval status.
 * Plain text with light Markdown ({@code **bold**}, {@code -} lists) so that it reads well
 * whether or not the helpdesk renders Markdown. Templates for English and German; other
 * languages fall back to English.
 */
public final class InternalNote {

    private static final int MAX_REASONS = 3;
    private static final int MAX_REASON_CHARS = 160;

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("header", "**DeskAssist: AI-assisted notes** (automated; please check before relying on them)"),
            Map.entry("decisions", "**Decisions**"),
            Map.entry("why", "why"),
            Map.entry("APPLIED", "applied"),
            Map.entry("SUGGESTED", "suggestion, not applied"),
            Map.entry("ALREADY_SET", "already set"),
            Map.entry("KEPT", "not changed"),
            Map.entry("NO_VALUE", "no decision"),
            Map.entry("tagsApplied", "Tags added"),
            Map.entry("tagsSuggested", "Tags suggested"),
            Map.entry("escalation", "**Escalation**: a human should take over"),
            Map.entry("summary", "**Summary**"),
            Map.entry("wants", "Customer wants"),
            Map.entry("tried", "Already tried"),
            Map.entry("state", "Current state"),
            Map.entry("questions", "Open questions"),
            Map.entry("next", "Next step"),
            Map.entry("draft", "**Draft reply**"),
            Map.entry("approvalNeeded", "Needs approval by an agent"),
            Map.entry("approvalNotNeeded", "No approval required by the guardrails"),
            Map.entry("sentPublic", "Sent to the customer as a public reply"),
            Map.entry("notSent", "Not sent to the customer"),
            Map.entry("sources", "Sources"),
            Map.entry("noSources", "Sources: none (the draft is not grounded in an approved article)"),
            Map.entry("confidence", "confidence"),
            Map.entry("CATEGORY", "Category"),
            Map.entry("PRIORITY", "Priority"),
            Map.entry("TAGS", "Tags"),
            Map.entry("GROUP", "Group"),
            Map.entry("LANGUAGE", "Language"),
            Map.entry("SENTIMENT", "Sentiment"),
            Map.entry("ESCALATION", "Escalation"),
            Map.entry("SUMMARY", "Summary"),
            Map.entry("DRAFT", "Draft"));

    private static final Map<String, String> DE = Map.ofEntries(
            Map.entry("header", "**DeskAssist: KI-gestützte Hinweise** (automatisch erstellt; bitte vor Verwendung prüfen)"),
            Map.entry("decisions", "**Entscheidungen**"),
            Map.entry("why", "Gründe"),
            Map.entry("APPLIED", "übernommen"),
            Map.entry("SUGGESTED", "Vorschlag, nicht übernommen"),
            Map.entry("ALREADY_SET", "bereits gesetzt"),
            Map.entry("KEPT", "nicht geändert"),
            Map.entry("NO_VALUE", "keine Entscheidung"),
            Map.entry("tagsApplied", "Tags hinzugefügt"),
            Map.entry("tagsSuggested", "Tags vorgeschlagen"),
            Map.entry("escalation", "**Eskalation**: ein Mensch sollte übernehmen"),
            Map.entry("summary", "**Zusammenfassung**"),
            Map.entry("wants", "Anliegen des Kunden"),
            Map.entry("tried", "Bereits versucht"),
            Map.entry("state", "Aktueller Stand"),
            Map.entry("questions", "Offene Fragen"),
            Map.entry("next", "Nächster Schritt"),
            Map.entry("draft", "**Antwortentwurf**"),
            Map.entry("approvalNeeded", "Muss von einem Agenten freigegeben werden"),
            Map.entry("approvalNotNeeded", "Laut Guardrails keine Freigabe nötig"),
            Map.entry("sentPublic", "Als öffentliche Antwort an den Kunden gesendet"),
            Map.entry("notSent", "Nicht an den Kunden gesendet"),
            Map.entry("sources", "Quellen"),
            Map.entry("noSources", "Quellen: keine (der Entwurf stützt sich auf keinen freigegebenen Artikel)"),
            Map.entry("confidence", "Konfidenz"),
            Map.entry("CATEGORY", "Kategorie"),
            Map.entry("PRIORITY", "Priorität"),
            Map.entry("TAGS", "Tags"),
            Map.entry("GROUP", "Gruppe"),
            Map.entry("LANGUAGE", "Sprache"),
            Map.entry("SENTIMENT", "Stimmung"),
            Map.entry("ESCALATION", "Eskalation"),
            Map.entry("SUMMARY", "Zusammenfassung"),
            Map.entry("DRAFT", "Entwurf"));

    private static final Map<String, Map<String, String>> BUILT_IN = Map.of("en", EN, "de", DE);

    private final String language;
    private final Map<String, String> texts;

    private InternalNote(String language, Map<String, String> texts) {
        this.language = language;
        this.texts = Map.copyOf(texts);
    }

    /** The built-in template for a language (de, en), English for any other. */
    public static InternalNote forLanguage(String language) {
        String code = language == null ? "en" : language.strip().toLowerCase(Locale.ROOT);
        Map<String, String> t = BUILT_IN.get(code);
        return t == null ? new InternalNote("en", EN) : new InternalNote(code, t);
    }

    /** A copy with some template texts replaced; keys as in the built-in templates (e.g. {@code header}). */
    public InternalNote withTexts(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(texts);
        overrides.forEach((k, v) -> {
            if (!texts.containsKey(k)) {
                throw new IllegalArgumentException("unknown note template key '" + k + "'");
            }
            all.put(k, Objects.requireNonNull(v, "template text"));
        });
        return new InternalNote(language, all);
    }

    /** The language the note is written in. */
    public String language() {
        return language;
    }

    /** The first line of every note this renderer writes, by which a note of ours is recognized. */
    public String header() {
        return t("header");
    }

    /** The note as plain text with light Markdown. */
    public String render(NoteContent c) {
        // the draft is most of the note: sized for it, the builder does not grow and copy on the way
        StringBuilder sb = new StringBuilder(1024 + (c.draft() == null ? 0 : c.draft().body().length()));
        sb.append(t("header")).append("\n");

        List<PlannedValue> shown = c.values().stream().filter(v -> v.output() != Output.SUMMARY
                && v.output() != Output.DRAFT).toList();
        if (!shown.isEmpty() || !c.tagsApplied().isEmpty() || !c.tagsSuggested().isEmpty()) {
            sb.append("\n").append(t("decisions")).append("\n");
            for (PlannedValue v : shown) {
                sb.append("- ").append(t(v.output().name())).append(": ");
                sb.append(v.value() == null ? "—" : v.value());
                if (v.disposition() != PlannedValue.Disposition.NO_VALUE) {
                    sb.append(" (").append(percent(v.confidence())).append(")");
                }
                sb.append(", ").append(t(v.disposition().name()));
                if (!v.why().isEmpty()) {
                    sb.append(": ").append(v.why());
                }
                sb.append("\n");
                if (!v.reasons().isEmpty()) {
                    sb.append("  ").append(t("why")).append(": ").append(reasons(v.reasons())).append("\n");
                }
            }
            if (!c.tagsApplied().isEmpty()) {
                sb.append("- ").append(t("tagsApplied")).append(": ").append(String.join(", ", c.tagsApplied())).append("\n");
            }
            if (!c.tagsSuggested().isEmpty()) {
                sb.append("- ").append(t("tagsSuggested")).append(": ").append(String.join(", ", c.tagsSuggested()))
                        .append("\n");
            }
        }

        if (c.escalate()) {
            sb.append("\n").append(t("escalation")).append(" (").append(percent(c.escalationConfidence())).append(")\n");
            if (!c.escalationReasons().isEmpty()) {
                sb.append("  ").append(t("why")).append(": ").append(reasons(c.escalationReasons())).append("\n");
            }
        }

        Summary s = c.summary();
        if (s != null) {
            sb.append("\n").append(t("summary")).append(" (").append(t("confidence")).append(" ")
                    .append(percent(s.confidence())).append(")\n");
            line(sb, t("wants"), s.customerWants());
            list(sb, t("tried"), s.tried());
            line(sb, t("state"), s.currentState());
            list(sb, t("questions"), s.openQuestions());
            line(sb, t("next"), s.nextStep());
        }

        Draft d = c.draft();
        if (d != null) {
            sb.append("\n").append(t("draft")).append(" (").append(d.language()).append(", ").append(t("confidence"))
                    .append(" ").append(percent(d.confidence())).append(")\n");
            if (d.requiresApproval()) {
                sb.append("- ").append(t("approvalNeeded")).append(": ").append(reasons(d.approvalReasons())).append("\n");
            } else {
                sb.append("- ").append(t("approvalNotNeeded")).append("\n");
            }
            ReplyDecision r = c.reply();
            if (r != null) {
                sb.append("- ").append(t(r.publicReply() ? "sentPublic" : "notSent"));
                if (!r.reasons().isEmpty()) {
                    sb.append(": ").append(reasons(r.reasons()));
                }
                sb.append("\n");
            }
            // blank lines around the rule: directly under text, "---" would turn that text into a heading
            sb.append("\n---\n\n").append(draftText(d)).append("\n\n---\n");
            if (d.citations().isEmpty()) {
                sb.append("\n").append(t("noSources")).append("\n");
            } else {
                sb.append("\n").append(t("sources")).append(":\n");
                for (Citation ci : d.citations()) {
                    sb.append("- [").append(ci.articleId()).append("]");
                    if (ci.title() != null && !ci.title().isBlank()) {
                        sb.append(" ").append(ci.title());
                    }
                    if (ci.url() != null && !ci.url().isBlank()) {
                        sb.append(" <").append(ci.url()).append(">");
                    }
                    sb.append("\n");
                }
            }
        }
        return sb.toString().strip();
    }

    /**
     * The draft as it would be sent: body, then the draft's disclosure line exactly once, even when
     * the engine already put a copy into the body. A draft for an agent carries the reviewed line,
     * true once the agent has checked and sent it; one the planner sends itself carries the
     * unreviewed line ({@link dev.deskassist.core.draft.AiDisclosure#asUnreviewed}).
     */
    public static String draftText(Draft d) {
        if (d.disclosure().isEmpty()) {
            return d.body().strip();
        }
        String body = d.body().replace(d.disclosure(), "").strip();
        return body + "\n\n" + d.disclosure();
    }

    private String t(String key) {
        String v = texts.get(key);
        return v != null ? v : EN.getOrDefault(key, key);
    }

    private static void line(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            sb.append("- ").append(label).append(": ").append(value.strip()).append("\n");
        }
    }

    private static void list(StringBuilder sb, String label, List<String> items) {
        if (!items.isEmpty()) {
            sb.append("- ").append(label).append(":\n");
            items.forEach(i -> sb.append("  - ").append(i.strip()).append("\n"));
        }
    }

    private static String reasons(List<String> reasons) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String r : reasons) {
            if (n == MAX_REASONS) {
                sb.append("; …");
                break;
            }
            String clipped = r.length() > MAX_REASON_CHARS ? r.substring(0, MAX_REASON_CHARS - 1) + "…" : r;
            sb.append(n > 0 ? "; " : "").append(clipped.replace('\n', ' '));
            n++;
        }
        return sb.toString();
    }

    static String percent(double confidence) {
        return Math.round(confidence * 100) + "%";
    }
}

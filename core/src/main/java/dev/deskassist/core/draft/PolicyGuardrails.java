package dev.deskassist.core.draft;

import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.TriageResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Guardrails} driven by a {@link GuardrailPolicy}: removes sentences with forbidden
 * promises or phrases, marks drafts of sensitive categories for approval, demands a human when a
 * draft cites no approved source, drops citations of articles that are not citable (unapproved,
 * expired or unknown) and makes sure the AI disclosure is set once and not repeated in the body.
 * Works on any engine's draft, offline or LLM. Immutable and thread-safe.
 *
 * <pre>{@code
 * Guardrails g = PolicyGuardrails.builder(GuardrailPolicy.load(Path.of("policy.json")))
 *     .citable(kb::isCitable)
 *     .build();
 * }</pre>
 */
public final class PolicyGuardrails implements Guardrails {

    private static final Logger log = LoggerFactory.getLogger(PolicyGuardrails.class);
    /**
     * Where one sentence ends and the next begins: after . ! ? … and whitespace, at a blank line,
     * and at a line break before a list item or a numbered source.
     */
    private static final Pattern SEPARATOR = Pattern.compile(
            "(?<=[.!?…:])[ \\t]*\\n[ \\t]*(?:\\n[ \\t]*)*|(?<=[.!?…])[ \\t]+|[ \\t]*\\n[ \\t]*\\n[ \\t\\n]*"
                    + "|[ \\t]*\\n(?=[ \\t]*(?:\\d+[.)]|[-*•]|\\[\\d+])[ \\t])|[ \\t]*\\n(?=\\[\\d+])|(?<=,)[ \\t]*\\n");

    private final GuardrailPolicy policy;
    private final AiDisclosure disclosure;
    private final Predicate<String> citable;

    private PolicyGuardrails(Builder b) {
        this.policy = b.policy;
        this.disclosure = b.disclosure;
        this.citable = b.citable;
    }

    public static Builder builder(GuardrailPolicy policy) {
        return new Builder(policy);
    }

    /** The built-in policy, default disclosure wording, no citation check. */
    public static PolicyGuardrails defaults() {
        return builder(GuardrailPolicy.defaults()).build();
    }

    public GuardrailPolicy policy() {
        return policy;
    }

    @Override
    public Draft review(Draft draft, Ticket ticket, TriageResult triage) {
        Objects.requireNonNull(draft, "draft");
        List<String> approval = new ArrayList<>(draft.approvalReasons());
        List<String> reasons = new ArrayList<>(draft.reasons());

        String body = disclosure.strip(draft.body());
        Set<String> hitRules = new LinkedHashSet<>();
        body = removeForbidden(body, policy.forbiddenFor(draft.language()), hitRules);
        for (String rule : hitRules) {
            add(approval, "removed a sentence with forbidden wording: " + rule);
        }

        List<Citation> citations = new ArrayList<>();
        for (Citation c : draft.citations()) {
            if (citable == null || citable.test(c.articleId())) {
                citations.add(c);
            } else {
                add(approval, "dropped a citation of '" + c.articleId() + "': not an approved, valid article");
                log.warn("draft cited non-citable article {}", c.articleId());
            }
        }
        if (policy.requireCitations() && citations.isEmpty()) {
            add(approval, "no approved source cited: answer only from approved sources");
        }

        if (triage != null) {
            String category = triage.category().value();
            if (category != null && policy.approvalCategories().contains(category.toLowerCase(Locale.ROOT))) {
                add(approval, "category '" + category + "' always needs approval");
            } else if (category == null && policy.approvalWhenCategoryUnknown()) {
                add(approval, "category unknown: triage abstained");
            }
            if (triage.escalate()) {
                add(approval, "triage escalated the ticket to a human");
            }
        }
        boolean requires = draft.requiresApproval() || !approval.isEmpty();
        if (!requires) {
            reasons.add("guardrails: no forbidden wording, approved sources cited, category needs no approval");
        }
        String line = draft.disclosure().isEmpty() ? disclosure.reviewed(draft.language()) : draft.disclosure();
        return new Draft(draft.language(), body, line, citations, draft.questions(), requires, approval,
                draft.confidence(), reasons, draft.decidedBy());
    }

    @Override
    public List<String> rules(String language) {
        String lang = language == null ? "en" : language.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>(policy.rules().getOrDefault(lang, policy.rules().getOrDefault("en", List.of())));
        for (GuardrailPolicy.Forbidden f : policy.forbiddenFor(lang)) {
            out.add("Never write \"" + f.label() + "\"" + (f.reason().isEmpty() ? "." : ": " + f.reason() + "."));
        }
        if (!policy.approvalCategories().isEmpty()) {
            out.add("Replies in the categories " + String.join(", ", policy.approvalCategories().stream().sorted().toList())
                    + " are always reviewed by a human before they are sent.");
        }
        if (policy.requireCitations()) {
            out.add("Answer only from the approved sources provided and cite them; if they do not answer the"
                    + " question, ask a clarifying question instead of guessing.");
        }
        out.add("Do not add an AI disclosure line; it is added automatically.");
        return List.copyOf(out);
    }

    /**
     * Drops every sentence that contains a forbidden entry, also when the phrase runs over a
     * line break; paragraphs, list items and the source list keep their layout, and a list item
     * that loses its only sentence goes entirely.
     */
    static String removeForbidden(String body, List<GuardrailPolicy.Forbidden> forbidden, Set<String> hits) {
        if (forbidden.isEmpty() || body.isEmpty()) {
            return body;
        }
        List<int[]> matches = new ArrayList<>();
        String lower = body.toLowerCase(Locale.ROOT);
        for (GuardrailPolicy.Forbidden f : forbidden) {
            if (!f.mayMatch(lower)) {
                continue;
            }
            Matcher m = f.pattern().matcher(body);
            while (m.find()) {
                matches.add(new int[] {m.start(), Math.max(m.end(), m.start() + 1)});
                hits.add("\"" + f.label() + "\"" + (f.reason().isEmpty() ? "" : " (" + f.reason() + ")"));
            }
        }
        if (matches.isEmpty()) {
            return body;
        }
        // alternate sentence and separator pieces: sentence, separator, sentence, ...
        List<String> pieces = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Matcher sep = SEPARATOR.matcher(body);
        int pos = 0;
        while (sep.find()) {
            if (sep.start() <= pos) {
                continue;
            }
            starts.add(pos);
            pieces.add(body.substring(pos, sep.start()));
            starts.add(sep.start());
            pieces.add(sep.group());
            pos = sep.end();
        }
        starts.add(pos);
        pieces.add(body.substring(pos));
        boolean[] drop = new boolean[pieces.size()];
        for (int i = 0; i < pieces.size(); i += 2) {
            int from = starts.get(i);
            int to = from + pieces.get(i).length();
            for (int[] m : matches) {
                if (m[0] < to && m[1] > from) {
                    drop[i] = true;
                    break;
                }
            }
            if (drop[i]) {
                // take one same-line separator with it, so that no double space or gap is left
                if (i > 0 && !drop[i - 1] && pieces.get(i - 1).indexOf('\n') < 0) {
                    drop[i - 1] = true;
                } else if (i + 1 < pieces.size() && pieces.get(i + 1).indexOf('\n') < 0) {
                    drop[i + 1] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < pieces.size(); i++) {
            if (!drop[i]) {
                out.append(pieces.get(i));
            }
        }
        return out.toString()
                .replaceAll("(?m)^[ \\t]*(\\d+[.)]|[-*•])[ \\t]*$\n?", "")
                .replaceAll("[ \\t]+\n", "\n")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }

    private static void add(List<String> list, String reason) {
        if (!list.contains(reason)) {
            list.add(reason);
        }
    }

    /** Settings for {@link PolicyGuardrails}. */
    public static final class Builder {
        private final GuardrailPolicy policy;
        private AiDisclosure disclosure = AiDisclosure.defaults();
        private Predicate<String> citable;

        private Builder(GuardrailPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
        }

        /** The disclosure wording to strip from bodies and to set when a draft has none. */
        public Builder disclosure(AiDisclosure d) {
            this.disclosure = Objects.requireNonNull(d);
            return this;
        }

        /**
         * Which article ids may be cited (for example {@code kb::isCitable}); citations of
         * others are dropped and flagged. Without it, citations are not checked.
         */
        public Builder citable(Predicate<String> articleIdIsCitable) {
            this.citable = Objects.requireNonNull(articleIdIsCitable);
            return this;
        }

        public PolicyGuardrails build() {
            return new PolicyGuardrails(this);
        }
    }
}

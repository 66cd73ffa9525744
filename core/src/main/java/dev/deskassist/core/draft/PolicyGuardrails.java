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
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+(?=\\S)");

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
        String line = draft.disclosure().isEmpty() ? disclosure.line(draft.language()) : draft.disclosure();
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

    /** Drops every sentence that matches a forbidden entry; line structure (lists, paragraphs) is kept. */
    static String removeForbidden(String body, List<GuardrailPolicy.Forbidden> forbidden, Set<String> hits) {
        if (forbidden.isEmpty() || body.isEmpty()) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        String[] lines = body.split("\n", -1);
        for (int li = 0; li < lines.length; li++) {
            String line = lines[li];
            boolean any = false;
            for (GuardrailPolicy.Forbidden f : forbidden) {
                if (f.pattern().matcher(line).find()) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                out.append(line);
            } else {
                StringBuilder kept = new StringBuilder();
                for (String sentence : SENTENCE_END.split(line)) {
                    GuardrailPolicy.Forbidden hit = null;
                    for (GuardrailPolicy.Forbidden f : forbidden) {
                        if (f.pattern().matcher(sentence).find()) {
                            hit = f;
                            break;
                        }
                    }
                    if (hit == null) {
                        kept.append(kept.length() > 0 ? " " : "").append(sentence);
                    } else {
                        hits.add("\"" + hit.label() + "\"" + (hit.reason().isEmpty() ? "" : " (" + hit.reason() + ")"));
                    }
                }
                if (kept.toString().isBlank() || kept.toString().matches("\\s*(\\d+[.)]|[-*])\\s*")) {
                    continue; // the whole line went; do not leave an empty line or a bare list marker
                }
                out.append(kept);
            }
            if (li < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
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

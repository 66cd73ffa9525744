package dev.deskassist.core.draft;

import dev.deskassist.core.Decimals;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.EntityType;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.TriageResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes reply drafts without a language model: retrieves the best knowledge-base passages in
 * the customer's language and assembles greeting, acknowledgement, the grounded answer with
 * numbered citations, next steps, questions for missing information, closing and a source list
 * from {@link ReplyTemplates}, in the tone the customer's style calls for. Then the
 * {@link Guardrails}, if any, review it, and the AI disclosure is set by code, once.
 *
 * <p>It never guesses and never switches language silently: with no approved article in the
 * customer's language, or a retrieval that is not confident, the draft says a colleague will
 * answer, asks for clarification and is marked for a human. A fallback language may be
 * configured; a draft in it is flagged in its approval reasons.
 *
 * <pre>{@code
 * Drafting drafting = OfflineDrafting.builder(LuceneKnowledgeRetriever.of(kb))
 *     .guardrails(PolicyGuardrails.builder(GuardrailPolicy.defaults()).citable(kb::isCitable).build())
 *     .categoriesNeedingOrderNumber(Set.of("returns", "delivery", "refund"))
 *     .build();
 * }</pre>
 */
public final class OfflineDrafting implements Drafting {

    /** Engine name recorded in {@link Draft#decidedBy()}. */
    public static final String ENGINE = "offline-draft";

    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(\\d+[.)]|[-*•])\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu}|\\d)");
    private static final Pattern REPLY_PREFIX = Pattern.compile("^(?i)((re|aw|fw|fwd|wg|antw)\\s*:\\s*)+");
    private static final int MAX_TOPIC_CHARS = 90;

    private final RankedRetriever retriever;
    private final ReplyTemplates templates;
    private final AiDisclosure disclosure;
    private final Guardrails guardrails;
    private final Map<String, Set<EntityType>> requiredEntities;
    private final String fallbackLanguage;
    private final int maxQueryChars;
    private final int passages;

    private OfflineDrafting(Builder b) {
        this.retriever = b.retriever;
        this.templates = b.templates;
        this.disclosure = b.disclosure;
        this.guardrails = b.guardrails;
        Map<String, Set<EntityType>> m = new HashMap<>();
        b.requiredEntities.forEach((k, v) -> m.put(k, Set.copyOf(v)));
        this.requiredEntities = Map.copyOf(m);
        this.fallbackLanguage = b.fallbackLanguage;
        this.maxQueryChars = b.maxQueryChars;
        this.passages = b.passages;
        // fail at build time, not on the first ticket, when a configured question has no wording
        for (String lang : templates.languages()) {
            for (Set<EntityType> types : requiredEntities.values()) {
                for (EntityType t : types) {
                    for (Tone tone : Tone.values()) {
                        templates.get(lang, tone, questionKey(t));
                    }
                }
            }
        }
    }

    public static Builder builder(RankedRetriever retriever) {
        return new Builder(retriever);
    }

    @Override
    public Draft draft(Ticket ticket, TriageResult triage) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(triage, "triage");
        String customerLanguage = triage.languageCode().toLowerCase(Locale.ROOT);
        List<String> approval = new ArrayList<>();
        List<String> reasons = new ArrayList<>();

        String language = customerLanguage;
        boolean hasArticles = retriever.languages().contains(customerLanguage);
        if (!hasArticles && fallbackLanguage != null && !fallbackLanguage.equals(customerLanguage)
                && retriever.languages().contains(fallbackLanguage) && templates.supports(fallbackLanguage)) {
            language = fallbackLanguage;
            approval.add("no approved article in the customer's language '" + customerLanguage
                    + "': drafted in fallback language '" + fallbackLanguage + "'; translate or rewrite before sending");
            hasArticles = true;
        }
        if (!templates.supports(language)) {
            approval.add("no reply templates for language '" + customerLanguage + "'"
                    + (hasArticles ? "" : " and no approved article in it")
                    + ": a human must write this reply (language not switched)");
            return finish(new Draft(customerLanguage, "", disclosure.reviewed(customerLanguage), List.of(), List.of(),
                    true, approval, 0.0, reasons, ENGINE), ticket, triage);
        }

        Tone tone = Tone.of(triage.style().value());
        StyleProfile style = triage.style().valueOr(StyleProfile.UNKNOWN);
        reasons.add("tone " + tone.key() + " (address " + style.address() + ", formality " + style.formality() + ")");
        Map<String, String> vars = new HashMap<>();
        String name = ticket.requester().name();
        boolean named = name != null && !name.isBlank() && name.strip().length() <= 80;
        if (named) {
            vars.put("name", name.strip());
            vars.put("firstName", name.strip().split("\\s+")[0]);
        }

        Body body = new Body();
        body.paragraph(templates.format(language, tone, named ? "greeting.named" : "greeting.anonymous", vars));
        Sentiment sentiment = triage.sentiment().valueOr(Sentiment.NEUTRAL);
        StringBuilder opening = new StringBuilder();
        if (sentiment.polarity() == Sentiment.Polarity.NEGATIVE || sentiment.frustration() >= 0.5) {
            opening.append(templates.get(language, tone, "empathy")).append(' ');
            reasons.add("empathy first: the customer sounds " + (sentiment.frustration() >= 0.5 ? "frustrated" : "unhappy"));
        }
        String topic = topic(ticket.subject());
        String ack;
        if (topic.isEmpty()) {
            ack = templates.get(language, tone, "acknowledge.notopic");
        } else {
            vars.put("topic", topic);
            ack = templates.format(language, tone, "acknowledge", vars);
        }
        // German letters go on in lower case after "Hallo Anna,"; a second sentence starts upper case
        opening.append(opening.length() > 0 ? capitalize(ack) : ack);
        body.paragraph(opening.toString().strip());

        List<String> questions = new ArrayList<>();
        List<Citation> citations = new ArrayList<>();
        double confidence = 0.0;
        if (!hasArticles) {
            approval.add("no approved article in language '" + customerLanguage
                    + "': a human must answer (language not switched)");
            body.paragraph(templates.get(language, tone, "noarticle"));
        } else {
            List<String> categories = triage.category().hasValue() ? List.of(triage.category().value()) : List.of();
            Retrieval r = retriever.rank(ticket.customerText(maxQueryChars), language, categories, passages);
            reasons.addAll(r.reasons());
            confidence = r.confidence();
            if (r.confident()) {
                List<Passage> used = choose(r.passages(), style.expertise());
                List<String> cited = new ArrayList<>();
                for (Passage p : used) {
                    if (!cited.contains(p.articleId())) {
                        cited.add(p.articleId());
                        citations.add(p.citation());
                    }
                }
                answer(body, used, cited, style.expertise(), language, tone, reasons);
                body.paragraph(templates.get(language, tone, "nextsteps"));
            } else {
                approval.add("retrieval not confident (" + Decimals.twoPlaces(r.confidence())
                        + "): asked clarifying questions instead of guessing");
                r.best().ifPresent(p -> reasons.add("closest article, not used: " + p.articleId()));
                body.paragraph(templates.get(language, tone, "notconfident"));
                questions.add(templates.get(language, tone, "question.clarify"));
            }
        }
        if (triage.category().hasValue()) {
            for (EntityType t : requiredEntities.getOrDefault(triage.category().value(), Set.of())) {
                if (triage.entities(t).isEmpty()) {
                    questions.add(templates.get(language, tone, questionKey(t)));
                    reasons.add("asked for the " + t.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + ": category '" + triage.category().value() + "' needs it and none was found");
                }
            }
        }
        if (!questions.isEmpty()) {
            StringBuilder q = new StringBuilder(templates.get(language, tone, "questions.intro"));
            questions.forEach(s -> q.append("\n- ").append(s));
            body.paragraph(q.toString());
        }
        body.paragraph(templates.get(language, tone, "closing"));
        if (!citations.isEmpty()) {
            StringBuilder s = new StringBuilder(templates.get(language, tone, "sources.heading"));
            for (int i = 0; i < citations.size(); i++) {
                Citation c = citations.get(i);
                s.append("\n[").append(i + 1).append("] ").append(c.title());
                if (c.url() != null && !c.url().isBlank()) {
                    s.append(" – ").append(c.url());
                }
                s.append(" (").append(c.articleId()).append(')');
            }
            body.paragraph(s.toString());
        }
        Draft d = new Draft(language, body.toString(), disclosure.reviewed(language), citations, questions,
                !approval.isEmpty(), approval, clamp(confidence), reasons, ENGINE);
        return finish(d, ticket, triage);
    }

    private Draft finish(Draft d, Ticket ticket, TriageResult triage) {
        Draft reviewed = guardrails == null ? d : guardrails.review(d, ticket, triage);
        // whatever templates, engines or guardrails did, the disclosure is set here, once; the reviewed
        // wording, because a draft goes to an agent (a planner sending it itself swaps in the unreviewed one)
        return new Draft(reviewed.language(), disclosure.strip(reviewed.body()),
                disclosure.reviewed(reviewed.language()),
                reviewed.citations(), reviewed.questions(), reviewed.requiresApproval(), reviewed.approvalReasons(),
                reviewed.confidence(), reviewed.reasons(), reviewed.decidedBy());
    }

    /** The passages an answer uses: experts get every strong passage, others the best one or two. */
    private static List<Passage> choose(List<Passage> ranked, StyleProfile.Expertise expertise) {
        Passage best = ranked.get(0);
        List<Passage> out = new ArrayList<>();
        out.add(best);
        int max = expertise == StyleProfile.Expertise.EXPERT ? 3 : expertise == StyleProfile.Expertise.BEGINNER ? 1 : 2;
        for (int i = 1; i < ranked.size() && out.size() < max; i++) {
            Passage p = ranked.get(i);
            boolean strong = p.score() >= best.score() * (expertise == StyleProfile.Expertise.EXPERT ? 0.5 : 0.8);
            boolean related = expertise == StyleProfile.Expertise.EXPERT || p.articleId().equals(best.articleId());
            if (strong && related) {
                out.add(p);
            }
        }
        return out;
    }

    private void answer(Body body, List<Passage> used, List<String> cited, StyleProfile.Expertise expertise,
                        String language, Tone tone, List<String> reasons) {
        if (expertise == StyleProfile.Expertise.BEGINNER) {
            Steps steps = steps(used.get(0).text());
            if (!steps.lead().isEmpty()) {
                body.paragraph(steps.lead());
            }
            StringBuilder sb = new StringBuilder(templates.get(language, tone, "steps.intro"));
            for (int i = 0; i < steps.items().size(); i++) {
                sb.append('\n').append(i + 1).append(". ").append(steps.items().get(i));
            }
            sb.append(" [1]");
            body.paragraph(sb.toString());
            reasons.add("numbered steps: the customer writes like a beginner");
            return;
        }
        String intro = expertise == StyleProfile.Expertise.EXPERT ? "details.intro" : "answer.intro";
        if (expertise == StyleProfile.Expertise.EXPERT) {
            reasons.add("full detail from " + used.size() + " passage(s): the customer writes like an expert");
        }
        body.paragraph(templates.get(language, tone, intro));
        for (Passage p : used) {
            body.paragraph(p.text().strip() + " [" + (cited.indexOf(p.articleId()) + 1) + "]");
        }
    }

    /** A passage as instructions: the prose that leads into them and the steps themselves. */
    record Steps(String lead, List<String> items) {
    }

    /** A passage as steps: its list items (after the prose that leads into them) when it has them, else its sentences. */
    static Steps steps(String text) {
        List<String> items = new ArrayList<>();
        List<String> prose = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            var m = LIST_MARKER.matcher(line);
            if (m.find()) {
                items.add(line.substring(m.end()).strip());
            } else {
                prose.add(line.strip());
            }
        }
        if (items.size() >= 2) {
            return new Steps(String.join(" ", prose), items);
        }
        List<String> sentences = new ArrayList<>();
        for (String p : prose) {
            for (String s : SENTENCE_END.split(p)) {
                if (!s.isBlank()) {
                    sentences.add(s.strip());
                }
            }
        }
        sentences.addAll(items);
        return new Steps("", sentences.isEmpty() ? List.of(text.strip()) : sentences);
    }

    /** The customer's subject as a short topic, without reply prefixes; empty when there is none. */
    static String topic(String subject) {
        if (subject == null) {
            return "";
        }
        String s = REPLY_PREFIX.matcher(subject.strip()).replaceFirst("").strip();
        s = s.replaceAll("[\\s\"„“”]+", " ").strip();
        if (s.length() > MAX_TOPIC_CHARS) {
            int cut = s.lastIndexOf(' ', MAX_TOPIC_CHARS);
            s = s.substring(0, cut > 20 ? cut : MAX_TOPIC_CHARS) + " …";
        }
        return s;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }

    private static String questionKey(EntityType t) {
        return "question." + t.name().toLowerCase(Locale.ROOT);
    }

    /** Paragraphs separated by blank lines. */
    private static final class Body {
        private final StringBuilder sb = new StringBuilder();

        void paragraph(String p) {
            if (p == null || p.isBlank()) {
                return;
            }
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(p.strip());
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    /** Settings for {@link OfflineDrafting}. */
    public static final class Builder {
        private final RankedRetriever retriever;
        private ReplyTemplates templates;
        private AiDisclosure disclosure = AiDisclosure.defaults();
        private Guardrails guardrails;
        private final Map<String, Set<EntityType>> requiredEntities = new LinkedHashMap<>();
        private String fallbackLanguage;
        private int maxQueryChars = 1_000;
        private int passages = 3;

        private Builder(RankedRetriever retriever) {
            this.retriever = Objects.requireNonNull(retriever, "retriever");
        }

        /** Reply wording (default: {@link ReplyTemplates#defaults()}). */
        public Builder templates(ReplyTemplates t) {
            this.templates = Objects.requireNonNull(t);
            return this;
        }

        public Builder disclosure(AiDisclosure d) {
            this.disclosure = Objects.requireNonNull(d);
            return this;
        }

        /** The policy review every draft passes through before the disclosure is set. */
        public Builder guardrails(Guardrails g) {
            this.guardrails = Objects.requireNonNull(g);
            return this;
        }

        /** Categories whose replies need an order number; the draft asks for it when triage found none. */
        public Builder categoriesNeedingOrderNumber(Set<String> categories) {
            categories.forEach(c -> requireEntity(c, EntityType.ORDER_NUMBER));
            return this;
        }

        /**
         * The draft asks for an entity of this type when the ticket's category is {@code category}
         * and triage found none; the wording is the template key {@code question.<type>}.
         */
        public Builder requireEntity(String category, EntityType type) {
            requiredEntities.computeIfAbsent(Objects.requireNonNull(category), c -> EnumSet.noneOf(EntityType.class))
                    .add(Objects.requireNonNull(type));
            return this;
        }

        /**
         * A language to draft in when the customer's has no approved articles; such drafts always
         * require approval and say why. Off by default: no language switch at all.
         */
        public Builder fallbackLanguage(String language) {
            this.fallbackLanguage = language == null ? null : language.toLowerCase(Locale.ROOT);
            return this;
        }

        /** How much of the customer's text (subject first) is used as the search query (default 1,000 characters). */
        public Builder maxQueryChars(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("maxQueryChars must be >= 1");
            }
            this.maxQueryChars = v;
            return this;
        }

        public OfflineDrafting build() {
            if (templates == null) {
                templates = ReplyTemplates.defaults();
            }
            return new OfflineDrafting(this);
        }
    }
}

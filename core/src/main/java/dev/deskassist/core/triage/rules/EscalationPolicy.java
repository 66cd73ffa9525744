package dev.deskassist.core.triage.rules;

import dev.deskassist.core.Decimals;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.Sentiment;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a human should take the ticket over, and says why: the category is uncertain
 * (triage abstained), the customer is upset ({@link Sentiment#isUpset()}), a priority cue marked
 * {@code escalate} fired (legal, fraud, cancellation ...), or the customer asks for a person
 * ("I want to speak to a human", "echten Menschen", "Vorgesetzten", "rappelez-moi" ...).
 * Each trigger can be switched off; the request-a-person phrases are configurable per language.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * EscalationPolicy policy = EscalationPolicy.builder()
 *     .addDefaults()
 *     .askForHuman("de", List.of("will jemanden anrufen"))
 *     .escalateOnAbstain(false)
 *     .build();
 * }</pre>
 */
public final class EscalationPolicy {

    private static final Map<String, List<String>> DEFAULT_PHRASES = Map.of(
            "de", List.of("echten menschen", "echter mensch", "mit einem menschen", "mit einem mensch", "vorgesetzten",
                    "mitarbeiter sprechen", "mitarbeiterin sprechen", "menschen sprechen", "person sprechen",
                    "rufen sie mich an", "ruft mich an", "rückruf", "ihren chef", "ihrem chef", "geschäftsführung",
                    "keinen bot", "keinem bot", "kein roboter"),
            "en", List.of("speak to a human", "talk to a human", "speak with a human", "speak to a person",
                    "talk to a person", "speak with a person", "real person", "real human", "actual human",
                    "human agent", "live agent", "speak to someone", "talk to someone", "speak to a manager",
                    "talk to a manager", "speak to your manager", "your supervisor", "a supervisor", "call me back",
                    "not a bot", "escalate this"),
            "fr", List.of("rappelez moi", "parler a un humain", "parler a une personne", "parler a quelqu un",
                    "un conseiller", "une conseillere", "votre responsable", "un responsable"),
            "es", List.of("hablar con una persona", "hablar con un humano", "hablar con un agente", "llamenme",
                    "su supervisor", "un supervisor"),
            "it", List.of("parlare con un operatore", "parlare con una persona", "persona reale", "richiamatemi"),
            "nl", List.of("met een mens", "medewerker spreken", "bel mij terug", "bel me terug"));

    private final boolean onAbstain;
    private final boolean whenUpset;
    private final boolean onCues;
    private final TermIndex index;
    private final String[] termLang;

    private EscalationPolicy(Builder b) {
        this.onAbstain = b.onAbstain;
        this.whenUpset = b.whenUpset;
        this.onCues = b.onCues;
        List<String> terms = new ArrayList<>();
        List<String> langs = new ArrayList<>();
        b.phrases.forEach((lang, list) -> list.forEach(p -> {
            terms.add(p);
            langs.add(lang);
        }));
        this.index = TermIndex.of(terms);
        this.termLang = langs.toArray(new String[0]);
    }

    /** Every trigger on, with the built-in phrases for de, en, fr, es, it and nl. */
    public static EscalationPolicy defaults() {
        return builder().addDefaults().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decides escalation. {@code language} {@code null} or "und" means phrases of every language
     * are looked for; {@code priority} may be {@code null} when no priority policy ran.
     */
    public Decision<Boolean> decide(FoldedText text, String language, Decision<String> category,
                                    Decision<Sentiment> sentiment, PriorityAssessment priority) {
        List<String> reasons = new ArrayList<>();
        if (onAbstain && category != null && !category.hasValue()) {
            reasons.add("category uncertain: needs human triage");
        }
        if (whenUpset && sentiment != null && sentiment.hasValue() && sentiment.value().isUpset()) {
            reasons.add("customer upset (score " + Decimals.twoPlaces(sentiment.value().score()) + ", frustration "
                    + Decimals.twoPlaces(sentiment.value().frustration()) + ")");
        }
        if (onCues && priority != null) {
            for (String cue : priority.escalatingCues()) {
                reasons.add("cue " + cue + " fired");
            }
        }
        BitSet hits = index.match(text);
        boolean anyLanguage = language == null || "und".equals(language);
        for (int t = hits.nextSetBit(0); t >= 0; t = hits.nextSetBit(t + 1)) {
            if (anyLanguage || termLang[t].equals(language) || "*".equals(termLang[t])) {
                reasons.add("customer asks for a person ('" + index.terms().get(t) + "')");
                break;
            }
        }
        if (reasons.isEmpty()) {
            return Decision.of(Boolean.FALSE, 0.8, "escalation-policy", "no escalation trigger");
        }
        double confidence = Math.min(0.97, 0.7 + 0.1 * (reasons.size() - 1));
        return Decision.of(Boolean.TRUE, confidence, "escalation-policy", reasons);
    }

    @Override
    public String toString() {
        return "EscalationPolicy[abstain=" + onAbstain + ", upset=" + whenUpset + ", cues=" + onCues + ", phrases="
                + index.size() + "]";
    }

    /** Configures an {@link EscalationPolicy}; every trigger is on unless switched off. */
    public static final class Builder {
        private final Map<String, List<String>> phrases = new LinkedHashMap<>();
        private boolean onAbstain = true;
        private boolean whenUpset = true;
        private boolean onCues = true;

        private Builder() {
        }

        /** Adds the built-in request-a-person phrases. */
        public Builder addDefaults() {
            DEFAULT_PHRASES.forEach(this::askForHuman);
            return this;
        }

        /** Phrases ({@link TermIndex} syntax) by which a customer asks for a person, in {@code language} or "*". */
        public Builder askForHuman(String language, List<String> list) {
            Objects.requireNonNull(language, "language");
            List<String> all = new ArrayList<>(phrases.getOrDefault(language, List.of()));
            all.addAll(list);
            phrases.put(language, all);
            return this;
        }

        public Builder escalateOnAbstain(boolean on) {
            this.onAbstain = on;
            return this;
        }

        public Builder escalateWhenUpset(boolean on) {
            this.whenUpset = on;
            return this;
        }

        /** Whether priority cues marked {@code escalate} escalate. */
        public Builder escalateOnCues(boolean on) {
            this.onCues = on;
            return this;
        }

        public EscalationPolicy build() {
            return new EscalationPolicy(this);
        }
    }
}

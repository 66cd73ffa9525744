package dev.deskassist.core.triage;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.entity.PatternEntityExtractor;
import dev.deskassist.core.triage.rules.CategoryDecider;
import dev.deskassist.core.triage.rules.EscalationPolicy;
import dev.deskassist.core.triage.rules.FoldedText;
import dev.deskassist.core.triage.rules.PriorityAssessment;
import dev.deskassist.core.triage.rules.PriorityPolicy;
import dev.deskassist.core.triage.rules.Router;
import dev.deskassist.core.triage.rules.Taxonomy;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline triage engine: language, sentiment and style of what the customer wrote, entities,
 * category (trained model and/or taxonomy rules, with abstain), priority, routing group and
 * escalation, all in process and deterministic.
 *
 * <p>Only the subject and the customer's own new text are analysed (no quoted history, no
 * signatures), cut to {@link Builder#maxChars(int)} so that a megabyte body costs no more than a
 * page. Control characters become spaces (offsets of {@link TriageResult#entities()} refer to
 * {@link Ticket#customerText(int)} with the same limit). A failing component does not fail the
 * ticket: its decision has no value and the reason names the failure. Thread-safe when the
 * components are.
 *
 * <pre>{@code
 * Triage triage = OfflineTriage.builder()
 *     .languageDetector(languages)
 *     .sentimentAnalyzer(sentiment)
 *     .styleAnalyzer(style)
 *     .intentModel(model)                  // optional: without it the taxonomy rules decide alone
 *     .taxonomy(Taxonomy.load(Path.of("taxonomy.json")))
 *     .priorityPolicy(PriorityPolicy.load(Path.of("priority-policy.json")))
 *     .build();
 * }</pre>
 */
public final class OfflineTriage implements Triage {

    private static final Logger log = LoggerFactory.getLogger(OfflineTriage.class);

    /** Fewer letters than this and no detector is asked: one word does not tell a language. */
    private static final int MIN_LETTERS_FOR_LANGUAGE = 3;

    private final LanguageDetector languageDetector;
    private final SentimentAnalyzer sentimentAnalyzer;
    private final StyleAnalyzer styleAnalyzer;
    private final EntityExtractor entityExtractor;
    private final CategoryDecider categoryDecider;
    private final Router router;
    private final PriorityPolicy priorityPolicy;
    private final EscalationPolicy escalationPolicy;
    private final int maxChars;
    private final String fallbackLanguage;
    private final Clock clock;

    private OfflineTriage(Builder b) {
        this.languageDetector = Objects.requireNonNull(b.languageDetector, "languageDetector is required");
        this.sentimentAnalyzer = Objects.requireNonNull(b.sentimentAnalyzer, "sentimentAnalyzer is required");
        this.styleAnalyzer = Objects.requireNonNull(b.styleAnalyzer, "styleAnalyzer is required");
        this.entityExtractor = b.entityExtractor != null ? b.entityExtractor : new PatternEntityExtractor();
        Taxonomy taxonomy = Objects.requireNonNull(b.taxonomy, "taxonomy is required");
        this.categoryDecider = CategoryDecider.builder(taxonomy).model(b.intentModel)
                .abstainThreshold(b.abstainThreshold).build();
        this.router = new Router(taxonomy, b.fallbackGroup != null ? b.fallbackGroup : taxonomy.fallbackGroup());
        this.priorityPolicy = b.priorityPolicy != null ? b.priorityPolicy : PriorityPolicy.defaults();
        this.escalationPolicy = b.escalationPolicy != null ? b.escalationPolicy : EscalationPolicy.defaults();
        this.maxChars = b.maxChars;
        this.fallbackLanguage = b.fallbackLanguage;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public TriageResult triage(Ticket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        String text = clean(ticket.customerText(maxChars));
        FoldedText folded = FoldedText.of(text);

        Decision<String> language = language(ticket, text, folded);
        String lang = language.hasValue() ? language.value() : fallbackLanguage;

        Decision<Sentiment> sentiment = folded.letterCount() == 0
                ? Decision.none("sentiment", "no words to read a sentiment from")
                : guard(ticket, "sentiment", () -> sentimentAnalyzer.analyze(text, lang == null ? TriageResult.UNKNOWN_LANGUAGE : lang));
        Decision<StyleProfile> style = folded.letterCount() == 0
                ? Decision.none("style", "no words to profile")
                : guard(ticket, "style", () -> styleAnalyzer.analyze(text, lang == null ? TriageResult.UNKNOWN_LANGUAGE : lang));
        List<Entity> entities = entities(ticket, text);

        Decision<String> category = guard(ticket, "category", () -> categoryDecider.decide(text, folded, lang));
        PriorityAssessment priority;
        try {
            priority = priorityPolicy.assess(ticket, folded, lang, sentiment, clock.instant());
        } catch (RuntimeException e) {
            log.warn("priority policy failed for ticket {}: {}", ticket.id(), e.getClass().getName());
            priority = new PriorityAssessment(Decision.none("priority-policy",
                    "priority policy failed: " + e.getClass().getSimpleName()), List.of(), List.of());
        }
        Decision<String> group = router.route(category);
        PriorityAssessment p = priority;
        Decision<Boolean> escalation = guard(ticket, "escalation",
                () -> escalationPolicy.decide(folded, lang, category, sentiment, p));

        return new TriageResult(language, orNone(sentiment, "sentiment"), orNone(style, "style"), entities, category,
                priorityOrNone(priority.decision()), group, escalation);
    }

    private Decision<String> language(Ticket ticket, String text, FoldedText folded) {
        if (folded.letterCount() < MIN_LETTERS_FOR_LANGUAGE) {
            String why = text.isBlank() ? "no customer text" : "text too short to tell the language";
            return fallbackLanguage == null ? Decision.none("language", why)
                    : Decision.none("language", why + "; rules use the fallback language " + fallbackLanguage);
        }
        Decision<String> d = guard(ticket, "language", () -> languageDetector.detect(text));
        if (d == null) {
            return Decision.none("language", "detector returned nothing");
        }
        if (!d.hasValue() && fallbackLanguage != null) {
            return d.withReason("rules use the fallback language " + fallbackLanguage);
        }
        return d;
    }

    private List<Entity> entities(Ticket ticket, String text) {
        try {
            List<Entity> found = entityExtractor.extract(text);
            return found == null ? List.of() : found;
        } catch (RuntimeException e) {
            log.warn("entity extraction failed for ticket {}: {}", ticket.id(), e.getClass().getName());
            return List.of();
        }
    }

    /** A component failure becomes a decision without value, so one bad part cannot fail the ticket. */
    private static <T> Decision<T> guard(Ticket ticket, String part, Supplier<Decision<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            log.warn("{} failed for ticket {}: {}", part, ticket.id(), e.getClass().getName());
            return Decision.none(part, part + " failed: " + e.getClass().getSimpleName());
        }
    }

    private static <T> Decision<T> orNone(Decision<T> d, String part) {
        return d != null ? d : Decision.none(part, part + " returned nothing");
    }

    private static Decision<Priority> priorityOrNone(Decision<Priority> d) {
        return d != null ? d : Decision.none("priority-policy", "priority policy returned nothing");
    }

    /** Control characters (binary garbage, NULs) become spaces so that offsets stay valid. */
    static String clean(String s) {
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7f || c == '\uFFFD'
                    || Character.isSurrogate(c) && !validSurrogate(s, i);
            if (bad) {
                if (chars == null) {
                    chars = s.toCharArray();
                }
                chars[i] = ' ';
            }
        }
        return chars == null ? s : new String(chars);
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    @Override
    public String toString() {
        return "OfflineTriage[" + categoryDecider + ", " + priorityPolicy + ", maxChars=" + maxChars + "]";
    }

    /** Configures an {@link OfflineTriage}; detector, analyzers and taxonomy are required. */
    public static final class Builder {
        private LanguageDetector languageDetector;
        private SentimentAnalyzer sentimentAnalyzer;
        private StyleAnalyzer styleAnalyzer;
        private EntityExtractor entityExtractor;
        private IntentModel intentModel;
        private Taxonomy taxonomy;
        private PriorityPolicy priorityPolicy;
        private EscalationPolicy escalationPolicy;
        private double abstainThreshold = 0.55;
        private String fallbackGroup;
        private int maxChars = 8_000;
        private String fallbackLanguage;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder languageDetector(LanguageDetector detector) {
            this.languageDetector = detector;
            return this;
        }

        public Builder sentimentAnalyzer(SentimentAnalyzer analyzer) {
            this.sentimentAnalyzer = analyzer;
            return this;
        }

        public Builder styleAnalyzer(StyleAnalyzer analyzer) {
            this.styleAnalyzer = analyzer;
            return this;
        }

        /** Default: {@link PatternEntityExtractor} with the default number patterns. */
        public Builder entityExtractor(EntityExtractor extractor) {
            this.entityExtractor = extractor;
            return this;
        }

        /** The trained classifier; without one ({@code null}, the default) the taxonomy rules decide alone. */
        public Builder intentModel(IntentModel model) {
            this.intentModel = model;
            return this;
        }

        public Builder taxonomy(Taxonomy taxonomy) {
            this.taxonomy = taxonomy;
            return this;
        }

        /** Default: {@link PriorityPolicy#defaults()}. */
        public Builder priorityPolicy(PriorityPolicy policy) {
            this.priorityPolicy = policy;
            return this;
        }

        /** Default: {@link EscalationPolicy#defaults()}. */
        public Builder escalationPolicy(EscalationPolicy policy) {
            this.escalationPolicy = policy;
            return this;
        }

        /** Below this category confidence triage abstains ("needs human triage"). Default 0.55. */
        public Builder abstainThreshold(double threshold) {
            if (!(threshold >= 0.0 && threshold <= 1.0)) {
                throw new IllegalArgumentException("abstain threshold must be in [0,1], was " + threshold);
            }
            this.abstainThreshold = threshold;
            return this;
        }

        /** The group for abstained tickets; default the taxonomy's {@code fallbackGroup}. */
        public Builder fallbackGroup(String group) {
            this.fallbackGroup = group;
            return this;
        }

        /** How much customer text is analysed; default 8,000 characters. */
        public Builder maxChars(int maxChars) {
            if (maxChars < 100) {
                throw new IllegalArgumentException("maxChars must be at least 100, was " + maxChars);
            }
            this.maxChars = maxChars;
            return this;
        }

        /**
         * The language whose rules and cues apply when the detector cannot tell (the language
         * decision itself stays without value). Default {@code null}: rules of every language apply.
         */
        public Builder fallbackLanguage(String language) {
            this.fallbackLanguage = language;
            return this;
        }

        /** The clock SLA due times are measured against. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public OfflineTriage build() {
            return new OfflineTriage(this);
        }
    }
}

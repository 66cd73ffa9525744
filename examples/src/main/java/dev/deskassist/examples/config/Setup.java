package dev.deskassist.examples.config;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.adapter.ConfigSource;
import dev.deskassist.core.audit.AuditSink;
import dev.deskassist.core.draft.Drafting;
import dev.deskassist.core.draft.GuardrailPolicy;
import dev.deskassist.core.draft.OfflineDrafting;
import dev.deskassist.core.draft.PolicyGuardrails;
import dev.deskassist.core.draft.kb.KnowledgeBase;
import dev.deskassist.core.draft.kb.LuceneKnowledgeRetriever;
import dev.deskassist.core.llm.AnthropicClient;
import dev.deskassist.core.llm.FeatureConfig;
import dev.deskassist.core.llm.LlmClient;
import dev.deskassist.core.llm.LlmEngines;
import dev.deskassist.core.llm.LlmSettings;
import dev.deskassist.core.llm.OpenAiCompatibleClient;
import dev.deskassist.core.privacy.Pseudonymizer;
import dev.deskassist.core.privacy.SensitivityPolicy;
import dev.deskassist.core.summary.ExtractiveSummarizer;
import dev.deskassist.core.summary.Summarizing;
import dev.deskassist.core.triage.CalibratedIntentModel;
import dev.deskassist.core.triage.IntentModel;
import dev.deskassist.core.triage.OfflineTriage;
import dev.deskassist.core.triage.Triage;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.language.NgramLanguageDetector;
import dev.deskassist.core.triage.rules.Category;
import dev.deskassist.core.triage.rules.PriorityPolicy;
import dev.deskassist.core.triage.rules.Taxonomy;
import dev.deskassist.core.triage.sentiment.LexiconSentimentAnalyzer;
import dev.deskassist.core.triage.style.RuleStyleAnalyzer;
import dev.deskassist.core.writeback.PolicyWriteBackPlanner;
import dev.deskassist.core.writeback.WriteBackPolicy;
import dev.deskassist.examples.serve.ServeSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything a {@linkplain ConfigDirectory config directory} holds, loaded and checked: immutable,
 * with no connection opened yet. {@link #engines} builds the engines the commands run (offline, or
 * LLM per skill with the offline ones as fallback), the way {@code Nordwind} does for the sample.
 *
 * @param directory     the directory it was loaded from
 * @param serve         {@code serve}'s settings (helpdesks, pipeline, store, server); empty when loaded for the engines only
 * @param source        the resolved properties (environment over file, secrets from the variables the file names)
 * @param engineSettings which engine runs each skill
 * @param taxonomy      the categories and routes
 * @param model         the intent model, loaded or trained at load
 * @param trainTime     how long training took ({@link Duration#ZERO} for a loaded model)
 * @param trainingData  the training data, when the model was trained from it
 * @param knowledgeBase the knowledge base
 * @param priorityPolicy  the priority rules
 * @param guardrailPolicy the reply guardrails
 * @param writeBackPolicy what may be written into tickets
 * @param sensitivityPolicy which tickets stay away from general-purpose models
 * @param clock         the clock the knowledge base and triage judge time by
 * @param files         where each file of the directory is (as configured, resolved against the directory)
 */
public record Setup(Path directory, Optional<ServeSettings> serve, ConfigSource source, EngineSettings engineSettings,
                    Taxonomy taxonomy, CalibratedIntentModel model, Duration trainTime, Optional<TrainingData> trainingData,
                    KnowledgeBase knowledgeBase, PriorityPolicy priorityPolicy, GuardrailPolicy guardrailPolicy,
                    WriteBackPolicy writeBackPolicy, SensitivityPolicy sensitivityPolicy, Clock clock,
                    Map<ConfigDirectory.File, Path> files) {

    public Setup {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(serve, "serve");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(engineSettings, "engineSettings");
        Objects.requireNonNull(taxonomy, "taxonomy");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(knowledgeBase, "knowledgeBase");
        Objects.requireNonNull(priorityPolicy, "priorityPolicy");
        Objects.requireNonNull(guardrailPolicy, "guardrailPolicy");
        Objects.requireNonNull(writeBackPolicy, "writeBackPolicy");
        Objects.requireNonNull(sensitivityPolicy, "sensitivityPolicy");
        Objects.requireNonNull(clock, "clock");
        files = Map.copyOf(files);
    }

    /** Where a file of the directory is, e.g. {@code path(File.TRAINING_DATA)} for {@code train --config}. */
    public Path path(ConfigDirectory.File file) {
        return files.get(file);
    }

    /**
     * {@code serve}'s settings.
     *
     * @throws IllegalStateException when the setup was loaded with {@link ConfigDirectory.Scope#ENGINES}
     */
    public ServeSettings serveSettings() {
        return serve.orElseThrow(() -> new IllegalStateException("loaded for the engines only; load with Scope.FULL"));
    }

    /** The offline triage on this setup's taxonomy, model and priority policy. */
    public OfflineTriage offlineTriage() {
        return offlineTriage(model, taxonomy, priorityPolicy, new NgramLanguageDetector(), clock);
    }

    /**
     * The offline triage every setup runs (n-gram language, lexicon sentiment, rule style) on a
     * taxonomy, intent model and priority policy: shared with the backtest, which swaps in the
     * model it trained and its replay clock.
     */
    public static OfflineTriage offlineTriage(IntentModel model, Taxonomy taxonomy, PriorityPolicy priorityPolicy,
                                              NgramLanguageDetector language, Clock clock) {
        return OfflineTriage.builder()
                .languageDetector(language)
                .sentimentAnalyzer(LexiconSentimentAnalyzer.defaults())
                .styleAnalyzer(new RuleStyleAnalyzer())
                .intentModel(model)
                .taxonomy(taxonomy)
                .priorityPolicy(priorityPolicy)
                .clock(clock)
                .build();
    }

    /**
     * Offline drafting from {@code retriever} under {@code guardrails}, asking for the order number
     * in the categories the taxonomy flags {@link Category#NEEDS_ORDER_NUMBER}.
     */
    public static OfflineDrafting offlineDrafting(LuceneKnowledgeRetriever retriever, PolicyGuardrails guardrails,
                                                  Taxonomy taxonomy) {
        Set<String> needOrderNumber = taxonomy.categories().stream()
                .filter(c -> c.hasFlag(Category.NEEDS_ORDER_NUMBER)).map(Category::id).collect(Collectors.toSet());
        return OfflineDrafting.builder(retriever).guardrails(guardrails).categoriesNeedingOrderNumber(needOrderNumber)
                .build();
    }

    /** Category id → description, as the LLM engines take the taxonomy. */
    public Map<String, String> categoryDescriptions() {
        Map<String, String> out = new LinkedHashMap<>();
        taxonomy.categories().forEach(c -> out.put(c.id(), c.description()));
        return out;
    }

    /**
     * Builds the engines per {@link #engineSettings()} and DeskAssist on them; close the result to
     * release the LLM clients. Decisions go to {@code audit} ({@link AuditSink#NONE} when the
     * caller records them itself, as the pipeline does).
     */
    public AssistEngines engines(AuditSink audit) {
        NgramLanguageDetector language = new NgramLanguageDetector();
        OfflineTriage triage = offlineTriage(model, taxonomy, priorityPolicy, language, clock);
        LuceneKnowledgeRetriever retriever = LuceneKnowledgeRetriever.of(knowledgeBase);
        PolicyGuardrails guardrails = PolicyGuardrails.builder(guardrailPolicy).citable(knowledgeBase::isCitable).build();
        OfflineDrafting offlineDrafting = offlineDrafting(retriever, guardrails, taxonomy);
        ExtractiveSummarizer summarizer = ExtractiveSummarizer.create();
        EngineSettings e = engineSettings;

        Triage chosenTriage = triage;
        Drafting drafting = e.draft().equals("off") ? null : offlineDrafting;
        Summarizing summarizing = e.summary().equals("off") ? null : summarizer;
        LlmEngines llm = null;
        if (e.usesLlm()) {
            LlmClient privateClient = e.privateEndpoint().map(Setup::client).orElse(null);
            LlmClient openai = e.openai().map(Setup::client).orElse(null);
            LlmClient anthropic = e.anthropic().map(Setup::client).orElse(null);
            LlmSettings settings = LlmSettings.builder()
                    .triage(feature(e.triage(), openai, anthropic, privateClient, e.timeout()))
                    .drafting(feature(e.draft(), openai, anthropic, privateClient, e.timeout()))
                    .summary(feature(e.summary(), openai, anthropic, privateClient, e.timeout()))
                    .pseudonymizer(Pseudonymizer.builder().businessNumbers(e.businessNumbers()).build())
                    .sensitivity(sensitivityPolicy)
                    .build();
            llm = new LlmEngines(settings);
            Map<String, String> descriptions = categoryDescriptions();
            chosenTriage = llm.triage(triage, descriptions);
            drafting = llm.drafting(offlineDrafting, retriever, guardrails, language, descriptions);
            summarizing = llm.summarizing(summarizer, language);
        }
        DeskAssist assist = DeskAssist.builder()
                .triage(chosenTriage)
                .summarizing(summarizing)
                .drafting(drafting)
                .writeBackPlanner(new PolicyWriteBackPlanner(writeBackPolicy))
                .auditSink(Objects.requireNonNull(audit, "audit"))
                .clock(clock)
                .build();
        return new AssistEngines(assist, Optional.ofNullable(llm));
    }

    private static FeatureConfig feature(String engine, LlmClient openai, LlmClient anthropic, LlmClient privateClient,
                                         Duration timeout) {
        return switch (engine) {
            case "off" -> FeatureConfig.off();
            case "openai" -> FeatureConfig.llm(openai).privateClient(privateClient).timeout(timeout).build();
            case "anthropic" -> FeatureConfig.llm(anthropic).privateClient(privateClient).timeout(timeout).build();
            default -> FeatureConfig.offline();
        };
    }

    private static LlmClient client(EngineSettings.Endpoint e) {
        if (e.provider().equals("anthropic")) {
            AnthropicClient.Builder b = AnthropicClient.builder(e.baseUrl()).model(e.model());
            if (e.apiKey() != null) {
                b.apiKey(e.apiKey());
            }
            return b.build();
        }
        OpenAiCompatibleClient.Builder b = OpenAiCompatibleClient.builder(e.baseUrl()).model(e.model());
        if (e.apiKey() != null) {
            b.apiKey(e.apiKey());
        }
        return b.build();
    }

    /**
     * DeskAssist on a setup's engines, and the LLM engines behind it when a skill uses one (for
     * their usage meter and the customer-erasure call).
     */
    public record AssistEngines(DeskAssist deskAssist, Optional<LlmEngines> llm) implements AutoCloseable {

        @Override
        public void close() {
            try {
                deskAssist.close();
            } finally {
                llm.ifPresent(LlmEngines::close);
            }
        }
    }

    @Override
    public String toString() {
        return "Setup[" + directory + ", " + taxonomy + ", engines " + engineSettings.triage() + "/"
                + engineSettings.draft() + "/" + engineSettings.summary() + ", values hidden]";
    }
}

package dev.deskassist.examples.backtest;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.backtest.PipelineFactory;
import dev.deskassist.core.draft.GuardrailPolicy;
import dev.deskassist.core.draft.OfflineDrafting;
import dev.deskassist.core.draft.PolicyGuardrails;
import dev.deskassist.core.draft.kb.KnowledgeBase;
import dev.deskassist.core.draft.kb.KnowledgeBaseLoader;
import dev.deskassist.core.draft.kb.LuceneKnowledgeRetriever;
import dev.deskassist.core.summary.ExtractiveSummarizer;
import dev.deskassist.core.triage.IntentModel;
import dev.deskassist.core.triage.OfflineTriage;
import dev.deskassist.core.triage.classify.IntentTrainer;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import dev.deskassist.core.triage.language.NgramLanguageDetector;
import dev.deskassist.core.triage.rules.Category;
import dev.deskassist.core.triage.rules.PriorityPolicy;
import dev.deskassist.core.triage.rules.Taxonomy;
import dev.deskassist.core.triage.sentiment.LexiconSentimentAnalyzer;
import dev.deskassist.core.triage.style.RuleStyleAnalyzer;
import dev.deskassist.core.writeback.PolicyWriteBackPlanner;
import dev.deskassist.core.writeback.WriteBackPolicy;
import dev.deskassist.examples.SampleKnowledgeBase;
import dev.deskassist.examples.SampleTickets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The team's offline setup for a backtest: taxonomy, priority, guardrail and write-back policies,
 * the configured intent model and the knowledge base. Each file is taken from the configuration
 * directory when it holds one (same names as the Nordwind sample: {@code taxonomy.json},
 * {@code priority-policy.json}, {@code guardrail-policy.json}, {@code writeback-policy.json},
 * {@code training.jsonl}, {@code kb/}), else from the bundled sample. {@link #sources()} says which.
 */
public record BacktestSetup(Taxonomy taxonomy, PriorityPolicy priorityPolicy, GuardrailPolicy guardrails,
                            WriteBackPolicy writeBackPolicy, IntentModel configuredModel, KnowledgeBase knowledgeBase,
                            List<String> sources) {

    public static BacktestSetup load(Optional<Path> configDir, Clock clock) {
        List<String> sources = new ArrayList<>();
        Taxonomy taxonomy;
        PriorityPolicy priority;
        GuardrailPolicy guardrails;
        WriteBackPolicy writeBack;
        try (InputStream t = open(configDir, "taxonomy.json", sources);
             InputStream p = open(configDir, "priority-policy.json", sources);
             InputStream g = open(configDir, "guardrail-policy.json", sources);
             InputStream w = open(configDir, "writeback-policy.json", sources);
             InputStream tr = open(configDir, "training.jsonl", sources)) {
            taxonomy = Taxonomy.read(t, "taxonomy.json");
            priority = PriorityPolicy.read(p, "priority-policy.json");
            guardrails = GuardrailPolicy.parse(new String(g.readAllBytes(), StandardCharsets.UTF_8),
                    "guardrail-policy.json");
            writeBack = WriteBackPolicy.fromJson(new String(w.readAllBytes(), StandardCharsets.UTF_8),
                    "writeback-policy.json");
            TrainingData data = TrainingDataReader.defaults().readJsonLines(
                    new BufferedReader(new InputStreamReader(tr, StandardCharsets.UTF_8)), "training.jsonl");
            IntentModel model = new IntentTrainer(TrainerConfig.defaults()).train(data).model();
            Optional<String> kbDir = configDir.map(d -> d.resolve("kb")).filter(Files::isDirectory).map(Path::toString);
            sources.add(kbDir.map(d -> d).orElse("kb/ (sample)"));
            KnowledgeBase kb = SampleKnowledgeBase.load(kbDir, clock);
            return new BacktestSetup(taxonomy, priority, guardrails, writeBack, model, kb, sources);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the backtest setup", e);
        }
    }

    private static InputStream open(Optional<Path> dir, String name, List<String> sources) throws IOException {
        if (dir.isPresent() && Files.isRegularFile(dir.get().resolve(name))) {
            sources.add(dir.get().resolve(name).toString());
            return Files.newInputStream(dir.get().resolve(name));
        }
        sources.add(name + " (sample)");
        return SampleTickets.resource(name);
    }

    /** The taxonomy's category ids. */
    public Set<String> categoryIds() {
        return taxonomy.categories().stream().map(Category::id).collect(Collectors.toCollection(
                java.util.LinkedHashSet::new));
    }

    /**
     * Builds the pipeline around the model the backtest trained (or the configured one), with the
     * replay clock; the planner runs on the configured write-back policy, and nothing sends its plan.
     */
    public PipelineFactory factory() {
        LuceneKnowledgeRetriever retriever = LuceneKnowledgeRetriever.of(knowledgeBase);
        Set<String> needOrderNumber = taxonomy.categories().stream()
                .filter(c -> c.hasFlag(Category.NEEDS_ORDER_NUMBER)).map(Category::id).collect(Collectors.toSet());
        return (trained, clock) -> {
            OfflineTriage triage = OfflineTriage.builder()
                    .languageDetector(new NgramLanguageDetector())
                    .sentimentAnalyzer(LexiconSentimentAnalyzer.defaults())
                    .styleAnalyzer(new RuleStyleAnalyzer())
                    .intentModel(trained != null ? trained : configuredModel)
                    .taxonomy(taxonomy)
                    .priorityPolicy(priorityPolicy)
                    .clock(clock)
                    .build();
            OfflineDrafting drafting = OfflineDrafting.builder(retriever)
                    .guardrails(PolicyGuardrails.builder(guardrails).citable(knowledgeBase::isCitable).build())
                    .categoriesNeedingOrderNumber(needOrderNumber)
                    .build();
            return DeskAssist.builder()
                    .triage(triage)
                    .summarizing(ExtractiveSummarizer.create())
                    .drafting(drafting)
                    .writeBackPlanner(new PolicyWriteBackPlanner(writeBackPolicy))
                    .clock(clock)
                    .build();
        };
    }
}

package dev.deskassist.examples.backtest;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.backtest.PipelineFactory;
import dev.deskassist.core.draft.GuardrailPolicy;
import dev.deskassist.core.draft.PolicyGuardrails;
import dev.deskassist.core.draft.kb.KnowledgeBase;
import dev.deskassist.core.draft.kb.KnowledgeBaseLoader;
import dev.deskassist.core.draft.kb.LuceneKnowledgeRetriever;
import dev.deskassist.core.summary.ExtractiveSummarizer;
import dev.deskassist.core.triage.IntentModel;
import dev.deskassist.core.triage.classify.IntentTrainer;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import dev.deskassist.core.triage.language.NgramLanguageDetector;
import dev.deskassist.core.triage.rules.Category;
import dev.deskassist.core.triage.rules.PriorityPolicy;
import dev.deskassist.core.triage.rules.Taxonomy;
import dev.deskassist.core.writeback.PolicyWriteBackPlanner;
import dev.deskassist.core.writeback.WriteBackPolicy;
import dev.deskassist.examples.SampleKnowledgeBase;
import dev.deskassist.examples.SampleTickets;
import dev.deskassist.examples.config.ConfigDirectory;
import dev.deskassist.examples.config.Setup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The team's offline setup for a backtest: taxonomy, priority, guardrail and write-back policies,
 * the configured intent model and the knowledge base. {@link #of(Setup)} takes them from a
 * {@linkplain ConfigDirectory config directory} (validated, at the paths its
 * {@code deskassist.properties} names); {@link #sample(Clock)} from the bundled Nordwind sample.
 * {@link #sources()} says where each came from.
 */
public record BacktestSetup(Taxonomy taxonomy, PriorityPolicy priorityPolicy, GuardrailPolicy guardrails,
                            WriteBackPolicy writeBackPolicy, IntentModel configuredModel, KnowledgeBase knowledgeBase,
                            List<String> sources) {

    public BacktestSetup {
        sources = List.copyOf(sources);
    }

    /**
     * A config directory's setup, loaded for the engines only (no helpdesk secrets needed).
     *
     * @throws dev.deskassist.core.config.ConfigFileException listing every problem of the directory
     */
    public static BacktestSetup load(Path configDir, Map<String, String> env, Clock clock) {
        return of(ConfigDirectory.load(configDir, env, ConfigDirectory.Scope.ENGINES, clock));
    }

    /** The parts of a loaded setup a backtest runs on. */
    public static BacktestSetup of(Setup setup) {
        List<String> sources = new ArrayList<>();
        for (ConfigDirectory.File f : List.of(ConfigDirectory.File.TAXONOMY, ConfigDirectory.File.PRIORITY_POLICY,
                ConfigDirectory.File.GUARDRAIL_POLICY, ConfigDirectory.File.WRITEBACK_POLICY,
                setup.trainingData().isPresent() ? ConfigDirectory.File.TRAINING_DATA : ConfigDirectory.File.MODEL,
                ConfigDirectory.File.KNOWLEDGE_BASE)) {
            Path p = setup.path(f);
            sources.add(p == null ? f.defaultName() : p.toString());
        }
        return new BacktestSetup(setup.taxonomy(), setup.priorityPolicy(), setup.guardrailPolicy(),
                setup.writeBackPolicy(), setup.model(), setup.knowledgeBase(), sources);
    }

    /** The bundled Nordwind sample: its policies, a model trained on its training data, its knowledge base. */
    public static BacktestSetup sample(Clock clock) {
        try (InputStream t = SampleTickets.resource("taxonomy.json");
             InputStream p = SampleTickets.resource("priority-policy.json");
             InputStream g = SampleTickets.resource("guardrail-policy.json");
             InputStream w = SampleTickets.resource("writeback-policy.json");
             InputStream tr = SampleTickets.resource("training.jsonl")) {
            Taxonomy taxonomy = Taxonomy.read(t, "taxonomy.json");
            PriorityPolicy priority = PriorityPolicy.read(p, "priority-policy.json");
            GuardrailPolicy guardrails = GuardrailPolicy.parse(new String(g.readAllBytes(), StandardCharsets.UTF_8),
                    "guardrail-policy.json");
            WriteBackPolicy writeBack = WriteBackPolicy.fromJson(new String(w.readAllBytes(), StandardCharsets.UTF_8),
                    "writeback-policy.json");
            TrainingData data = TrainingDataReader.defaults().readJsonLines(
                    new BufferedReader(new InputStreamReader(tr, StandardCharsets.UTF_8)), "training.jsonl");
            IntentModel model = new IntentTrainer(TrainerConfig.defaults()).train(data).model();
            KnowledgeBase kb = SampleKnowledgeBase.load(Optional.empty(), clock);
            return new BacktestSetup(taxonomy, priority, guardrails, writeBack, model, kb, List.of("Nordwind sample"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled sample", e);
        }
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
        return (trained, clock) -> DeskAssist.builder()
                .triage(Setup.offlineTriage(trained != null ? trained : configuredModel, taxonomy, priorityPolicy,
                        new NgramLanguageDetector(), clock))
                .summarizing(ExtractiveSummarizer.create())
                .drafting(Setup.offlineDrafting(retriever,
                        PolicyGuardrails.builder(guardrails).citable(knowledgeBase::isCitable).build(), taxonomy))
                .writeBackPlanner(new PolicyWriteBackPlanner(writeBackPolicy))
                .clock(clock)
                .build();
    }
}

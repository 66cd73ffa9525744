package dev.deskassist.examples;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.audit.AuditSink;
import dev.deskassist.core.draft.OfflineDrafting;
import dev.deskassist.core.draft.PolicyGuardrails;
import dev.deskassist.core.draft.GuardrailPolicy;
import dev.deskassist.core.draft.kb.KnowledgeBase;
import dev.deskassist.core.draft.kb.KnowledgeBaseLoader;
import dev.deskassist.core.draft.kb.LuceneKnowledgeRetriever;
import dev.deskassist.core.summary.ExtractiveSummarizer;
import dev.deskassist.core.triage.OfflineTriage;
import dev.deskassist.core.triage.classify.IntentTrainer;
import dev.deskassist.core.triage.classify.LinearIntentModel;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import dev.deskassist.core.triage.language.NgramLanguageDetector;
import dev.deskassist.core.triage.rules.PriorityPolicy;
import dev.deskassist.core.triage.rules.Taxonomy;
import dev.deskassist.core.writeback.PolicyWriteBackPlanner;
import dev.deskassist.core.writeback.WriteBackPolicy;
import dev.deskassist.examples.config.Setup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fictional "Nordwind Shop" assembled into the complete offline stack: its taxonomy, priority
 * and write-back policies, a classifier trained on its 250 labeled tickets, its knowledge base,
 * and the offline triage, summary and drafting engines. {@code demo}, {@code bench}, {@code serve}
 * and {@code simulate} all run on it, so what one shows is what the others measure.
 */
public record Nordwind(
        Taxonomy taxonomy,
        LinearIntentModel model,
        KnowledgeBase knowledgeBase,
        NgramLanguageDetector languageDetector,
        OfflineTriage triage,
        ExtractiveSummarizer summarizer,
        OfflineDrafting drafting,
        PolicyWriteBackPlanner planner,
        Duration trainTime,
        Duration knowledgeBaseTime) {

    /** Loads the bundled sample and trains its classifier (well under a second). */
    public static Nordwind load(Clock clock) {
        return load(clock, SampleKnowledgeBase.bundledSources());
    }

    /** The sample with another knowledge base, given as file name → content (e.g. a generated one for benchmarks). */
    public static Nordwind load(Clock clock, Map<String, String> knowledgeBaseSources) {
        Taxonomy taxonomy = Taxonomy.read(SampleTickets.resource("taxonomy.json"), "taxonomy.json");
        PriorityPolicy priority = PriorityPolicy.read(SampleTickets.resource("priority-policy.json"),
                "priority-policy.json");
        WriteBackPolicy writeBack = WriteBackPolicy.fromJson(text("writeback-policy.json"), "writeback-policy.json");

        long t0 = System.nanoTime();
        LinearIntentModel model = train();
        Duration trainTime = Duration.ofNanos(System.nanoTime() - t0);

        NgramLanguageDetector language = new NgramLanguageDetector();
        OfflineTriage triage = Setup.offlineTriage(model, taxonomy, priority, language, clock);

        t0 = System.nanoTime();
        KnowledgeBase kb = KnowledgeBaseLoader.withClock(clock).load(knowledgeBaseSources);
        LuceneKnowledgeRetriever retriever = LuceneKnowledgeRetriever.of(kb);
        Duration kbTime = Duration.ofNanos(System.nanoTime() - t0);

        OfflineDrafting drafting = Setup.offlineDrafting(retriever,
                PolicyGuardrails.builder(GuardrailPolicy.parse(text("guardrail-policy.json"), "guardrail-policy.json"))
                        .citable(kb::isCitable).build(), taxonomy);

        return new Nordwind(taxonomy, model, kb, language, triage, ExtractiveSummarizer.create(), drafting,
                new PolicyWriteBackPlanner(writeBack), trainTime, kbTime);
    }

    /** A DeskAssist running every offline skill of the sample. */
    public DeskAssist deskAssist(AuditSink audit) {
        return DeskAssist.builder()
                .triage(triage)
                .summarizing(summarizer)
                .drafting(drafting)
                .writeBackPlanner(planner)
                .auditSink(audit)
                .build();
    }

    /** Category id → description, as the LLM engines take the taxonomy. */
    public Map<String, String> categoryDescriptions() {
        Map<String, String> out = new LinkedHashMap<>();
        taxonomy.categories().forEach(c -> out.put(c.id(), c.description()));
        return out;
    }

    private static LinearIntentModel train() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(SampleTickets.resource("training.jsonl"),
                StandardCharsets.UTF_8))) {
            TrainingData data = TrainingDataReader.defaults().readJsonLines(in, "training.jsonl");
            return new IntentTrainer(TrainerConfig.defaults()).train(data).model();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled training data", e);
        }
    }

    static String text(String name) {
        try (InputStream in = SampleTickets.resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled sample " + name, e);
        }
    }
}

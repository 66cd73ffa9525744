package dev.deskassist.examples.snippets;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.adapter.ConfigSource;
import dev.deskassist.core.adapter.LoopGuard;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.draft.Drafting;
import dev.deskassist.core.draft.GuardrailPolicy;
import dev.deskassist.core.draft.Guardrails;
import dev.deskassist.core.draft.OfflineDrafting;
import dev.deskassist.core.draft.PolicyGuardrails;
import dev.deskassist.core.draft.ReplyTemplates;
import dev.deskassist.core.draft.kb.KnowledgeBase;
import dev.deskassist.core.draft.kb.KnowledgeBaseLoader;
import dev.deskassist.core.draft.kb.LuceneKnowledgeRetriever;
import dev.deskassist.core.encoder.EncoderIntentModel;
import dev.deskassist.core.encoder.EncoderIntentTrainer;
import dev.deskassist.core.encoder.EncoderKind;
import dev.deskassist.core.encoder.EncoderTrainerConfig;
import dev.deskassist.core.encoder.EncoderTrainingResult;
import dev.deskassist.core.pipeline.Acceptance;
import dev.deskassist.core.pipeline.Pipeline;
import dev.deskassist.core.pipeline.PipelineSettings;
import dev.deskassist.core.pipeline.SqliteEventStore;
import dev.deskassist.core.triage.IntentModel;
import dev.deskassist.core.triage.OfflineTriage;
import dev.deskassist.core.triage.Triage;
import dev.deskassist.core.triage.classify.IntentTrainer;
import dev.deskassist.core.triage.classify.LinearIntentModel;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import dev.deskassist.core.triage.classify.TrainingResult;
import dev.deskassist.core.triage.rules.Taxonomy;
import dev.deskassist.freshdesk.FreshdeskAdapter;
import dev.deskassist.freshdesk.FreshdeskConfig;
import dev.deskassist.servicenow.ServiceNowAdapter;
import dev.deskassist.servicenow.ServiceNowConfig;
import dev.deskassist.zendesk.ZendeskAdapter;
import dev.deskassist.zendesk.ZendeskConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The code blocks of the docs pages, each in a method whose parameters are what the page assumes
 * you already have (a ticket's text, your settings, the raw request).
 */
final class DocsSnippets {

    private static final Logger log = LoggerFactory.getLogger(DocsSnippets.class);

    private DocsSnippets() {
    }

    /** docs/classifier.md. */
    static boolean classifier(String text) throws IOException {
        // tag::classifier-train[]
        TrainingData data = TrainingDataReader.builder()
                .textColumns("subject", "body").labelColumn("queue").build()
                .read(Path.of("tickets.csv"));                  // CSV with a header, or .jsonl
        TrainingResult r = new IntentTrainer(TrainerConfig.defaults()).train(data);
        r.model().save(Path.of("intent.model"));

        LinearIntentModel model = LinearIntentModel.load(Path.of("intent.model"));
        List<IntentModel.ScoredLabel> ranked = model.predict(text);   // all labels, sum to 1
        boolean human = ranked.get(0).probability() < model.abstainThreshold();
        // end::classifier-train[]
        return human;
    }

    /** README, "Encoder tier". */
    static Triage encoderTier(Taxonomy taxonomy) throws IOException {
        // tag::encoder-tier[]
        EncoderTrainingResult r = new EncoderIntentTrainer(EncoderTrainerConfig.defaults(EncoderKind.BGE_SMALL_EN_V15_Q))
                .train(TrainingDataReader.builder().build().read(Path.of("labeled.csv")));
        r.model().save(Path.of("intent.daem"));                      // one versioned file: encoder id + fingerprint, both tiers
        EncoderIntentModel model = EncoderIntentModel.load(Path.of("intent.daem"));   // or load(path, Fallback.FAIL)
        Triage triage = OfflineTriage.builder()
                .intentModel(model)                    // model.withCascade(0.9): the encoder only when the n-gram model is unsure
                .abstainThreshold(model.abstainThreshold())
                .taxonomy(taxonomy)
                .build();
        // end::encoder-tier[]
        return triage;
    }

    /** docs/drafts-knowledge-base.md, loading. */
    static KnowledgeBase knowledgeBase() {
        // tag::kb-load[]
        KnowledgeBase kb = KnowledgeBaseLoader.withClock(Clock.systemUTC()).load(Path.of("kb"));
        kb.report().problems().forEach(p -> log.warn("{}", p));   // "bad.md:4: rejected: expected 'key: value'"
        // end::kb-load[]
        return kb;
    }

    /** docs/drafts-knowledge-base.md, drafting. */
    static Drafting drafting() {
        // tag::kb-drafting[]
        KnowledgeBase kb = KnowledgeBaseLoader.withClock(Clock.systemUTC()).load(Path.of("kb"));
        LuceneKnowledgeRetriever retriever = LuceneKnowledgeRetriever.of(kb);
        Guardrails guardrails = PolicyGuardrails.builder(GuardrailPolicy.load(Path.of("policy.json")))
                .citable(kb::isCitable)
                .build();
        Drafting drafting = OfflineDrafting.builder(retriever)
                .templates(ReplyTemplates.withOverrides(Path.of("templates")))   // optional
                .guardrails(guardrails)
                .categoriesNeedingOrderNumber(Set.of("returns", "refund", "delivery"))
                .build();
        // end::kb-drafting[]
        return drafting;
    }

    /** docs/freshdesk.md. */
    static Acceptance freshdesk(Properties properties, DeskAssist deskAssist, Path dataDir, String path,
                                Map<String, List<String>> headers, byte[] body) {
        // tag::freshdesk-pipeline[]
        FreshdeskConfig config = FreshdeskConfig.from(ConfigSource.of(properties, System.getenv()));
        FreshdeskAdapter freshdesk = new FreshdeskAdapter(config);        // validates, lists every problem
        Pipeline pipeline = Pipeline.builder()
                .adapter(freshdesk, new LoopGuard(config.integrationUserIds(), config.markerTag().orElse(null)))
                .assist(deskAssist)
                .store(SqliteEventStore.open(dataDir))                    // also keeps the poller's watermark
                .build()
                .start();                                                 // starts the poller too
        // in the HTTP handler for POST /webhooks/freshdesk:
        Acceptance a = pipeline.accept("freshdesk", WebhookRequest.of("POST", path, headers, body, Instant.now()));
        // end::freshdesk-pipeline[]
        return a;
    }

    /** docs/pipeline.md, plain Java. */
    static void pipeline(Function<String, String> keys, DeskAssist deskAssist, String method, String path,
                         Map<String, List<String>> headers, byte[] body) {
        // tag::pipeline-plain-java[]
        ZendeskConfig config = ZendeskConfig.of(keys);
        SqliteEventStore store = SqliteEventStore.open(Path.of("deskassist-data"));
        ZendeskAdapter zendesk = new ZendeskAdapter(config);
        Pipeline pipeline = Pipeline.builder()
                .adapter(zendesk, new LoopGuard(config.integrationUserIds(), config.markerTag().orElse(null)))
                .assist(deskAssist)
                .store(store)
                .build()
                .start();

        // in your HTTP handler, with the raw body bytes:
        Acceptance a = pipeline.accept("zendesk", WebhookRequest.of(method, path, headers, body, Instant.now()));
        // answer a.status(), a.retryAfterValue() as Retry-After seconds, a.body() as application/json

        // on shutdown
        pipeline.stop(Duration.ofSeconds(20));
        store.close();
        // end::pipeline-plain-java[]
        zendesk.close();
        log.debug("answered {}", a.status());
    }

    /** docs/servicenow.md. */
    static Pipeline servicenow(Function<String, String> keys, DeskAssist assist, Path dataDir) {
        // tag::servicenow-pipeline[]
        ServiceNowConfig config = ServiceNowConfig.of(keys);          // servicenow.* settings
        ServiceNowAdapter servicenow = new ServiceNowAdapter(config);
        Pipeline pipeline = Pipeline.builder()
                .adapter(servicenow, new LoopGuard(config.integrationUserIds(), config.markerTag().orElse(null)))
                .assist(assist)
                .store(SqliteEventStore.open(dataDir))
                .settings(PipelineSettings.defaults())
                .build()
                .start();
        // POST /webhooks/servicenow → pipeline.accept("servicenow", WebhookRequest.of(method, path, headers, body, now))
        // end::servicenow-pipeline[]
        return pipeline;
    }
}

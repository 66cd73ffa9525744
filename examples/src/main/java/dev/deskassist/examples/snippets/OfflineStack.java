package dev.deskassist.examples.snippets;

// tag::readme-offline-stack[]
import dev.deskassist.core.Assistance;
import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.audit.JsonLinesAuditSink;
import dev.deskassist.core.draft.Drafting;
import dev.deskassist.core.draft.GuardrailPolicy;
import dev.deskassist.core.draft.OfflineDrafting;
import dev.deskassist.core.draft.PolicyGuardrails;
import dev.deskassist.core.draft.kb.KnowledgeBase;
import dev.deskassist.core.draft.kb.KnowledgeBaseLoader;
import dev.deskassist.core.draft.kb.LuceneKnowledgeRetriever;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.summary.ExtractiveSummarizer;
import dev.deskassist.core.triage.OfflineTriage;
import dev.deskassist.core.triage.Triage;
import dev.deskassist.core.triage.classify.LinearIntentModel;
import dev.deskassist.core.triage.language.NgramLanguageDetector;
import dev.deskassist.core.triage.rules.PriorityPolicy;
import dev.deskassist.core.triage.rules.Taxonomy;
import dev.deskassist.core.triage.sentiment.LexiconSentimentAnalyzer;
import dev.deskassist.core.triage.style.RuleStyleAnalyzer;
import dev.deskassist.core.writeback.PolicyWriteBackPlanner;
import dev.deskassist.core.writeback.WriteBackPolicy;
import dev.deskassist.zendesk.ZendeskAdapter;
import dev.deskassist.zendesk.ZendeskConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import java.util.Set;

/** Assists one Zendesk ticket with the offline engines, from your own files: {@code OfflineStack <ticket id>}. */
public final class OfflineStack {

    public static void main(String[] args) throws IOException {
        Taxonomy taxonomy = Taxonomy.load(Path.of("taxonomy.json"));                // categories, rules, groups
        LinearIntentModel model = LinearIntentModel.load(Path.of("intent.model"));  // java -jar deskassist.jar train …
        NgramLanguageDetector language = new NgramLanguageDetector();

        Triage triage = OfflineTriage.builder()
                .languageDetector(language)
                .sentimentAnalyzer(LexiconSentimentAnalyzer.defaults())
                .styleAnalyzer(new RuleStyleAnalyzer())
                .intentModel(model)
                .taxonomy(taxonomy)
                .priorityPolicy(PriorityPolicy.load(Path.of("priority-policy.json")))
                .build();

        KnowledgeBase kb = KnowledgeBaseLoader.withClock(Clock.systemUTC()).load(Path.of("kb"));
        Drafting drafting = OfflineDrafting.builder(LuceneKnowledgeRetriever.of(kb))
                .guardrails(PolicyGuardrails.builder(GuardrailPolicy.load(Path.of("guardrails.json")))
                        .citable(kb::isCitable).build())
                .categoriesNeedingOrderNumber(Set.of("returns", "refund", "delivery"))
                .build();

        Properties props = new Properties();                                        // zendesk.* settings
        try (Reader in = Files.newBufferedReader(Path.of("zendesk.properties"))) {
            props.load(in);
        }
        try (ZendeskAdapter adapter = new ZendeskAdapter(ZendeskConfig.of(props::getProperty));
             JsonLinesAuditSink audit = new JsonLinesAuditSink(Path.of("audit/decisions.jsonl"));
             DeskAssist assist = DeskAssist.builder()
                     .triage(triage)
                     .summarizing(ExtractiveSummarizer.create())
                     .drafting(drafting)
                     .writeBackPlanner(new PolicyWriteBackPlanner(WriteBackPolicy.fromJson(Path.of("writeback-policy.json"))))
                     .auditSink(audit)
                     .build()) {
            TicketRef ref = TicketRef.of("zendesk", args[0]);
            Ticket ticket = adapter.fetch(ref);
            Assistance a = assist.assist(ticket);      // a.triage(), a.summary(), a.draft(), a.writeBack()
            adapter.apply(ref, ticket, a.writeBack()); // only what changes; a human's value always wins
        }
    }
}
// end::readme-offline-stack[]

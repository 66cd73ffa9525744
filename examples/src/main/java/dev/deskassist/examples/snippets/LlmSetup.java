package dev.deskassist.examples.snippets;

// tag::llm-engines[]
import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.draft.Drafting;
import dev.deskassist.core.draft.Guardrails;
import dev.deskassist.core.draft.KnowledgeRetriever;
import dev.deskassist.core.llm.AnthropicClient;
import dev.deskassist.core.llm.FeatureConfig;
import dev.deskassist.core.llm.LlmClient;
import dev.deskassist.core.llm.LlmEngines;
import dev.deskassist.core.llm.LlmSettings;
import dev.deskassist.core.llm.OpenAiCompatibleClient;
import dev.deskassist.core.llm.StructuredOutput;
import dev.deskassist.core.privacy.InMemoryConsentRegistry;
import dev.deskassist.core.privacy.PiiKind;
import dev.deskassist.core.privacy.Pseudonymizer;
import dev.deskassist.core.privacy.SensitivityPolicy;
import dev.deskassist.core.summary.Summarizing;
import dev.deskassist.core.triage.LanguageDetector;
import dev.deskassist.core.triage.Triage;
import dev.deskassist.core.triage.rules.Category;
import dev.deskassist.core.triage.rules.Taxonomy;
import dev.deskassist.core.writeback.WriteBackPlanner;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** DeskAssist on LLM engines, each wrapped around the offline engine built as in {@code OfflineStack}. */
public final class LlmSetup {

    public static DeskAssist deskAssist(Triage offlineTriage, Drafting offlineDrafting, Summarizing offlineSummarizer,
                                        KnowledgeRetriever retriever, Guardrails guardrails,
                                        LanguageDetector languageDetector, Taxonomy taxonomy, WriteBackPlanner planner) {
        // OpenAI: a small model for triage, a larger one for drafts
        LlmClient mini = OpenAiCompatibleClient.builder("https://api.openai.com/v1")
                .apiKey(System.getenv("OPENAI_API_KEY")).model("gpt-4o-mini").build();
        LlmClient gpt4o = OpenAiCompatibleClient.builder("https://api.openai.com/v1")
                .apiKey(System.getenv("OPENAI_API_KEY")).model("gpt-4o").build();

        // Azure OpenAI: the "model" is the deployment name
        LlmClient azure = OpenAiCompatibleClient.builder("https://my-resource.openai.azure.com")
                .azure("2024-10-21").apiKey(System.getenv("AZURE_OPENAI_API_KEY")).model("gpt-4o-mini-deployment").build();

        // Ollama on this machine (no key); many local servers only know json_object; local models are slow
        LlmClient ollama = OpenAiCompatibleClient.builder("http://localhost:11434/v1").provider("ollama")
                .model("qwen2.5:7b-instruct").structuredOutput(StructuredOutput.JSON_OBJECT)
                .http(h -> h.readTimeout(Duration.ofMinutes(3)).callTimeout(Duration.ofMinutes(5)).maxConcurrentRequests(4))
                .build();

        // vLLM in your own network: the private endpoint for sensitive tickets
        LlmClient vllm = OpenAiCompatibleClient.builder("http://vllm.internal:8000/v1").provider("vllm-private")
                .apiKey(System.getenv("VLLM_API_KEY")).model("Qwen/Qwen2.5-14B-Instruct")
                .http(h -> h.readTimeout(Duration.ofMinutes(2)).requestsPerSecond(20)).build();

        // Anthropic
        LlmClient claude = AnthropicClient.builder().apiKey(System.getenv("ANTHROPIC_API_KEY"))
                .model("claude-3-5-haiku-latest").build();

        InMemoryConsentRegistry consent = new InMemoryConsentRegistry();   // or your own ConsentRegistry
        LlmSettings settings = LlmSettings.builder()
                .triage(FeatureConfig.llm(mini).privateClient(vllm).timeout(Duration.ofSeconds(20)).maxTokens(300).build())
                .drafting(FeatureConfig.llm(gpt4o).privateClient(vllm).timeout(Duration.ofSeconds(60)).maxTokens(900).build())
                .summary(FeatureConfig.offline())                            // or FeatureConfig.off()
                .pseudonymizer(Pseudonymizer.builder().businessNumbers(true)
                        .pattern(PiiKind.CUSTOMER, Pattern.compile("\\bKD-\\d{6}\\b")).build())
                .sensitivity(SensitivityPolicy.defaults())                  // health, payment, legal (de/en)
                .consent(consent)
                .cache(10_000, Duration.ofHours(1))
                .build();

        // the models see category ids with their descriptions
        Map<String, String> taxonomyDescriptions = taxonomy.categories().stream()
                .collect(Collectors.toMap(Category::id, Category::description));
        LlmEngines llm = new LlmEngines(settings);                          // close() it on shutdown: closes the clients
        DeskAssist assist = DeskAssist.builder()
                .triage(llm.triage(offlineTriage, taxonomyDescriptions))
                .drafting(llm.drafting(offlineDrafting, retriever, guardrails, languageDetector, taxonomyDescriptions))
                .summarizing(llm.summarizing(offlineSummarizer, languageDetector))
                .writeBackPlanner(planner)
                .build();

        consent.optOut("jana.schmidt@example.de");   // this customer's tickets stay offline
        llm.erase("jana.schmidt@example.de");        // delete cached answers for this customer
        llm.usage().snapshot();                      // calls, cache hits, failures, tokens per feature/provider/model
        return assist;
    }
}
// end::llm-engines[]

package dev.deskassist.core.llm;

import dev.deskassist.core.draft.Drafting;
import dev.deskassist.core.draft.Guardrails;
import dev.deskassist.core.draft.KnowledgeRetriever;
import dev.deskassist.core.privacy.CustomerKeys;
import dev.deskassist.core.summary.Summarizing;
import dev.deskassist.core.triage.LanguageDetector;
import dev.deskassist.core.triage.Triage;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the LLM-backed engines from {@link LlmSettings}, each wrapped around its offline
 * engine, and holds what they share: the answer cache, the usage meter and the privacy layer.
 * A skill set to offline returns the offline engine itself; a skill switched off returns
 * {@code null}, which {@code DeskAssist.Builder} reads as "off".
 *
 * <pre>{@code
 * LlmEngines llm = new LlmEngines(settings);
 * DeskAssist assist = DeskAssist.builder()
 *     .triage(llm.triage(offlineTriage, taxonomy))
 *     .drafting(llm.drafting(offlineDrafting, retriever, guardrails, detector, taxonomy))
 *     .summarizing(llm.summarizing(offlineSummarizer, detector))
 *     .build();
 * }</pre>
 */
public final class LlmEngines implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LlmEngines.class);

    private final LlmSettings settings;
    private final ResponseCache cache;
    private final UsageMeter meter = new UsageMeter();

    public LlmEngines(LlmSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cache = ResponseCache.of(settings.cacheMaxEntries(), settings.cacheTtl());
    }

    /**
     * Triage per the settings. {@code offline} always runs: it is the fallback and the policy floor
     * (see {@link LlmTriage}). {@code taxonomy} maps category ids to descriptions.
     */
    public Triage triage(Triage offline, Map<String, String> taxonomy) {
        Objects.requireNonNull(offline, "offline triage");
        FeatureConfig c = settings.triage();
        if (c.mode() != FeatureConfig.Mode.LLM) {
            return offline;
        }
        return new LlmTriage(gateway("triage", c), offline, taxonomy, PromptTemplate.load("triage-v1"));
    }

    /** Drafting per the settings; {@code null} when switched off. */
    public Drafting drafting(Drafting offline, KnowledgeRetriever retriever, Guardrails guardrails,
                             LanguageDetector detector, Map<String, String> taxonomy) {
        FeatureConfig c = settings.drafting();
        return switch (c.mode()) {
            case OFF -> null;
            case OFFLINE -> Objects.requireNonNull(offline, "offline drafting");
            case LLM -> new LlmDrafting(gateway("draft", c), offline, retriever, guardrails, detector,
                    settings.disclosure(), PromptTemplate.load("draft-v1"), taxonomy);
        };
    }

    /** Summarizing per the settings; {@code null} when switched off. */
    public Summarizing summarizing(Summarizing offline, LanguageDetector detector) {
        FeatureConfig c = settings.summary();
        return switch (c.mode()) {
            case OFF -> null;
            case OFFLINE -> Objects.requireNonNull(offline, "offline summarizer");
            case LLM -> new LlmSummarizing(gateway("summary", c), offline, detector, PromptTemplate.load("summary-v1"));
        };
    }

    private LlmGateway gateway(String feature, FeatureConfig c) {
        return new LlmGateway(feature, c, settings, cache, meter);
    }

    /** Calls and tokens per feature, provider and model. */
    public UsageMeter usage() {
        return meter;
    }

    public LlmSettings settings() {
        return settings;
    }

    /** Answers currently cached. */
    public long cachedAnswers() {
        return cache.size();
    }

    /**
     * Erases what this instance holds about a customer (e-mail address or requester id): every
     * cached model answer for their tickets. Pseudonym maps are never kept beyond one call, so
     * there are none to erase. An opt-out in the consent registry is kept, as a hash, because it
     * must go on being honoured; remove it from your registry separately if the customer asks.
     *
     * @return the number of cached answers removed
     */
    public int erase(String customerKey) {
        int n = cache.erase(CustomerKeys.hash(Objects.requireNonNull(customerKey, "customerKey")));
        log.info("erased {} cached LLM answers for one customer", n);
        return n;
    }

    /** Closes every distinct client named in the settings. */
    @Override
    public void close() {
        Set<LlmClient> clients = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (FeatureConfig c : new FeatureConfig[] {settings.triage(), settings.drafting(), settings.summary()}) {
            if (c.client() != null) {
                clients.add(c.client());
            }
            if (c.privateClient() != null) {
                clients.add(c.privateClient());
            }
        }
        clients.forEach(LlmClient::close);
    }
}

package dev.deskassist.core.llm;

import dev.deskassist.core.draft.AiDisclosure;
import dev.deskassist.core.privacy.ConsentRegistry;
import dev.deskassist.core.privacy.Pseudonymizer;
import dev.deskassist.core.privacy.SensitivityPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the LLM engines need besides the offline engines: the per-skill
 * {@link FeatureConfig}s, the privacy layer (pseudonymizer, sensitivity routing, consent), the
 * answer cache's size and lifetime, and the AI disclosure wording.
 */
public record LlmSettings(FeatureConfig triage, FeatureConfig drafting, FeatureConfig summary,
                          Pseudonymizer pseudonymizer, SensitivityPolicy sensitivity, ConsentRegistry consent,
                          long cacheMaxEntries, Duration cacheTtl, AiDisclosure disclosure) {

    public LlmSettings {
        Objects.requireNonNull(triage, "triage");
        Objects.requireNonNull(drafting, "drafting");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(pseudonymizer, "pseudonymizer");
        Objects.requireNonNull(sensitivity, "sensitivity");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(disclosure, "disclosure");
        if (triage.mode() == FeatureConfig.Mode.OFF) {
            throw new IllegalArgumentException("triage cannot be switched off; use FeatureConfig.offline()");
        }
    }

    /**
     * Starts with every skill offline, default pseudonymization with order/invoice/customer
     * numbers, default sensitivity rules (health, payment, legal), no opt-outs, a cache of 10,000
     * answers for 1 hour.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LlmSettings}. */
    public static final class Builder {
        private FeatureConfig triage = FeatureConfig.offline();
        private FeatureConfig drafting = FeatureConfig.offline();
        private FeatureConfig summary = FeatureConfig.offline();
        private Pseudonymizer pseudonymizer = Pseudonymizer.builder().businessNumbers(true).build();
        private SensitivityPolicy sensitivity = SensitivityPolicy.defaults();
        private ConsentRegistry consent = ConsentRegistry.ALLOW_ALL;
        private long cacheMaxEntries = 10_000;
        private Duration cacheTtl = Duration.ofHours(1);
        private AiDisclosure disclosure = AiDisclosure.defaults();

        private Builder() {
        }

        public Builder triage(FeatureConfig c) {
            this.triage = Objects.requireNonNull(c);
            return this;
        }

        public Builder drafting(FeatureConfig c) {
            this.drafting = Objects.requireNonNull(c);
            return this;
        }

        public Builder summary(FeatureConfig c) {
            this.summary = Objects.requireNonNull(c);
            return this;
        }

        public Builder pseudonymizer(Pseudonymizer p) {
            this.pseudonymizer = Objects.requireNonNull(p);
            return this;
        }

        public Builder sensitivity(SensitivityPolicy p) {
            this.sensitivity = Objects.requireNonNull(p);
            return this;
        }

        public Builder consent(ConsentRegistry r) {
            this.consent = Objects.requireNonNull(r);
            return this;
        }

        /** Cache size in answers (0 disables caching) and how long an answer is reused. */
        public Builder cache(long maxEntries, Duration ttl) {
            this.cacheMaxEntries = maxEntries;
            this.cacheTtl = Objects.requireNonNull(ttl);
            return this;
        }

        public Builder disclosure(AiDisclosure d) {
            this.disclosure = Objects.requireNonNull(d);
            return this;
        }

        public LlmSettings build() {
            return new LlmSettings(triage, drafting, summary, pseudonymizer, sensitivity, consent, cacheMaxEntries,
                    cacheTtl, disclosure);
        }
    }
}

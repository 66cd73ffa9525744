package dev.deskassist.core.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How one skill (triage, drafting or summary) runs: on a model, on the offline engine, or not at
 * all; which client, which private client for sensitive tickets, the deadline for the whole LLM
 * path (retries and the one repair included), the token limit and the temperature.
 *
 * <pre>{@code
 * FeatureConfig triage = FeatureConfig.llm(gpt4oMini).timeout(Duration.ofSeconds(20)).build();
 * FeatureConfig drafts = FeatureConfig.llm(gpt4o).privateClient(vllm).maxTokens(900).build();
 * FeatureConfig summary = FeatureConfig.offline();
 * }</pre>
 */
public record FeatureConfig(Mode mode, LlmClient client, LlmClient privateClient, Duration timeout, int maxTokens,
                            double temperature) {

    /** Where a skill runs. */
    public enum Mode {
        /** On the configured model, with the offline engine as fallback. */
        LLM,
        /** On the offline engine only. */
        OFFLINE,
        /** Switched off (drafting and summary only; triage is always needed). */
        OFF
    }

    public FeatureConfig {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.LLM) {
            Objects.requireNonNull(client, "an LLM feature needs a client");
        }
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1");
        }
        if (temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("temperature must be in [0,2]");
        }
    }

    public static FeatureConfig offline() {
        return new FeatureConfig(Mode.OFFLINE, null, null, null, 1024, 0.2);
    }

    public static FeatureConfig off() {
        return new FeatureConfig(Mode.OFF, null, null, null, 1024, 0.2);
    }

    /** Starts an LLM configuration on {@code client}: 60 s deadline, 1024 tokens, temperature 0.2. */
    public static Builder llm(LlmClient client) {
        return new Builder(client);
    }

    @Override
    public String toString() {
        return "FeatureConfig[" + mode + (client == null ? "" : ", " + client.provider() + "/" + client.model())
                + (privateClient == null ? "" : ", private " + privateClient.provider()) + ", timeout " + timeout + "]";
    }

    /** Builds an LLM {@link FeatureConfig}. */
    public static final class Builder {
        private final LlmClient client;
        private LlmClient privateClient;
        private Duration timeout = Duration.ofSeconds(60);
        private int maxTokens = 1024;
        private double temperature = 0.2;

        private Builder(LlmClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The endpoint for sensitive tickets (a model in your own network); without one they stay offline. */
        public Builder privateClient(LlmClient c) {
            this.privateClient = c;
            return this;
        }

        /** The deadline for the whole LLM path of one ticket; local models need minutes. */
        public Builder timeout(Duration d) {
            this.timeout = Objects.requireNonNull(d);
            return this;
        }

        public Builder maxTokens(int n) {
            this.maxTokens = n;
            return this;
        }

        public Builder temperature(double t) {
            this.temperature = t;
            return this;
        }

        public FeatureConfig build() {
            return new FeatureConfig(Mode.LLM, client, privateClient, timeout, maxTokens, temperature);
        }
    }
}

package dev.deskassist.examples.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Which engine runs each skill, read from {@code deskassist.properties}: {@code engine.triage},
 * {@code engine.draft}, {@code engine.summary} ({@code offline}, {@code openai} for any
 * OpenAI-compatible endpoint, {@code anthropic}; draft and summary also {@code off}), the
 * endpoints they use, the private endpoint sensitive tickets go to instead, and pseudonymization.
 *
 * @param triage          engine for triage
 * @param draft           engine for reply drafts
 * @param summary         engine for summaries
 * @param openai          the OpenAI-compatible endpoint, when configured
 * @param anthropic       the Anthropic endpoint, when configured
 * @param privateEndpoint the endpoint for sensitive tickets, when configured (without one they stay offline)
 * @param timeout         the deadline of one ticket's LLM path
 * @param businessNumbers whether order, invoice and customer numbers are pseudonymized too
 */
public record EngineSettings(String triage, String draft, String summary, Optional<Endpoint> openai,
                             Optional<Endpoint> anthropic, Optional<Endpoint> privateEndpoint, Duration timeout,
                             boolean businessNumbers) {

    /** The engine names a skill may have. */
    public static final java.util.List<String> ENGINES = java.util.List.of("offline", "openai", "anthropic", "off");

    public EngineSettings {
        Objects.requireNonNull(triage, "triage");
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(openai, "openai");
        Objects.requireNonNull(anthropic, "anthropic");
        Objects.requireNonNull(privateEndpoint, "privateEndpoint");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Every skill offline: no network. */
    public static EngineSettings offline() {
        return new EngineSettings("offline", "offline", "offline", Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(60), true);
    }

    /** Whether any skill calls a model over the network. */
    public boolean usesLlm() {
        return isLlm(triage) || isLlm(draft) || isLlm(summary);
    }

    static boolean isLlm(String engine) {
        return engine.equals("openai") || engine.equals("anthropic");
    }

    /**
     * One model endpoint. {@code apiKey} is resolved from the environment variable the file names
     * and never printed ({@link #toString()} hides it).
     *
     * @param provider {@code openai} (any OpenAI-compatible API) or {@code anthropic}
     * @param baseUrl  the API's base URL
     * @param model    the model name
     * @param apiKey   the API key, or {@code null} for an endpoint without one (a model in your network)
     */
    public record Endpoint(String provider, String baseUrl, String model, String apiKey) {

        public Endpoint {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(model, "model");
        }

        @Override
        public String toString() {
            return "Endpoint[" + provider + ", " + baseUrl + ", " + model + (apiKey == null ? "" : ", key hidden") + "]";
        }
    }
}

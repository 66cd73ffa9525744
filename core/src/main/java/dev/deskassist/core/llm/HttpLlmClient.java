package dev.deskassist.core.llm;

import dev.deskassist.core.http.ApiClient;
import dev.deskassist.core.http.ApiClientConfig;
import java.util.Objects;

/**
 * What every provider client over the shared {@link ApiClient} has in common: its name, model,
 * structured-output mode, retries and circuit state. Subclasses only build requests and read
 * replies.
 */
abstract class HttpLlmClient implements LlmClient {

    final ApiClient api;
    final String provider;
    final String model;
    final StructuredOutput structuredOutput;

    HttpLlmClient(ApiClientConfig config, String model, StructuredOutput structuredOutput) {
        this.api = new ApiClient(config);
        this.provider = config.service();
        this.model = Objects.requireNonNull(model, "model");
        this.structuredOutput = Objects.requireNonNull(structuredOutput, "structuredOutput");
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public StructuredOutput structuredOutput() {
        return structuredOutput;
    }

    @Override
    public int maxRetries() {
        return api.config().maxRetries();
    }

    /** The circuit breaker's state (CLOSED, OPEN, HALF_OPEN), for health checks. */
    public String circuitState() {
        return api.circuitState();
    }

    @Override
    public void close() {
        api.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + provider + "/" + model + ", " + structuredOutput + "]";
    }
}

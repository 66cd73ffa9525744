package dev.deskassist.core.llm;

import dev.deskassist.core.http.ApiClient;
import dev.deskassist.core.http.ApiClientConfig;
import dev.deskassist.core.http.ApiRequest;
import dev.deskassist.core.http.ApiResponse;
import dev.deskassist.core.http.Auth;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A client for the OpenAI chat-completions API and the servers that speak it: OpenAI, Azure
 * OpenAI, vLLM, Ollama ({@code /v1}), llama.cpp server, LM Studio and Mistral. Retries,
 * {@code Retry-After}, the circuit breaker, the rate limit and timeouts come from the shared
 * {@link ApiClient}; one client per endpoint.
 *
 * <pre>{@code
 * LlmClient gpt = OpenAiCompatibleClient.builder("https://api.openai.com/v1")
 *     .apiKey(System.getenv("OPENAI_API_KEY")).model("gpt-4o-mini").build();
 * }</pre>
 */
public final class OpenAiCompatibleClient extends HttpLlmClient {

    private final String path;
    private final boolean azure;
    private final Map<String, Object> extraBody;
    private final String maxTokensField;

    private OpenAiCompatibleClient(Builder b) {
        super(httpConfig(b), Objects.requireNonNull(b.model, "model (or Azure deployment) is required"),
                b.structuredOutput);
        this.azure = b.azureApiVersion != null;
        this.extraBody = Map.copyOf(b.extraBody);
        this.maxTokensField = b.maxTokensField;
        this.path = azure
                ? "openai/deployments/" + URLEncoder.encode(model, StandardCharsets.UTF_8) + "/chat/completions?api-version="
                        + URLEncoder.encode(b.azureApiVersion, StandardCharsets.UTF_8)
                : "chat/completions";
    }

    private static ApiClientConfig httpConfig(Builder b) {
        ApiClientConfig.Builder cfg = ApiClientConfig.builder(b.provider, b.baseUrl)
                .readTimeout(Duration.ofSeconds(120))
                .callTimeout(Duration.ofSeconds(180));
        if (b.apiKey != null) {
            cfg.auth(b.azureApiVersion != null ? Auth.apiKeyHeader("api-key", b.apiKey) : Auth.bearer(b.apiKey));
        }
        b.http.accept(cfg);
        return cfg.build();
    }

    /**
     * Starts a builder. {@code baseUrl} ends before {@code /chat/completions}:
     * {@code https://api.openai.com/v1}, {@code http://localhost:11434/v1} (Ollama),
     * {@code http://localhost:8000/v1} (vLLM), {@code https://api.mistral.ai/v1}; for Azure the
     * resource endpoint {@code https://<resource>.openai.azure.com} with {@link Builder#azure(String)}.
     */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    @Override
    public CompletableFuture<LlmResponse> complete(LlmRequest request) {
        String body;
        try {
            body = body(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        // A chat completion changes nothing on the server, so repeating it after a 5xx or a
        // dropped connection is safe; it only costs tokens.
        ApiRequest r = ApiRequest.post(path, body).idempotent(true);
        return api.sendAsync(r).thenApply(this::read);
    }

    String body(LlmRequest request) {
        JsonObjectBuilder b = dev.deskassist.core.json.JsonCodec.jsonp().createObjectBuilder();
        if (!azure) {
            b.add("model", model);
        }
        JsonArrayBuilder messages = dev.deskassist.core.json.JsonCodec.jsonp().createArrayBuilder();
        boolean schemaOnWire = request.responseSchema() != null && structuredOutput == StructuredOutput.JSON_SCHEMA;
        String system = WireFormat.system(request, schemaOnWire);
        if (!system.isEmpty()) {
            messages.add(dev.deskassist.core.json.JsonCodec.jsonp().createObjectBuilder().add("role", "system").add("content", system));
        }
        for (LlmMessage m : request.messages()) {
            messages.add(dev.deskassist.core.json.JsonCodec.jsonp().createObjectBuilder()
                    .add("role", m.role() == LlmMessage.Role.USER ? "user" : "assistant")
                    .add("content", m.content()));
        }
        b.add("messages", messages);
        b.add(maxTokensField, request.maxTokens());
        b.add("temperature", request.temperature());
        JsonSchema schema = request.responseSchema();
        if (schema != null && structuredOutput == StructuredOutput.JSON_SCHEMA) {
            b.add("response_format", dev.deskassist.core.json.JsonCodec.jsonp().createObjectBuilder()
                    .add("type", "json_schema")
                    .add("json_schema", dev.deskassist.core.json.JsonCodec.jsonp().createObjectBuilder()
                            .add("name", schema.name())
                            .add("schema", schema.json())
                            .add("strict", true)));
        } else if (schema != null && structuredOutput == StructuredOutput.JSON_OBJECT) {
            b.add("response_format", dev.deskassist.core.json.JsonCodec.jsonp().createObjectBuilder().add("type", "json_object"));
        }
        WireFormat.putExtra(b, extraBody);
        return b.build().toString();
    }

    private LlmResponse read(ApiResponse resp) {
        JsonObject o = WireFormat.readObject(resp.body());
        if (o == null) {
            throw new LlmOutputException(provider, "response body is not a chat.completion object");
        }
        JsonArray choices = WireFormat.array(o, "choices");
        if (choices == null || choices.isEmpty() || !(choices.get(0) instanceof JsonObject choice)) {
            throw new LlmOutputException(provider, "response has no choices");
        }
        JsonObject message = WireFormat.object(choice, "message");
        String content = WireFormat.string(message, "content");
        if (content == null) {
            String why = WireFormat.string(message, "refusal") != null ? "the model refused to answer"
                    : "the first choice has no message content";
            throw new LlmOutputException(provider, why);
        }
        JsonObject usage = WireFormat.object(o, "usage");
        TokenUsage u = new TokenUsage(WireFormat.number(usage, "prompt_tokens"),
                WireFormat.number(usage, "completion_tokens"));
        String answeredBy = WireFormat.string(o, "model");
        return new LlmResponse(content, u, answeredBy == null ? model : answeredBy,
                WireFormat.string(choice, "finish_reason"));
    }

    /** Builds an {@link OpenAiCompatibleClient}; only the model is required besides the base URL. */
    public static final class Builder {
        private final String baseUrl;
        private String provider = "openai";
        private String apiKey;
        private String model;
        private String azureApiVersion;
        private StructuredOutput structuredOutput = StructuredOutput.JSON_SCHEMA;
        private final Map<String, Object> extraBody = new LinkedHashMap<>();
        private String maxTokensField = "max_tokens";
        private Consumer<ApiClientConfig.Builder> http = c -> { };

        private Builder(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        }

        /** The name used in reasons, metrics, logs and errors (default "openai"; e.g. "ollama", "vllm-private"). */
        public Builder provider(String name) {
            this.provider = Objects.requireNonNull(name);
            return this;
        }

        /** Sent as {@code Authorization: Bearer}, or as {@code api-key} in Azure mode; omit for local servers. */
        public Builder apiKey(String key) {
            this.apiKey = key;
            return this;
        }

        /** The model name; in Azure mode the deployment name, which goes into the path. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * Azure OpenAI mode: {@code POST {base}/openai/deployments/{deployment}/chat/completions?api-version=…}
         * with the key in the {@code api-key} header. Sets the provider name to "azure-openai"
         * unless one was set.
         */
        public Builder azure(String apiVersion) {
            this.azureApiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
            if (provider.equals("openai")) {
                provider = "azure-openai";
            }
            return this;
        }

        /** How this endpoint is asked for JSON (default JSON_SCHEMA; many local servers need JSON_OBJECT). */
        public Builder structuredOutput(StructuredOutput mode) {
            this.structuredOutput = Objects.requireNonNull(mode);
            return this;
        }

        /** An extra top-level body field ({@code seed}, {@code top_p}, vLLM's {@code guided_json}, …). */
        public Builder extraBody(String field, Object value) {
            extraBody.put(Objects.requireNonNull(field), WireFormat.checkExtra(value));
            return this;
        }

        /** The body field for the token limit: "max_tokens" (default) or "max_completion_tokens" (OpenAI o-series). */
        public Builder maxTokensField(String field) {
            this.maxTokensField = Objects.requireNonNull(field);
            return this;
        }

        /**
         * Adjusts the HTTP settings (timeouts, retries, rate limit, circuit breaker, concurrency).
         * Defaults: read timeout 120 s, call timeout 180 s, 2 retries, otherwise as {@link ApiClientConfig}.
         */
        public Builder http(Consumer<ApiClientConfig.Builder> adjust) {
            this.http = Objects.requireNonNull(adjust);
            return this;
        }

        public OpenAiCompatibleClient build() {
            return new OpenAiCompatibleClient(this);
        }
    }
}

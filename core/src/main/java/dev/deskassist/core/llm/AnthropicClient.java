package dev.deskassist.core.llm;

import dev.deskassist.core.http.ApiClientConfig;
import dev.deskassist.core.http.ApiRequest;
import dev.deskassist.core.http.ApiResponse;
import dev.deskassist.core.http.Auth;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A client for Anthropic's Messages API ({@code POST /v1/messages}, {@code x-api-key},
 * {@code anthropic-version}). The system prompt travels as the top-level {@code system} field.
 * Structured output uses a forced tool whose {@code input_schema} is the response schema (the
 * reply is then the tool call's {@code input}); {@link StructuredOutput#INSTRUCTIONS_ONLY}
 * describes the schema in the prompt instead.
 */
public final class AnthropicClient extends HttpLlmClient {

    /** The API version header value this client is written against. */
    public static final String DEFAULT_VERSION = "2023-06-01";

    private final String version;

    private AnthropicClient(Builder b) {
        super(httpConfig(b), Objects.requireNonNull(b.model, "model is required"), b.structuredOutput);
        this.version = b.version;
    }

    private static ApiClientConfig httpConfig(Builder b) {
        ApiClientConfig.Builder cfg = ApiClientConfig.builder(b.provider, b.baseUrl)
                .readTimeout(Duration.ofSeconds(120))
                .callTimeout(Duration.ofSeconds(180));
        if (b.apiKey != null) {
            cfg.auth(Auth.apiKeyHeader("x-api-key", b.apiKey));
        }
        b.http.accept(cfg);
        return cfg.build();
    }

    /** A builder for {@code https://api.anthropic.com}. */
    public static Builder builder() {
        return new Builder("https://api.anthropic.com");
    }

    /** A builder for another base URL (a gateway, a test server); {@code /v1/messages} is appended. */
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
        // creating a message has no side effect, so a retry after 5xx/529 is safe
        ApiRequest r = ApiRequest.post("v1/messages", body).withHeader("anthropic-version", version).idempotent(true);
        String toolName = useTool(request) ? request.responseSchema().name() : null;
        return api.sendAsync(r).thenApply(resp -> read(resp, toolName));
    }

    private boolean useTool(LlmRequest r) {
        return r.responseSchema() != null && structuredOutput != StructuredOutput.INSTRUCTIONS_ONLY;
    }

    String body(LlmRequest request) {
        JsonObjectBuilder b = dev.deskassist.core.json.JsonCodec.jsonp().createObjectBuilder()
                .add("model", model)
                .add("max_tokens", request.maxTokens())
                .add("temperature", Math.min(1.0, request.temperature()));
        boolean tool = useTool(request);
        String system = WireFormat.system(request, tool);
        if (!system.isEmpty()) {
            b.add("system", system);
        }
        JsonArrayBuilder messages = dev.deskassist.core.json.JsonCodec.jsonp().createArrayBuilder();
        for (LlmMessage m : request.messages()) {
            messages.add(dev.deskassist.core.json.JsonCodec.jsonp().createObjectBuilder()
                    .add("role", m.role() == LlmMessage.Role.USER ? "user" : "assistant")
                    .add("content", m.content()));
        }
        b.add("messages", messages);
        if (tool) {
            JsonSchema s = request.responseSchema();
            b.add("tools", dev.deskassist.core.json.JsonCodec.jsonp().createArrayBuilder().add(dev.deskassist.core.json.JsonCodec.jsonp().createObjectBuilder()
                    .add("name", s.name())
                    .add("description", "Record the answer in this exact structure.")
                    .add("input_schema", s.json())));
            b.add("tool_choice", dev.deskassist.core.json.JsonCodec.jsonp().createObjectBuilder().add("type", "tool").add("name", s.name()));
        }
        return b.build().toString();
    }

    private LlmResponse read(ApiResponse resp, String toolName) {
        JsonObject o = WireFormat.readObject(resp.body());
        if (o == null) {
            throw new LlmOutputException(provider, "response body is not a message object");
        }
        JsonArray content = WireFormat.array(o, "content");
        if (content == null) {
            throw new LlmOutputException(provider, "response has no content blocks");
        }
        StringBuilder text = new StringBuilder();
        String toolInput = null;
        for (JsonValue v : content) {
            if (!(v instanceof JsonObject block)) {
                continue;
            }
            String type = WireFormat.string(block, "type");
            if ("text".equals(type)) {
                String t = WireFormat.string(block, "text");
                text.append(t == null ? "" : t);
            } else if ("tool_use".equals(type) && toolInput == null && block.get("input") instanceof JsonObject in
                    && (toolName == null || toolName.equals(WireFormat.string(block, "name")))) {
                toolInput = in.toString();
            }
        }
        JsonObject usage = WireFormat.object(o, "usage");
        TokenUsage u = new TokenUsage(WireFormat.number(usage, "input_tokens"), WireFormat.number(usage, "output_tokens"));
        String answeredBy = WireFormat.string(o, "model");
        // with a forced tool the structured answer is the tool input; a model that wrote text
        // instead is handled like any other prose reply (repair, then failure)
        String out = toolInput != null ? toolInput : text.toString();
        return new LlmResponse(out, u, answeredBy == null ? model : answeredBy, WireFormat.string(o, "stop_reason"));
    }

    /** Builds an {@link AnthropicClient}; the model is required. */
    public static final class Builder {
        private final String baseUrl;
        private String provider = "anthropic";
        private String apiKey;
        private String model;
        private String version = DEFAULT_VERSION;
        private StructuredOutput structuredOutput = StructuredOutput.JSON_SCHEMA;
        private Consumer<ApiClientConfig.Builder> http = c -> { };

        private Builder(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        }

        public Builder provider(String name) {
            this.provider = Objects.requireNonNull(name);
            return this;
        }

        /** Sent as {@code x-api-key}. */
        public Builder apiKey(String key) {
            this.apiKey = key;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** The {@code anthropic-version} header (default {@value #DEFAULT_VERSION}). */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version);
            return this;
        }

        /** JSON_SCHEMA and JSON_OBJECT both use a forced tool; INSTRUCTIONS_ONLY puts the schema in the prompt. */
        public Builder structuredOutput(StructuredOutput mode) {
            this.structuredOutput = Objects.requireNonNull(mode);
            return this;
        }

        /** Adjusts the HTTP settings; defaults: read timeout 120 s, call timeout 180 s, 2 retries. */
        public Builder http(Consumer<ApiClientConfig.Builder> adjust) {
            this.http = Objects.requireNonNull(adjust);
            return this;
        }

        public AnthropicClient build() {
            return new AnthropicClient(this);
        }
    }
}

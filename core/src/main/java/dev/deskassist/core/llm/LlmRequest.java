package dev.deskassist.core.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One call to a model: the system prompt, the conversation, the token limit, the temperature and,
 * for structured output, the JSON schema the reply must match. Immutable; {@code toString()}
 * omits all text.
 */
public record LlmRequest(String system, List<LlmMessage> messages, int maxTokens, double temperature,
                         JsonSchema responseSchema) {

    public LlmRequest {
        system = system == null ? "" : system;
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one message");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1");
        }
        if (temperature < 0 || temperature > 2 || Double.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature must be in [0,2]");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This request continued by the model's answer and a new user turn (used for repairs). */
    public LlmRequest followUp(String assistantText, String userText) {
        List<LlmMessage> all = new ArrayList<>(messages);
        all.add(LlmMessage.assistant(assistantText));
        all.add(LlmMessage.user(userText));
        return new LlmRequest(system, all, maxTokens, temperature, responseSchema);
    }

    @Override
    public String toString() {
        return "LlmRequest[messages=" + messages.size() + ", maxTokens=" + maxTokens + ", schema="
                + (responseSchema == null ? "none" : responseSchema.name()) + "]";
    }

    /** Builds an {@link LlmRequest}; defaults: 1024 tokens, temperature 0.2, no schema. */
    public static final class Builder {
        private String system = "";
        private final List<LlmMessage> messages = new ArrayList<>();
        private int maxTokens = 1024;
        private double temperature = 0.2;
        private JsonSchema schema;

        private Builder() {
        }

        public Builder system(String system) {
            this.system = system;
            return this;
        }

        public Builder user(String content) {
            messages.add(LlmMessage.user(content));
            return this;
        }

        public Builder message(LlmMessage m) {
            messages.add(Objects.requireNonNull(m));
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

        public Builder responseSchema(JsonSchema schema) {
            this.schema = schema;
            return this;
        }

        public LlmRequest build() {
            return new LlmRequest(system, messages, maxTokens, temperature, schema);
        }
    }
}

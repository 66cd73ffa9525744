package dev.deskassist.core.llm;

import java.util.Objects;

/**
 * What a model answered: the text (for structured calls, the JSON), token usage, the model that
 * actually answered and why it stopped ({@code stop}, {@code length}, {@code end_turn},
 * {@code max_tokens}, {@code tool_use}, …, as the provider says). {@code toString()} omits the text.
 */
public record LlmResponse(String text, TokenUsage usage, String model, String finishReason) {

    public LlmResponse {
        text = text == null ? "" : text;
        usage = usage == null ? TokenUsage.NONE : usage;
        model = model == null ? "" : model;
        finishReason = finishReason == null ? "" : finishReason;
    }

    /** True when the provider says the answer was cut at the token limit. */
    public boolean truncated() {
        return Objects.equals(finishReason, "length") || Objects.equals(finishReason, "max_tokens");
    }

    public LlmResponse withText(String newText) {
        return new LlmResponse(newText, usage, model, finishReason);
    }

    @Override
    public String toString() {
        return "LlmResponse[model=" + model + ", finish=" + finishReason + ", " + text.length() + " chars, " + usage + "]";
    }
}

package dev.deskassist.core.llm;

import java.util.Objects;

/** One turn of a conversation sent to a model. {@code toString()} omits the content. */
public record LlmMessage(Role role, String content) {

    /** Who speaks; the system prompt travels separately in {@link LlmRequest#system()}. */
    public enum Role { USER, ASSISTANT }

    public LlmMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static LlmMessage user(String content) {
        return new LlmMessage(Role.USER, content);
    }

    public static LlmMessage assistant(String content) {
        return new LlmMessage(Role.ASSISTANT, content);
    }

    @Override
    public String toString() {
        return "LlmMessage[" + role + ", " + content.length() + " chars]";
    }
}

package dev.deskassist.core.llm;

import dev.deskassist.core.DeskAssistException;

/**
 * The model answered, but not with what was asked for (no JSON, JSON of the wrong shape, cut
 * off, wrong language) even after one repair attempt. The message describes the problem in
 * structural terms only; it never quotes the model's text.
 */
public class LlmOutputException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    private final String provider;

    public LlmOutputException(String provider, String message) {
        super(provider + ": " + message);
        this.provider = provider;
    }

    /** The provider whose output was rejected, e.g. "openai". */
    public String provider() {
        return provider;
    }
}

package dev.deskassist.core.draft;

import dev.deskassist.core.DeskAssistException;

/** A reply template is missing or broken; the message names the language, tone and key. */
public class TemplateException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    private final String language;
    private final Tone tone;
    private final String key;

    public TemplateException(String language, Tone tone, String key, String message) {
        super("reply template " + language + "/" + (tone == null ? "-" : tone.key()) + "/" + key + ": " + message);
        this.language = language;
        this.tone = tone;
        this.key = key;
    }

    public String language() {
        return language;
    }

    public Tone tone() {
        return tone;
    }

    public String key() {
        return key;
    }
}

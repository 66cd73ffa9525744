package dev.deskassist.core.triage.classify;

import java.util.Objects;

/**
 * One labeled text for training or evaluation. {@code toString()} leaves out the text, which may
 * hold personal data.
 */
public record Example(String text, String label) {

    public Example {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }

    @Override
    public String toString() {
        return "Example[label=" + label + ", chars=" + text.length() + "]";
    }
}

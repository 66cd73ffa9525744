package dev.deskassist.core.triage;

import java.util.Objects;

/**
 * An entity found in a text: its type, the text as written, its normalized value (digits of a
 * card number, upper-case IBAN without spaces, ISO date) and its offsets in the analysed text.
 */
public record Entity(EntityType type, String text, String normalized, int start, int end) {

    public Entity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        normalized = normalized == null ? text : normalized;
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets " + start + ".." + end);
        }
    }

    @Override
    public String toString() {
        // Entities may be personal data; show only type and position.
        return "Entity[" + type + " @" + start + ".." + end + "]";
    }
}

package dev.deskassist.core.model;

import java.util.Locale;
import java.util.Optional;

/** The four ticket priorities every supported helpdesk can express. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    /** Parses a helpdesk's priority name ("low", "Normal", "URGENT"); empty for anything else. */
    public static Optional<Priority> parse(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when this priority is more pressing than {@code other}. */
    public boolean isAbove(Priority other) {
        return compareTo(other) > 0;
    }
}

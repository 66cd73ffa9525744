package dev.deskassist.core.writeback;

import java.util.Locale;
import java.util.Optional;

/** Each kind of value DeskAssist can write back; the {@link WriteBackPolicy} sets a rule for each. */
public enum Output {
    CATEGORY,
    PRIORITY,
    TAGS,
    GROUP,
    LANGUAGE,
    SENTIMENT,
    /** The escalation flag: field {@code escalation} and the {@code escalate} tag. */
    ESCALATION,
    SUMMARY,
    DRAFT;

    /** The name used in policy files: lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a policy-file key ("category"), ignoring case. */
    public static Optional<Output> parse(String key) {
        for (Output o : values()) {
            if (o.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}

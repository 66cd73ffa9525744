package dev.deskassist.core.adapter;

import java.util.Objects;

/**
 * One thing wrong with an adapter's configuration: the key as written (a property key, an
 * environment variable name), where it was found when it was found ({@code deskassist.properties
 * line 4}, {@code environment variable DESKASSIST_ZENDESK_BASE_URL}) and what it should hold.
 * Never carries the value, which may be a secret.
 */
public record ConfigProblem(String key, String origin, String message) {

    public ConfigProblem {
        Objects.requireNonNull(message, "message");
    }

    /** The same problem with its origin filled in, when it has none yet. */
    public ConfigProblem withOrigin(String origin) {
        return this.origin != null || origin == null ? this : new ConfigProblem(key, origin, message);
    }

    @Override
    public String toString() {
        String where = origin != null ? origin : key;
        return where == null ? message : where + ": " + message;
    }
}

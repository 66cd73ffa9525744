package dev.deskassist.core.outcome;

/**
 * Where harvested {@link CorrectionRow}s go, e.g. a {@link JsonLinesCorrectionSink} file that
 * {@code train --with-corrections} reads. Unlike audit records these rows hold (pseudonymized)
 * text, so they are kept apart and under the retention of training data.
 */
@FunctionalInterface
public interface CorrectionSink {

    /** Keeps nothing. */
    CorrectionSink NONE = row -> {
    };

    void accept(CorrectionRow row);
}

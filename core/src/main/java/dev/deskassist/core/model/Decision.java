package dev.deskassist.core.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One automated decision: the value chosen, how confident the engine is (0 to 1), the
 * human-readable reasons that reach the agent and the audit log, and which engine decided.
 * A decision with a {@code null} value means "no answer" (for example an abstained category);
 * its reasons say why.
 */
public record Decision<T>(T value, double confidence, List<String> reasons, String decidedBy) {

    public Decision {
        if (Double.isNaN(confidence) || confidence < 0.0 || confidence > 1.0) {
            throw new IllegalArgumentException("confidence must be in [0,1], was " + confidence);
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        decidedBy = decidedBy == null ? "unknown" : decidedBy;
    }

    public static <T> Decision<T> of(T value, double confidence, String decidedBy, String... reasons) {
        return new Decision<>(value, confidence, List.of(reasons), decidedBy);
    }

    public static <T> Decision<T> of(T value, double confidence, String decidedBy, List<String> reasons) {
        return new Decision<>(value, confidence, reasons, decidedBy);
    }

    /** A decision without a value, with the reason there is none. */
    public static <T> Decision<T> none(String decidedBy, String reason) {
        return new Decision<>(null, 0.0, List.of(reason), decidedBy);
    }

    public boolean hasValue() {
        return value != null;
    }

    /** The value, or {@code fallback} when there is none. */
    public T valueOr(T fallback) {
        return value != null ? value : fallback;
    }

    public <R> Decision<R> map(Function<? super T, ? extends R> f) {
        return new Decision<>(value == null ? null : f.apply(value), confidence, reasons, decidedBy);
    }

    public Decision<T> withReason(String reason) {
        List<String> all = new java.util.ArrayList<>(reasons);
        all.add(Objects.requireNonNull(reason));
        return new Decision<>(value, confidence, all, decidedBy);
    }
}

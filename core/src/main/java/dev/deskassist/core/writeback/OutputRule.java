package dev.deskassist.core.writeback;

import java.util.Objects;

/**
 * The policy for one output: its mode and, for {@link WriteMode#AUTO}, the confidence from
 * which a value is applied; below it the value is only suggested.
 */
public record OutputRule(WriteMode mode, double autoThreshold) {

    public OutputRule {
        Objects.requireNonNull(mode, "mode");
        if (Double.isNaN(autoThreshold) || autoThreshold < 0.0 || autoThreshold > 1.0) {
            throw new IllegalArgumentException("autoThreshold must be in [0,1], was " + autoThreshold);
        }
    }

    public static OutputRule off() {
        return new OutputRule(WriteMode.OFF, 1.0);
    }

    public static OutputRule suggest() {
        return new OutputRule(WriteMode.SUGGEST, 1.0);
    }

    /** Applied from {@code threshold} (inclusive), suggested below. */
    public static OutputRule auto(double threshold) {
        return new OutputRule(WriteMode.AUTO, threshold);
    }

    /** The mode that holds for a value with this confidence: AUTO only at or above the threshold. */
    public WriteMode effective(double confidence) {
        if (mode == WriteMode.AUTO && confidence < autoThreshold) {
            return WriteMode.SUGGEST;
        }
        return mode;
    }
}

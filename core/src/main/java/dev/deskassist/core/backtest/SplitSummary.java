package dev.deskassist.core.backtest;

import java.time.Instant;

/**
 * How the tickets were divided: with a time split the intent model was trained on the
 * {@code trainedOn} tickets created before {@code cutoff} and scored on the {@code scored} ones
 * from then on; {@code model} says which model scored (trained here, or the configured one).
 */
public record SplitSummary(boolean timeSplit, double scoredFraction, long trainedOn, long scored, Instant cutoff,
                           Instant first, Instant last, String model) {
}

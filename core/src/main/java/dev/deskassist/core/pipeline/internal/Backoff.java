package dev.deskassist.core.pipeline.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed run again: exponential backoff from {@code initial}, capped at {@code max},
 * with jitter so that tickets failed by one outage do not all return in the same second; a
 * {@code Retry-After} from the remote side is honoured up to {@code maxRetryAfter} and never cut
 * short by the backoff.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final Duration maxRetryAfter;

    public Backoff(Duration initial, Duration max, Duration maxRetryAfter) {
        this.initial = initial;
        this.max = max;
        this.maxRetryAfter = maxRetryAfter;
    }

    /**
     * The wait before attempt {@code failedAttempts + 1}.
     *
     * @param failedAttempts attempts that failed so far, this one included (1 after the first failure)
     * @param retryAfter     what the remote side asked for, if anything
     */
    public Duration delay(int failedAttempts, Optional<Duration> retryAfter) {
        int exponent = Math.max(0, Math.min(failedAttempts - 1, 30));
        long ceiling = Math.min(max.toMillis(), saturatedShift(initial.toMillis(), exponent));
        // "equal jitter": at least half the step, so the backoff still grows, the rest random
        long half = ceiling / 2;
        long millis = half + (ceiling - half > 0 ? ThreadLocalRandom.current().nextLong(ceiling - half + 1) : 0);
        Duration backoff = Duration.ofMillis(millis);
        if (retryAfter.isPresent() && !retryAfter.get().isNegative()) {
            Duration asked = cap(retryAfter.get());
            return asked.compareTo(backoff) > 0 ? asked : backoff;
        }
        return backoff;
    }

    /** A {@code Retry-After} as honoured: at most {@code maxRetryAfter}, never negative. */
    public Duration cap(Duration retryAfter) {
        if (retryAfter.isNegative()) {
            return Duration.ZERO;
        }
        return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }

    private static long saturatedShift(long value, int bits) {
        if (value <= 0) {
            return 0;
        }
        return bits >= Long.numberOfLeadingZeros(value) - 1 ? Long.MAX_VALUE : value << bits;
    }
}

package dev.deskassist.core.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How many requests a client may send per period, matching how the helpdesk counts: Zendesk and
 * Freshdesk per minute, ServiceNow's rate limit rules per hour. {@link ApiClient} spreads the
 * budget over the period in about sixty slices, so that it never bursts a whole hour's budget at
 * once, yet a short burst (fetching a ticket and its comment pages) is not slowed down.
 *
 * @param permits requests per period; 0 means no client-side limit
 * @param period  the counting period
 */
public record RateBudget(long permits, Duration period) {

    /** No client-side limit. */
    public static final RateBudget UNLIMITED = new RateBudget(0, Duration.ofSeconds(1));

    public RateBudget {
        Objects.requireNonNull(period, "period");
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be >= 0");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive");
        }
    }

    public static RateBudget perMinute(long permits) {
        return new RateBudget(permits, Duration.ofMinutes(1));
    }

    public static RateBudget perHour(long permits) {
        return new RateBudget(permits, Duration.ofHours(1));
    }

    /**
     * The older requests-per-second setting: {@code ceil(rps)} per second when at least one,
     * else one per {@code 1/rps} seconds; 0 means unlimited.
     */
    public static RateBudget perSecond(double rps) {
        if (rps < 0 || Double.isNaN(rps) || Double.isInfinite(rps)) {
            throw new IllegalArgumentException("requests per second must be >= 0 (0 = unlimited)");
        }
        if (rps == 0) {
            return UNLIMITED;
        }
        return rps >= 1 ? new RateBudget((long) Math.ceil(rps), Duration.ofSeconds(1))
                : new RateBudget(1, Duration.ofMillis((long) Math.ceil(1000 / rps)));
    }

    /**
     * Reads {@code 400/min}, {@code 1000/hour}, {@code 10/s} (units {@code s}, {@code sec},
     * {@code second}, {@code m}, {@code min}, {@code minute}, {@code h}, {@code hour}), or
     * {@code 0} / {@code none} / {@code unlimited} for no limit.
     *
     * @throws IllegalArgumentException naming the expected form (not echoing the value)
     */
    public static RateBudget parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("0") || t.equals("none") || t.equals("unlimited")) {
            return UNLIMITED;
        }
        int slash = t.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("a rate budget is written like 400/min or 1000/hour");
        }
        long n;
        try {
            n = Long.parseLong(t.substring(0, slash).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a rate budget starts with a whole number of requests, e.g. 400/min");
        }
        if (n < 0) {
            throw new IllegalArgumentException("a rate budget cannot be negative");
        }
        Duration period = switch (t.substring(slash + 1).strip()) {
            case "s", "sec", "second" -> Duration.ofSeconds(1);
            case "m", "min", "minute" -> Duration.ofMinutes(1);
            case "h", "hr", "hour" -> Duration.ofHours(1);
            default -> throw new IllegalArgumentException("a rate budget's unit is s, min or hour, e.g. 400/min");
        };
        return n == 0 ? UNLIMITED : new RateBudget(n, period);
    }

    public boolean isUnlimited() {
        return permits == 0;
    }

    /**
     * Permits released together in one slice: about a sixtieth of the budget, at least one; also
     * the most a shared limiter lets out at once, so that both limiters burst alike.
     */
    public long permitsPerSlice() {
        return Math.max(1, (permits + 59) / 60);
    }

    /** How often a slice is released, so that the period's total equals {@link #permits()} exactly. */
    Duration slice() {
        // rounded up, so that the client never exceeds the budget
        return Duration.ofNanos(Math.max(1, (long) Math.ceil((double) period.toNanos() * permitsPerSlice() / permits)));
    }

    @Override
    public String toString() {
        if (isUnlimited()) {
            return "unlimited";
        }
        String unit = period.equals(Duration.ofSeconds(1)) ? "s" : period.equals(Duration.ofMinutes(1)) ? "min"
                : period.equals(Duration.ofHours(1)) ? "hour" : period.toString();
        return permits + "/" + unit;
    }
}

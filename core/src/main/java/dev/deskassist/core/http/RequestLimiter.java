package dev.deskassist.core.http;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Grants permission to send one request against a helpdesk account's {@link RateBudget}. The
 * budget is the account's, not the process's: {@link #local} counts in this process (one
 * replica), a shared implementation (e.g. {@code RedisEventStore.requestLimiter}) counts for every
 * replica together. {@link ApiClient} asks before each attempt; no permit in time is an
 * {@link UnavailableException} and the request is not sent.
 */
@FunctionalInterface
public interface RequestLimiter {

    /**
     * Takes one permit, waiting up to the limiter's own timeout.
     *
     * @return false when no permit came in time (or the shared budget could not be reached)
     */
    boolean acquire();

    /**
     * A limiter in this process's memory: the budget spread over about sixty slices of its period
     * (see {@link RateBudget}), waiting at most {@code timeout} for a permit.
     */
    static RequestLimiter local(String name, RateBudget budget, Duration timeout) {
        Objects.requireNonNull(budget, "budget");
        if (budget.isUnlimited()) {
            return () -> true;
        }
        RateLimiter limiter = RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod((int) Math.min(Integer.MAX_VALUE, budget.permitsPerSlice()))
                .limitRefreshPeriod(budget.slice())
                .timeoutDuration(timeout).build());
        return limiter::acquirePermission;
    }
}

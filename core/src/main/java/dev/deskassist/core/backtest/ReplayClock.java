package dev.deskassist.core.backtest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a replay of history moves to each ticket's creation time, so that age rules (knowledge-base
 * expiry, priority by waiting time) see the past as it was. Safe to read from other threads.
 */
public final class ReplayClock extends Clock {

    private volatile Instant now;

    /** Starts at {@code start}. */
    public ReplayClock(Instant start) {
        this.now = start;
    }

    /** Moves to {@code instant}, forwards or back. */
    public void set(Instant instant) {
        this.now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}

package dev.deskassist.core.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the pipeline accepts, schedules and retries; every value has a default suited to a real
 * helpdesk ({@link #defaults()}), change only what differs.
 *
 * @param workers              runs at once (default: number of cores)
 * @param maxBodyBytes         larger webhook bodies are refused with 413 (default 1 MB)
 * @param maxJsonDepth         deeper nesting is refused with 400 before parsing (default 64)
 * @param dedupeWindow         how long a delivery id is remembered; must outlive the sender's retries of
 *                             one delivery, or a late retry is processed twice (default 24 h)
 * @param initialBackoff       the wait after the first transient failure (default 30 s)
 * @param maxBackoff           the longest wait between attempts from backoff alone (default 1 h)
 * @param maxRetryAfter        the longest {@code Retry-After} honoured (default 6 h, at least 1 h)
 * @param retryHorizon         transient failures are given up this long after the oldest event arrived (default 48 h)
 * @param pollInterval         how often idle workers look at the store, for due retries and for events
 *                             replayed by another process (default 1 s)
 * @param lease                how long a claim holds a ticket; renewed while the run lasts, so a
 *                             crashed process's work returns after at most this long (default 2 min)
 * @param stopDeadline         how long {@link Pipeline#close()} lets running work finish (default 30 s)
 * @param unavailableRetryAfter the {@code Retry-After} answered with 503 (default 30 s)
 * @param deadLetterRetention  dead letters older than this are purged (default 30 days)
 * @param housekeepingInterval how often expired delivery ids and old dead letters are purged (default 1 h)
 */
public record PipelineSettings(int workers, int maxBodyBytes, int maxJsonDepth, Duration dedupeWindow,
                               Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
                               Duration retryHorizon, Duration pollInterval, Duration lease, Duration stopDeadline,
                               Duration unavailableRetryAfter, Duration deadLetterRetention,
                               Duration housekeepingInterval) {

    public PipelineSettings {
        List<String> problems = new ArrayList<>();
        if (workers < 1) {
            problems.add("workers must be >= 1");
        }
        if (maxBodyBytes < 1) {
            problems.add("maxBodyBytes must be >= 1");
        }
        if (maxJsonDepth < 1) {
            problems.add("maxJsonDepth must be >= 1");
        }
        positive(problems, "dedupeWindow", dedupeWindow);
        positive(problems, "initialBackoff", initialBackoff);
        positive(problems, "maxBackoff", maxBackoff);
        positive(problems, "maxRetryAfter", maxRetryAfter);
        positive(problems, "retryHorizon", retryHorizon);
        positive(problems, "pollInterval", pollInterval);
        positive(problems, "lease", lease);
        positive(problems, "unavailableRetryAfter", unavailableRetryAfter);
        positive(problems, "deadLetterRetention", deadLetterRetention);
        positive(problems, "housekeepingInterval", housekeepingInterval);
        if (stopDeadline == null || stopDeadline.isNegative()) {
            problems.add("stopDeadline must be >= 0");
        }
        if (maxRetryAfter != null && maxRetryAfter.compareTo(Duration.ofHours(1)) < 0) {
            // helpdesks ask for an hour after a quota is spent; re-sending earlier only spends the next one
            problems.add("maxRetryAfter must be >= 1 h");
        }
        if (initialBackoff != null && maxBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
            problems.add("maxBackoff must be >= initialBackoff");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid pipeline settings: " + String.join("; ", problems));
        }
    }

    private static void positive(List<String> problems, String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            problems.add(name + " must be > 0");
        }
    }

    /** The defaults listed on this record. */
    public static PipelineSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().workers(workers).maxBodyBytes(maxBodyBytes).maxJsonDepth(maxJsonDepth)
                .dedupeWindow(dedupeWindow).initialBackoff(initialBackoff).maxBackoff(maxBackoff)
                .maxRetryAfter(maxRetryAfter).retryHorizon(retryHorizon).pollInterval(pollInterval).lease(lease)
                .stopDeadline(stopDeadline).unavailableRetryAfter(unavailableRetryAfter)
                .deadLetterRetention(deadLetterRetention).housekeepingInterval(housekeepingInterval);
    }

    /** Builds {@link PipelineSettings}; starts from the defaults. */
    public static final class Builder {
        private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int maxBodyBytes = 1_000_000;
        private int maxJsonDepth = 64;
        private Duration dedupeWindow = Duration.ofHours(24);
        private Duration initialBackoff = Duration.ofSeconds(30);
        private Duration maxBackoff = Duration.ofHours(1);
        private Duration maxRetryAfter = Duration.ofHours(6);
        private Duration retryHorizon = Duration.ofHours(48);
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration lease = Duration.ofMinutes(2);
        private Duration stopDeadline = Duration.ofSeconds(30);
        private Duration unavailableRetryAfter = Duration.ofSeconds(30);
        private Duration deadLetterRetention = Duration.ofDays(30);
        private Duration housekeepingInterval = Duration.ofHours(1);

        private Builder() {
        }

        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public Builder maxJsonDepth(int maxJsonDepth) {
            this.maxJsonDepth = maxJsonDepth;
            return this;
        }

        public Builder dedupeWindow(Duration dedupeWindow) {
            this.dedupeWindow = Objects.requireNonNull(dedupeWindow, "dedupeWindow");
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
            return this;
        }

        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        public Builder retryHorizon(Duration retryHorizon) {
            this.retryHorizon = Objects.requireNonNull(retryHorizon, "retryHorizon");
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
            return this;
        }

        public Builder lease(Duration lease) {
            this.lease = Objects.requireNonNull(lease, "lease");
            return this;
        }

        public Builder stopDeadline(Duration stopDeadline) {
            this.stopDeadline = Objects.requireNonNull(stopDeadline, "stopDeadline");
            return this;
        }

        public Builder unavailableRetryAfter(Duration unavailableRetryAfter) {
            this.unavailableRetryAfter = Objects.requireNonNull(unavailableRetryAfter, "unavailableRetryAfter");
            return this;
        }

        public Builder deadLetterRetention(Duration deadLetterRetention) {
            this.deadLetterRetention = Objects.requireNonNull(deadLetterRetention, "deadLetterRetention");
            return this;
        }

        public Builder housekeepingInterval(Duration housekeepingInterval) {
            this.housekeepingInterval = Objects.requireNonNull(housekeepingInterval, "housekeepingInterval");
            return this;
        }

        /** @throws IllegalArgumentException naming every invalid value at once */
        public PipelineSettings build() {
            return new PipelineSettings(workers, maxBodyBytes, maxJsonDepth, dedupeWindow, initialBackoff, maxBackoff,
                    maxRetryAfter, retryHorizon, pollInterval, lease, stopDeadline, unavailableRetryAfter,
                    deadLetterRetention, housekeepingInterval);
        }
    }
}

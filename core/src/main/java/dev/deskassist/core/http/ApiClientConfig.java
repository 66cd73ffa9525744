package dev.deskassist.core.http;

import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Settings of one {@link ApiClient}: where the service lives, how to authenticate, timeouts,
 * retries with backoff, the longest {@code Retry-After} waited for in-process, a client-side
 * rate budget, the circuit breaker, the number of concurrent requests, and how the service's
 * error answers are read ({@link ErrorBodyParser}) and classified ({@link StatusClassifier}).
 */
public record ApiClientConfig(
        String service,
        HttpUrl baseUrl,
        Auth auth,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        RateBudget rateBudget,
        float circuitFailureRatePercent,
        int circuitMinimumCalls,
        Duration circuitOpenFor,
        int maxConcurrentRequests,
        String userAgent,
        ErrorBodyParser errorParser,
        StatusClassifier statusClassifier) {

    public ApiClientConfig {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(auth, "auth");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        Objects.requireNonNull(rateBudget, "rateBudget");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(errorParser, "errorParser");
        Objects.requireNonNull(statusClassifier, "statusClassifier");
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be >= 1");
        }
    }

    public static Builder builder(String service, String baseUrl) {
        return new Builder(service, baseUrl);
    }

    @Override
    public String toString() {
        return "ApiClientConfig[service=" + service + ", baseUrl=" + baseUrl + ", auth=" + auth + ", retries="
                + maxRetries + ", rateBudget=" + rateBudget + "]";
    }

    /** Builds an {@link ApiClientConfig}; every value but service and base URL has a default. */
    public static final class Builder {
        private final String service;
        private final HttpUrl baseUrl;
        private Auth auth = Auth.none();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofMinutes(2);
        private RateBudget rateBudget = RateBudget.UNLIMITED;
        private float circuitFailureRatePercent = 50f;
        private int circuitMinimumCalls = 20;
        private Duration circuitOpenFor = Duration.ofSeconds(30);
        private int maxConcurrentRequests = 64;
        private String userAgent = "deskassist/0.1";
        private ErrorBodyParser errorParser = new JsonErrorBodyParser();
        private StatusClassifier statusClassifier = StatusClassifier.standard();

        private Builder(String service, String baseUrl) {
            this.service = Objects.requireNonNull(service, "service");
            HttpUrl url = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
            if (url == null) {
                throw new IllegalArgumentException(service + ": base URL is not an http(s) URL");
            }
            // a trailing slash makes relative paths resolve below the base instead of beside it
            this.baseUrl = url.encodedPath().endsWith("/") ? url : url.newBuilder().addPathSegment("").build();
        }

        public Builder auth(Auth auth) {
            this.auth = Objects.requireNonNull(auth);
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** The longest wait between two bytes of a response; local LLMs need minutes. */
        public Builder readTimeout(Duration d) {
            this.readTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** The longest a whole attempt may take, connect to last byte. */
        public Builder callTimeout(Duration d) {
            this.callTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** Retries after the first attempt (default 2). */
        public Builder maxRetries(int n) {
            this.maxRetries = n;
            return this;
        }

        /** Exponential backoff with full jitter starts here and doubles up to {@code max}. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = Objects.requireNonNull(initial);
            this.maxBackoff = Objects.requireNonNull(max);
            return this;
        }

        /**
         * The in-process wait limit (default 2 minutes): a {@code Retry-After} up to this long is
         * waited for and the request re-sent (within {@link #maxRetries}); a longer one is neither
         * slept on nor capped but thrown at once ({@link RateLimitedException}, retryable, with
         * the full {@code retryAfter()}) for the caller to schedule.
         */
        public Builder maxRetryAfter(Duration d) {
            this.maxRetryAfter = Objects.requireNonNull(d);
            return this;
        }

        /** Client-side limit in requests per second; 0 (default) means none. Same as {@code rateBudget(RateBudget.perSecond(rps))}. */
        public Builder requestsPerSecond(double rps) {
            this.rateBudget = RateBudget.perSecond(rps);
            return this;
        }

        /** Client-side budget, e.g. {@code RateBudget.perMinute(400)} or {@code perHour(1000)}; default unlimited. */
        public Builder rateBudget(RateBudget budget) {
            this.rateBudget = Objects.requireNonNull(budget);
            return this;
        }

        public Builder circuitBreaker(float failureRatePercent, int minimumCalls, Duration openFor) {
            this.circuitFailureRatePercent = failureRatePercent;
            this.circuitMinimumCalls = minimumCalls;
            this.circuitOpenFor = Objects.requireNonNull(openFor);
            return this;
        }

        /** Requests in flight at once towards this service (default 64). */
        public Builder maxConcurrentRequests(int n) {
            this.maxConcurrentRequests = n;
            return this;
        }

        public Builder userAgent(String ua) {
            this.userAgent = Objects.requireNonNull(ua);
            return this;
        }

        public Builder errorParser(ErrorBodyParser parser) {
            this.errorParser = Objects.requireNonNull(parser);
            return this;
        }

        /** What error statuses mean for this service (default {@link StatusClassifier#standard()}). */
        public Builder statusClassifier(StatusClassifier classifier) {
            this.statusClassifier = Objects.requireNonNull(classifier);
            return this;
        }

        public ApiClientConfig build() {
            return new ApiClientConfig(service, baseUrl, auth, connectTimeout, readTimeout, callTimeout, maxRetries,
                    initialBackoff, maxBackoff, maxRetryAfter, rateBudget, circuitFailureRatePercent,
                    circuitMinimumCalls, circuitOpenFor, maxConcurrentRequests, userAgent, errorParser,
                    statusClassifier);
        }
    }
}

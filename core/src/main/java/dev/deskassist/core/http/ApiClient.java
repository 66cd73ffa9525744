package dev.deskassist.core.http;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP kit every adapter and LLM client uses: OkHttp underneath, JSON bodies, typed errors
 * ({@link HttpApiException} and its subclasses, chosen by the service's {@link StatusClassifier}),
 * bounded retries with exponential backoff and jitter that honour {@code Retry-After}, a circuit
 * breaker, an optional client-side {@link RateBudget} and timeouts. Unsafe requests are retried
 * only on 429, where the service did not act on them. A {@code Retry-After} longer than
 * {@link ApiClientConfig#maxRetryAfter()} is not waited for: the exception is thrown at once,
 * carrying the full delay. An {@link Auth} that can refresh (OAuth) gets one refresh and one
 * re-send after a 401. Thread-safe; one instance per remote service.
 */
public final class ApiClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** Larger responses are refused rather than read into memory. */
    static final long MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

    private final ApiClientConfig config;
    private final OkHttpClient http;
    private final Retry safeRetry;
    private final Retry unsafeRetry;
    private final CircuitBreaker breaker;
    /** Null when the budget is unlimited. */
    private final RequestLimiter limiter;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    public ApiClient(ApiClientConfig config) {
        this(config, new OkHttpClient());
    }

    /** Shares the connection pool of {@code base}; its timeouts and dispatcher are replaced. */
    public ApiClient(ApiClientConfig config, OkHttpClient base) {
        this(config, base, config.rateBudget().isUnlimited() ? null
                : RequestLimiter.local(config.service(), config.rateBudget(), config.callTimeout()));
    }

    /**
     * Like {@link #ApiClient(ApiClientConfig, OkHttpClient)}, with the limiter that holds the
     * account's budget, e.g. one shared by several replicas; {@code null} for none.
     */
    public ApiClient(ApiClientConfig config, OkHttpClient base, RequestLimiter limiter) {
        this.config = config;
        this.clock = Clock.systemUTC();
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(config.maxConcurrentRequests());
        dispatcher.setMaxRequestsPerHost(config.maxConcurrentRequests());
        this.http = base.newBuilder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(config.callTimeout())
                .dispatcher(dispatcher)
                .retryOnConnectionFailure(true)
                .build();
        this.safeRetry = Retry.of(config.service() + "-safe", retryConfig(this::retrySafe));
        this.unsafeRetry = Retry.of(config.service() + "-unsafe", retryConfig(this::retryUnsafe));
        safeRetry.getEventPublisher().onRetry(e -> log.info("{}: retry {} after {} ms ({})", config.service(),
                e.getNumberOfRetryAttempts(), e.getWaitInterval().toMillis(), describe(e.getLastThrowable())));
        unsafeRetry.getEventPublisher().onRetry(e -> log.info("{}: retry {} after {} ms ({})", config.service(),
                e.getNumberOfRetryAttempts(), e.getWaitInterval().toMillis(), describe(e.getLastThrowable())));
        this.breaker = CircuitBreaker.of(config.service(), CircuitBreakerConfig.custom()
                .failureRateThreshold(config.circuitFailureRatePercent())
                .minimumNumberOfCalls(config.circuitMinimumCalls())
                .slidingWindowSize(Math.max(config.circuitMinimumCalls(), 20))
                .waitDurationInOpenState(config.circuitOpenFor())
                // a queue that holds a helpdesk's work while the circuit is OPEN makes no call that
                // could move it on; without this the circuit (and the work) would stay open for good
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(t -> t instanceof ServerErrorException || t instanceof TransportException)
                .build());
        breaker.getEventPublisher().onStateTransition(e -> log.warn("{}: circuit {}", config.service(),
                e.getStateTransition()));
        this.limiter = limiter;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "deskassist-" + config.service() + "-retry");
            t.setDaemon(true);
            return t;
        });
    }

    public ApiClientConfig config() {
        return config;
    }

    /** The circuit breaker's state, for health checks: CLOSED, OPEN, HALF_OPEN, … */
    public String circuitState() {
        return breaker.getState().name();
    }

    /**
     * Sends a request, retrying as the config and the request's safety allow.
     *
     * @throws HttpApiException (a subclass saying what failed) when no 2xx response came
     */
    public ApiResponse send(ApiRequest request) {
        Supplier<ApiResponse> guarded = () -> {
            try {
                Supplier<ApiResponse> s = () -> attempt(request);
                if (limiter != null) {
                    Supplier<ApiResponse> inner = s;
                    s = () -> {
                        if (!limiter.acquire()) {
                            throw new UnavailableException(config.service(), request.method(), request.pathOnly(),
                                    "client-side rate limit", null);
                        }
                        return inner.get();
                    };
                }
                return CircuitBreaker.decorateSupplier(breaker, s).get();
            } catch (CallNotPermittedException e) {
                throw new UnavailableException(config.service(), request.method(), request.pathOnly(), "circuit open", e);
            }
        };
        return Retry.decorateSupplier(retryFor(request), guarded).get();
    }

    /**
     * Sends a request without blocking the caller; the future fails with an
     * {@link HttpApiException} (wrapped in a {@link CompletionException}) when no 2xx came.
     */
    public CompletableFuture<ApiResponse> sendAsync(ApiRequest request) {
        Supplier<CompletionStage<ApiResponse>> guarded = () -> {
            if (!breaker.tryAcquirePermission()) {
                return CompletableFuture.failedFuture(new UnavailableException(config.service(), request.method(),
                        request.pathOnly(), "circuit open", null));
            }
            if (limiter != null && !limiter.acquire()) {
                breaker.releasePermission();
                return CompletableFuture.failedFuture(new UnavailableException(config.service(), request.method(),
                        request.pathOnly(), "client-side rate limit", null));
            }
            long start = breaker.getCurrentTimestamp();
            return attemptAsync(request).whenComplete((r, t) -> {
                long took = breaker.getCurrentTimestamp() - start;
                if (t == null) {
                    breaker.onSuccess(took, breaker.getTimestampUnit());
                } else {
                    breaker.onError(took, breaker.getTimestampUnit(), unwrap(t));
                }
            });
        };
        return Retry.decorateCompletionStage(retryFor(request), scheduler, guarded).get().toCompletableFuture();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        http.dispatcher().executorService().shutdown();
    }

    private Retry retryFor(ApiRequest request) {
        return request.idempotent() ? safeRetry : unsafeRetry;
    }

    private boolean retrySafe(Throwable t) {
        Throwable e = unwrap(t);
        return (e instanceof RateLimitedException || e instanceof ServerErrorException || e instanceof TransportException)
                && withinWaitLimit((HttpApiException) e);
    }

    private boolean retryUnsafe(Throwable t) {
        return unwrap(t) instanceof RateLimitedException rl && withinWaitLimit(rl);
    }

    /** A {@code Retry-After} beyond the in-process wait limit goes to the caller at once, uncapped. */
    private boolean withinWaitLimit(HttpApiException e) {
        return e.retryAfter().map(d -> d.compareTo(config.maxRetryAfter()) <= 0).orElse(true);
    }

    private RetryConfig retryConfig(Predicate<Throwable> retryOn) {
        return RetryConfig.custom()
                .maxAttempts(config.maxRetries() + 1)
                .retryOnException(retryOn)
                .failAfterMaxAttempts(false)
                .intervalBiFunction((attempt, either) -> {
                    if (either.isLeft() && unwrap(either.getLeft()) instanceof HttpApiException h
                            && h.retryAfter().isPresent()) {
                        return h.retryAfter().get().toMillis();
                    }
                    return backoffMillis(attempt);
                })
                .build();
    }

    /** Exponential backoff with full jitter: a random wait up to initial × 2^(attempt-1), capped. */
    long backoffMillis(int attempt) {
        long base = config.initialBackoff().toMillis();
        long cap = config.maxBackoff().toMillis();
        long ceiling = Math.min(cap, base << Math.min(20, Math.max(0, attempt - 1)));
        return ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
    }

    /** Builds the request and signs it; an OAuth {@link Auth} may fetch a token here. */
    private Request build(ApiRequest r) {
        HttpUrl url = resolve(r.path());
        RequestBody body = r.jsonBody() == null ? (requiresBody(r.method()) ? RequestBody.create("", JSON) : null)
                : RequestBody.create(r.jsonBody(), JSON);
        Request.Builder b = new Request.Builder().url(url).method(r.method(), body)
                .header("User-Agent", config.userAgent())
                .header("Accept", "application/json");
        r.headers().forEach(b::header);
        config.auth().apply(b);
        return b.build();
    }

    private static boolean requiresBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    /**
     * Resolves a path against the base URL. Absolute URLs (pagination links) are accepted only on
     * the base URL's own scheme, host and port, so credentials never travel elsewhere.
     */
    HttpUrl resolve(String path) {
        HttpUrl base = config.baseUrl();
        // HttpUrl.parse answers a relative path by throwing and catching an exception inside, and
        // almost every request has a relative path: only URLs that can be absolute are parsed
        HttpUrl absolute = path.regionMatches(true, 0, "http:", 0, 5) || path.regionMatches(true, 0, "https:", 0, 6)
                ? HttpUrl.parse(path) : null;
        if (absolute != null) {
            if (!absolute.scheme().equals(base.scheme()) || !absolute.host().equalsIgnoreCase(base.host())
                    || absolute.port() != base.port()) {
                throw new IllegalArgumentException(config.service() + ": refusing URL outside " + base.host());
            }
            return absolute;
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        HttpUrl url = base.resolve(relative);
        if (url == null) {
            throw new IllegalArgumentException(config.service() + ": bad path");
        }
        return url;
    }

    private ApiResponse attempt(ApiRequest r) {
        Request req = build(r);
        long start = System.nanoTime();
        try (Response resp = http.newCall(req).execute()) {
            if (resp.code() == 401 && config.auth().refreshAfterUnauthorized(req)) {
                // the service did not act on a 401, so even an unsafe request may go once more
                resp.close();
                try (Response again = http.newCall(build(r)).execute()) {
                    return toResult(r, again, start);
                }
            }
            return toResult(r, resp, start);
        } catch (InterruptedIOException e) {
            throw new TransportException(config.service(), r.method(), r.pathOnly(), true, e);
        } catch (IOException e) {
            throw new TransportException(config.service(), r.method(), r.pathOnly(), false, e);
        }
    }

    private CompletableFuture<ApiResponse> attemptAsync(ApiRequest r) {
        CompletableFuture<ApiResponse> f = new CompletableFuture<>();
        Request req;
        try {
            req = build(r);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        enqueue(r, req, f, System.nanoTime(), true);
        return f;
    }

    private void enqueue(ApiRequest r, Request req, CompletableFuture<ApiResponse> f, long start,
                         boolean mayRefresh) {
        Call call = http.newCall(req);
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                f.completeExceptionally(new TransportException(config.service(), r.method(), r.pathOnly(),
                        e instanceof InterruptedIOException, e));
            }

            @Override
            public void onResponse(Call c, Response resp) {
                try (resp) {
                    if (mayRefresh && resp.code() == 401 && config.auth().refreshAfterUnauthorized(req)) {
                        resp.close();
                        enqueue(r, build(r), f, start, false);
                        return;
                    }
                    f.complete(toResult(r, resp, start));
                } catch (InterruptedIOException e) {
                    f.completeExceptionally(new TransportException(config.service(), r.method(), r.pathOnly(), true, e));
                } catch (IOException e) {
                    f.completeExceptionally(new TransportException(config.service(), r.method(), r.pathOnly(), false,
                            e));
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            }
        });
    }

    private ApiResponse toResult(ApiRequest r, Response resp, long startNanos) throws IOException {
        String body = readBounded(resp.body());
        int code = resp.code();
        if (log.isDebugEnabled()) {
            log.debug("{} {} {} -> {} in {} ms", config.service(), r.method(), r.pathOnly(), code,
                    (System.nanoTime() - startNanos) / 1_000_000);
        }
        if (code >= 200 && code < 300) {
            Map<String, List<String>> headers = new java.util.HashMap<>();
            for (String name : resp.headers().names()) {
                headers.put(name.toLowerCase(Locale.ROOT), resp.headers(name));
            }
            return new ApiResponse(code, headers, body);
        }
        String contentType = resp.header("Content-Type");
        ErrorDetails details = config.errorParser().parse(code, contentType, body);
        String svc = config.service();
        String m = r.method();
        String p = r.pathOnly();
        ErrorKind kind = config.statusClassifier().classify(code, details);
        throw switch (kind == null ? ErrorKind.CLIENT_ERROR : kind) {
            case AUTHENTICATION -> new AuthenticationException(svc, code, m, p, details);
            case REJECTED -> new RejectedException(svc, code, m, p, details);
            case NOT_FOUND -> new NotFoundException(svc, code, m, p, details);
            case CONFLICT -> new ConflictException(svc, code, m, p, details);
            case VALIDATION -> new ValidationException(svc, code, m, p, details);
            case RATE_LIMITED -> new RateLimitedException(svc, m, p, RetryAfter.parse(resp.header("Retry-After"), clock),
                    details);
            case SERVER_ERROR -> new ServerErrorException(svc, code, m, p, details,
                    RetryAfter.parse(resp.header("Retry-After"), clock));
            case CLIENT_ERROR -> new ClientErrorException(svc, code, m, p, details);
        };
    }

    private String readBounded(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        if (body.contentLength() > MAX_RESPONSE_BYTES) {
            throw new IOException("response larger than " + MAX_RESPONSE_BYTES + " bytes");
        }
        BufferedSource source = body.source();
        if (source.request(MAX_RESPONSE_BYTES + 1)) {
            throw new IOException("response larger than " + MAX_RESPONSE_BYTES + " bytes");
        }
        return source.readUtf8();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String describe(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof HttpApiException h) {
            return h.status() > 0 ? "HTTP " + h.status() : String.valueOf(h.errorCode());
        }
        return e == null ? "?" : e.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "ApiClient[" + config + "]";
    }

    /** Waits for an async result, unwrapping the cause; for callers that want a blocking call with a deadline. */
    public static ApiResponse await(CompletableFuture<ApiResponse> f, Duration timeout) {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = unwrap(e);
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new CompletionException(c);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }
}

package dev.deskassist.examples.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.deskassist.core.AssistException;
import dev.deskassist.core.Assistance;
import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.DeliveryDeduplicator;
import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.LoopGuard;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.WebhookRejectedException;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.adapter.WriteBackException;
import dev.deskassist.core.http.HttpApiException;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook middleware behind {@code deskassist.jar serve}: {@code POST /webhooks/<helpdesk>}
 * verifies and parses the request through the adapter, drops duplicates and our own loop, queues
 * the event and answers 202 at once; workers on a bounded pool fetch the ticket, run
 * {@link DeskAssist}, mark the plan for the loop guard and apply it. A transient failure is tried
 * again up to {@code maxAttempts}; what still fails goes to the {@link DeadLetterStore}. A full
 * queue answers 503 (and forgets the delivery) so that the helpdesk retries later.
 * {@code GET /health} reports status, circuit state, queue depth and counters.
 *
 * <p>Logs carry ticket ids, delivery ids, outcomes and timings; never secrets or ticket text.
 */
public final class WebhookMiddleware implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookMiddleware.class);
    static final int MAX_BODY_BYTES = 1_000_000;

    static {
        HttpServers.noDelay();
    }

    /** Observes outcomes, for the simulation's printout, the benchmark and tests. */
    public interface Listener {
        /** An event was processed; {@code receivedNanos} is {@link System#nanoTime()} at arrival. */
        default void processed(TicketEvent event, Ticket ticket, Assistance assistance, ApplyResult result,
                               long receivedNanos) {
        }

        default void deadLettered(DeadLetter letter) {
        }
    }

    /** Counters shown by {@code /health}. */
    public record Stats(long accepted, long duplicates, long ignored, long rejectedSignature, long rejectedMalformed,
                        long busy, long processed, long deadLettered, long retries, int queueDepth, int inFlight) {
    }

    private final HelpdeskAdapter adapter;
    private final DeskAssist assist;
    private final LoopGuard loopGuard;
    private final DeliveryDeduplicator dedup;
    private final DeadLetterStore deadLetters;
    private final MiddlewareSettings settings;
    private final Listener listener;
    private final ThreadPoolExecutor workers;
    private final ExecutorService httpThreads;
    private final HttpServer server;

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong rejectedSignature = new AtomicLong();
    private final AtomicLong rejectedMalformed = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();

    public WebhookMiddleware(HelpdeskAdapter adapter, DeskAssist assist, LoopGuard loopGuard,
                             DeliveryDeduplicator dedup, DeadLetterStore deadLetters, MiddlewareSettings settings,
                             Listener listener) throws IOException {
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.assist = Objects.requireNonNull(assist, "assist");
        this.loopGuard = Objects.requireNonNull(loopGuard, "loopGuard");
        this.dedup = Objects.requireNonNull(dedup, "dedup");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = listener == null ? new Listener() {
        } : listener;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), r -> {
                    Thread t = new Thread(r, "deskassist-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.httpThreads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "deskassist-http");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 512);
        server.setExecutor(httpThreads);
        server.createContext("/webhooks/" + adapter.name(), this::webhook);
        server.createContext("/health", this::health);
    }

    /** Starts listening. */
    public WebhookMiddleware start() {
        server.start();
        log.info("listening on {}:{} for /webhooks/{} ({})", settings.bind(), port(), adapter.name(), settings);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void webhook(HttpExchange ex) throws IOException {
        long received = System.nanoTime();
        try (ex) {
            if (!ex.getRequestMethod().equals("POST")) {
                respond(ex, 405, "{\"status\":\"method not allowed\"}");
                return;
            }
            byte[] body = readBounded(ex.getRequestBody());
            if (body == null) {
                rejectedMalformed.incrementAndGet();
                respond(ex, 413, "{\"status\":\"body too large\"}");
                return;
            }
            WebhookRequest request = WebhookRequest.of("POST", ex.getRequestURI().getPath(), ex.getRequestHeaders(),
                    body, Instant.now());
            TicketEvent event;
            try {
                event = adapter.parseWebhook(request);
            } catch (WebhookRejectedException e) {
                reject(ex, e);
                return;
            }
            Optional<String> loop = loopGuard.ignoreReason(event);
            if (loop.isPresent()) {
                ignored.incrementAndGet();
                log.debug("ticket {} delivery {}: ignored, {}", event.ref().ticketId(), event.deliveryId(), loop.get());
                respond(ex, 202, "{\"status\":\"ignored\"}");
                return;
            }
            // this legacy middleware keeps de-duplicating on the invocation header, as it did before the
            // adapter's delivery id became the hash of the signed content (the pipeline replaces it)
            String deliveryKey = request.header(dev.deskassist.zendesk.ZendeskWebhook.INVOCATION_HEADER)
                    .filter(h -> !h.isBlank()).orElse(event.deliveryId());
            if (!dedup.firstSeen(deliveryKey)) {
                duplicates.incrementAndGet();
                log.debug("ticket {} delivery {}: duplicate", event.ref().ticketId(), event.deliveryId());
                respond(ex, 200, "{\"status\":\"duplicate\"}");
                return;
            }
            try {
                String raw = new String(body, StandardCharsets.UTF_8);
                workers.execute(new Task(event, raw, received));
            } catch (RejectedExecutionException full) {
                dedup.release(deliveryKey);
                busy.incrementAndGet();
                log.warn("queue full ({}); answering 503 so that {} retries", settings.queueCapacity(), adapter.name());
                ex.getResponseHeaders().set("Retry-After", "10");
                respond(ex, 503, "{\"status\":\"busy\"}");
                return;
            }
            accepted.incrementAndGet();
            respond(ex, 202, "{\"status\":\"accepted\"}");
        }
    }

    /** A queued event; a named type so that events still queued at shutdown can be dead-lettered. */
    private final class Task implements Runnable {
        final TicketEvent event;
        final String raw;
        final long received;

        Task(TicketEvent event, String raw, long received) {
            this.event = event;
            this.raw = raw;
            this.received = received;
        }

        @Override
        public void run() {
            process(event, raw, received);
        }
    }

    private void reject(HttpExchange ex, WebhookRejectedException e) throws IOException {
        if (e.reason().isAuthenticationFailure()) {
            rejectedSignature.incrementAndGet();
            log.warn("webhook rejected: {}", e.reason());
            respond(ex, 401, "{\"status\":\"rejected\",\"reason\":\"" + e.reason() + "\"}");
        } else if (e.reason() == WebhookRejectedException.Reason.UNSUPPORTED_EVENT) {
            ignored.incrementAndGet();
            respond(ex, 202, "{\"status\":\"ignored\",\"reason\":\"" + e.reason() + "\"}");
        } else {
            rejectedMalformed.incrementAndGet();
            log.warn("webhook rejected: {}", e.getMessage());
            respond(ex, 400, "{\"status\":\"rejected\",\"reason\":\"" + e.reason() + "\"}");
        }
    }

    /**
     * Fetch, assist, apply; transient failures are retried, the rest dead-lettered. Also the
     * path of {@code replay}. Returns true when the event was processed.
     */
    public boolean process(TicketEvent event, String rawBody, long receivedNanos) {
        inFlight.incrementAndGet();
        try {
            Throwable last = null;
            int attempt = 0;
            while (attempt < settings.maxAttempts()) {
                attempt++;
                try {
                    Ticket ticket = adapter.fetch(event.ref());
                    Assistance a = assist.assist(ticket);
                    WriteBack plan = loopGuard.mark(a.writeBack());
                    ApplyResult result = adapter.apply(event.ref(), ticket, plan);
                    processed.incrementAndGet();
                    log.info("ticket {} delivery {}: {} ({} requests, {} conflicts, attempt {}, {} ms)",
                            event.ref().ticketId(), event.deliveryId(),
                            result.changedAnything() ? result.changed() : "no change", result.requests(),
                            result.conflictsRetried(), attempt, (System.nanoTime() - receivedNanos) / 1_000_000);
                    listener.processed(event, ticket, a, result, receivedNanos);
                    return true;
                } catch (HttpApiException | WriteBackException | AssistException | dev.deskassist.core.json.JsonException e) {
                    last = e;
                    boolean retryable = e instanceof HttpApiException h ? h.isRetryable()
                            : e instanceof WriteBackException w && w.isRetryable();
                    log.warn("ticket {} delivery {}: attempt {} failed: {}", event.ref().ticketId(),
                            event.deliveryId(), attempt, e.getMessage());
                    if (!retryable || attempt >= settings.maxAttempts()) {
                        break;
                    }
                    retries.incrementAndGet();
                    sleep(settings.retryBackoff().multipliedBy(attempt));
                } catch (RuntimeException e) {
                    last = e;
                    log.error("ticket {} delivery {}: unexpected {}", event.ref().ticketId(), event.deliveryId(),
                            e.getClass().getName());
                    break;
                }
            }
            DeadLetter letter = DeadLetter.of(event, rawBody, attempt, last, Instant.now());
            deadLetters.add(letter);
            deadLettered.incrementAndGet();
            log.error("ticket {} delivery {}: kept in dead-letter folder {} after {} attempts ({})",
                    event.ref().ticketId(), event.deliveryId(), deadLetters.folder(), attempt, letter.errorType());
            listener.deadLettered(letter);
            return false;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void health(HttpExchange ex) throws IOException {
        try (ex) {
            Stats s = stats();
            String circuit = adapter.circuitState();
            String status = circuit.equals("OPEN") ? "DEGRADED" : "UP";
            respond(ex, 200, "{\"status\":\"" + status + "\",\"circuit\":\"" + circuit + "\",\"queueDepth\":"
                    + s.queueDepth() + ",\"inFlight\":" + s.inFlight() + ",\"deadLetters\":" + s.deadLettered()
                    + ",\"accepted\":" + s.accepted() + ",\"processed\":" + s.processed() + ",\"duplicates\":"
                    + s.duplicates() + ",\"ignored\":" + s.ignored() + ",\"rejectedSignature\":" + s.rejectedSignature()
                    + ",\"rejectedMalformed\":" + s.rejectedMalformed() + ",\"busy\":" + s.busy() + "}");
        }
    }

    public Stats stats() {
        return new Stats(accepted.get(), duplicates.get(), ignored.get(), rejectedSignature.get(),
                rejectedMalformed.get(), busy.get(), processed.get(), deadLettered.get(), retries.get(),
                workers.getQueue().size(), inFlight.get());
    }

    /** Waits until every accepted event is processed or dead-lettered, up to {@code timeout}. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (workers.getQueue().isEmpty() && workers.getActiveCount() == 0
                    && processed.get() + deadLettered.get() >= accepted.get()) {
                return true;
            }
            sleep(Duration.ofMillis(10));
        }
        return false;
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_BODY_BYTES + 1);
        return b.length > MAX_BODY_BYTES ? null : b;
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops accepting, lets queued events finish for up to 10 s, then dead-letters what is left. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                for (Runnable r : workers.shutdownNow()) {
                    if (r instanceof Task t) {
                        // accepted but never processed: keep it for replay rather than lose it
                        deadLetters.add(DeadLetter.of(t.event, t.raw, 0, new IllegalStateException("shut down before "
                                + "processing"), Instant.now()));
                        deadLettered.incrementAndGet();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        httpThreads.shutdownNow();
        deadLetters.close();
        assist.close();
        adapter.close();
    }
}

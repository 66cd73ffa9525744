package dev.deskassist.examples.bench;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.audit.WriteOutcome;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.pipeline.DeadLetterEntry;
import dev.deskassist.core.pipeline.EventStore;
import dev.deskassist.core.pipeline.IncomingEvent;
import dev.deskassist.core.pipeline.PipelineHealth;
import dev.deskassist.core.pipeline.PipelineListener;
import dev.deskassist.core.pipeline.PipelineRun;
import dev.deskassist.core.pipeline.PipelineSettings;
import dev.deskassist.core.pipeline.SqliteEventStore;
import dev.deskassist.examples.webhook.LoopbackStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Webhook-in to write-back-out benchmark on the production path: a fake Zendesk and the whole
 * stack on loopback (Jetty server, pipeline with durable SQLite intake, offline engines), signed
 * webhooks sent open-loop at a fixed rate (each for a different ticket, so each ends in a real
 * update), and per event:
 * <ul>
 *   <li><b>end to end</b>: from the webhook's persisted arrival to the write-back's response
 *       (queue wait, claim, fetch, DeskAssist, apply, completion);</li>
 *   <li><b>our own overhead</b>: end to end minus the time spent inside HTTP calls to the fake
 *       (measured by an OkHttp interceptor on the worker thread), i.e. what the pipeline, the
 *       engines and the adapter cost;</li>
 *   <li><b>ack</b>: the webhook sender's round trip, i.e. how fast we answer 202 after the
 *       durable write.</li>
 * </ul>
 * Then two more figures: the cost of one durable intake write on its own ({@code append} with
 * dedupe, committed with {@code synchronous=FULL}), and the highest sustained accept rate
 * (closed loop, {@code --senders} concurrent senders for {@code --accept-seconds}).
 * Loopback only; bounded by the time options.
 */
public final class WebhookBench {

    private static final ThreadLocal<long[]> HTTP_NANOS = ThreadLocal.withInitial(() -> new long[1]);

    private WebhookBench() {
    }

    /**
     * What to run; the command line ({@code bench-webhook}) gives these.
     *
     * @param helpdesk      zendesk, freshdesk or servicenow
     * @param rate          webhooks per second, open loop
     * @param seconds       measured seconds (at most 120)
     * @param warmupSeconds warm-up seconds (at most 30)
     * @param acceptSeconds seconds of the closed-loop accept-rate run (at most 60)
     * @param senders       concurrent senders of the accept-rate run (1 to 256)
     * @param workers       pipeline workers
     * @param writes        durable intake writes timed on their own (1000 to 20000)
     */
    public record Options(String helpdesk, int rate, int seconds, int warmupSeconds, int acceptSeconds, int senders,
                          int workers, int writes) {

        /** The values clamped to the bounds above. */
        public Options {
            seconds = Math.min(120, seconds);
            warmupSeconds = Math.min(30, warmupSeconds);
            acceptSeconds = Math.min(60, acceptSeconds);
            senders = Math.max(1, Math.min(256, senders));
            writes = Math.max(1000, Math.min(20_000, writes));
        }
    }

    public static int run(Options o) throws Exception {
        int rate = o.rate();
        int seconds = o.seconds();
        int warmupSeconds = o.warmupSeconds();
        int acceptSeconds = o.acceptSeconds();
        int senders = o.senders();
        int workers = o.workers();
        int total = rate * (seconds + warmupSeconds);
        int warmup = rate * warmupSeconds;
        int acceptTickets = 200_000;

        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> acks = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicInteger sendFailures = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger deadLettered = new java.util.concurrent.atomic.AtomicInteger();
        Path dataDir = Files.createTempDirectory("deskassist-bench");
        String helpdesk = o.helpdesk();
        java.util.concurrent.atomic.AtomicLong apiCalls = new java.util.concurrent.atomic.AtomicLong();
        try (BenchTarget target = BenchTarget.of(helpdesk)) {
            for (int i = 0; i < total; i++) {
                target.addTicket(target.ticketId(100_000 + i));
            }
            OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
                apiCalls.incrementAndGet();
                long s = System.nanoTime();
                try {
                    // read the body here so that its transfer counts as the fake's time, not ours
                    okhttp3.Response r = chain.proceed(chain.request());
                    okhttp3.ResponseBody b = r.body();
                    return b == null ? r : r.newBuilder().body(okhttp3.ResponseBody.create(b.bytes(), b.contentType()))
                            .build();
                } finally {
                    HTTP_NANOS.get()[0] += System.nanoTime() - s;
                }
            }).build();
            PipelineListener listener = new PipelineListener() {
                @Override
                public void processed(PipelineRun run, Ticket t, Assistance as, ApplyResult r, WriteOutcome outcome) {
                    long end = Duration.between(run.firstReceived(), Instant.now()).toNanos();
                    long[] h = HTTP_NANOS.get();
                    samples.add(new long[] {target.number(run.ref().ticketId()), end, h[0], as.elapsed().toNanos()});
                    h[0] = 0;
                }

                @Override
                public void retryScheduled(PipelineRun run, Instant due, String failure) {
                    HTTP_NANOS.get()[0] = 0;
                }

                @Override
                public void deadLettered(PipelineRun run, DeadLetterEntry entry) {
                    deadLettered.incrementAndGet();
                    HTTP_NANOS.get()[0] = 0;
                }
            };
            PipelineSettings settings = PipelineSettings.builder().workers(workers).build();
            try (LoopbackStack stack = LoopbackStack.start(target.adapter(http), target.guard(), dataDir, settings,
                    listener)) {
                okhttp3.HttpUrl endpoint = okhttp3.HttpUrl.get(stack.endpoint());
                // The sender stands in for Zendesk, which sends from elsewhere: it should cost this
                // process little. The JDK HttpClient started a thread per async step on 2 cores.
                Dispatcher senderDispatcher = new Dispatcher();
                senderDispatcher.setMaxRequests(512);
                senderDispatcher.setMaxRequestsPerHost(512);
                OkHttpClient sender = new OkHttpClient.Builder().dispatcher(senderDispatcher)
                        .connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES)).build();
                List<CompletableFuture<?>> pending = new ArrayList<>();
                long intervalNanos = 1_000_000_000L / rate;
                long start = System.nanoTime();
                long measureStart = 0;
                for (int i = 0; i < total; i++) {
                    long due = start + i * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (i == warmup) {
                        // Measure from an empty queue: otherwise the backlog of the cold start (class
                        // loading, JIT) is counted as steady-state latency. A rate the pipeline cannot
                        // sustain still shows, as a queue growing during the measured seconds.
                        stack.awaitIdle(Duration.ofSeconds(60));
                        start = System.nanoTime() - i * intervalNanos;
                        measureStart = System.nanoTime();
                        apiCalls.set(0);
                    }
                    String id = target.ticketId(100_000 + i);
                    long sent = System.nanoTime();
                    boolean measured = i >= warmup;
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    pending.add(done);
                    sender.newCall(target.webhook(endpoint, id, "bench-" + i)).enqueue(callback(done, sendFailures,
                            measured ? acks : null, sent));
                }
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                stack.awaitIdle(Duration.ofSeconds(60));
                long measureEnd = System.nanoTime();
                long callsMeasured = apiCalls.get();

                long firstMeasured = 100_000L + warmup;
                long[] e2e = samples.stream().filter(s -> s[0] >= firstMeasured).mapToLong(s -> s[1]).sorted().toArray();
                long[] own = samples.stream().filter(s -> s[0] >= firstMeasured).mapToLong(s -> s[1] - s[2]).sorted()
                        .toArray();
                long[] fakeTime = samples.stream().filter(s -> s[0] >= firstMeasured).mapToLong(s -> s[2]).sorted()
                        .toArray();
                long[] engines = samples.stream().filter(s -> s[0] >= firstMeasured).mapToLong(s -> s[3]).sorted()
                        .toArray();
                long[] ack = acks.stream().mapToLong(Long::longValue).sorted().toArray();
                double secs = (measureEnd - measureStart) / 1e9;
                System.out.printf("webhook bench (%s): %d webhooks/s offered for %d s (+%d s warm-up), %d workers, %d cores, "
                        + "durable SQLite intake, Jetty, fake %s on loopback%n", helpdesk, rate, seconds, warmupSeconds,
                        workers, Runtime.getRuntime().availableProcessors(), helpdesk);
                System.out.printf("  processed %d of %d measured events (%.1f events/s sustained), dead-lettered %d, "
                        + "webhook sends failed %d%n", e2e.length, total - warmup, e2e.length / secs,
                        deadLettered.get(), sendFailures.get());
                row("end to end (webhook persisted -> write-back out)", e2e);
                row("our own overhead (end to end minus fake's HTTP time)", own);
                row("time inside HTTP calls to the fake", fakeTime);
                System.out.printf("  API calls per processed event: %.2f%n",
                        e2e.length == 0 ? 0.0 : (double) callsMeasured / e2e.length);
                row("DeskAssist.assist (offline engines)", engines);
                row("webhook ack (sender round trip, 202 after commit)", ack);

                // highest sustained accept rate: closed loop, each sender waits for its answer
                java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
                java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
                long acceptEnd = System.nanoTime() + acceptSeconds * 1_000_000_000L;
                long acceptStart = System.nanoTime();
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < senders; t++) {
                    Thread th = new Thread(() -> {
                        while (System.nanoTime() < acceptEnd) {
                            int i = next.getAndIncrement();
                            String id = target.ticketId(1_000_000 + (i % acceptTickets));
                            try (Response r = sender.newCall(target.webhook(endpoint, id, "accept-" + i)).execute()) {
                                if (r.code() == 202) {
                                    accepted.incrementAndGet();
                                }
                            } catch (IOException e) {
                                sendFailures.incrementAndGet();
                            }
                        }
                    }, "bench-sender-" + t);
                    th.start();
                    threads.add(th);
                }
                for (Thread th : threads) {
                    th.join();
                }
                double acceptSecs = (System.nanoTime() - acceptStart) / 1e9;
                PipelineHealth h = stack.pipeline().health();
                System.out.printf("  accept rate (closed loop, %d senders, %d s, workers busy meanwhile): %.0f webhooks/s "
                        + "answered 202 (%d pending afterwards)%n", senders, acceptSeconds, accepted.get() / acceptSecs,
                        h.pending());
                sender.dispatcher().executorService().shutdown();
            }
        }
        durableWriteCost(o.writes());
        return 0;
    }

    /** One intake write on its own: append with dedupe into a fresh store, committed durably. */
    private static void durableWriteCost(int writes) throws IOException {
        Path dir = Files.createTempDirectory("deskassist-bench-store");
        long[] nanos = new long[writes];
        try (EventStore store = SqliteEventStore.open(dir)) {
            Instant now = Instant.now();
            for (int i = 0; i < writes; i++) {
                IncomingEvent e = new IncomingEvent(TicketRef.of("zendesk", String.valueOf(1 + i % 500)),
                        TicketEvent.Type.UPDATED, "sha256:bench-" + i, now);
                long s = System.nanoTime();
                store.append(e, Duration.ofHours(24));
                nanos[i] = System.nanoTime() - s;
            }
        } catch (Exception e) {
            throw new IOException("store benchmark failed: " + e.getClass().getSimpleName(), e);
        }
        Arrays.sort(nanos);
        row("durable intake write (append + dedupe, synchronous=FULL)", nanos);
    }

    private static Callback callback(CompletableFuture<Void> done, java.util.concurrent.atomic.AtomicInteger failures,
                                     ConcurrentLinkedQueue<Long> acks, long sent) {
        return new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                // a real sender (Zendesk) retries; here it is counted and reported
                failures.incrementAndGet();
                done.complete(null);
            }

            @Override
            public void onResponse(Call call, Response r) {
                try (r) {
                    if (r.code() != 202) {
                        failures.incrementAndGet();
                    } else if (acks != null) {
                        acks.add(System.nanoTime() - sent);
                    }
                }
                done.complete(null);
            }
        };
    }

    private static void row(String what, long[] sortedNanos) {
        if (sortedNanos.length == 0) {
            System.out.printf("  %-55s no samples%n", what);
            return;
        }
        System.out.printf("  %-55s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", what, pct(sortedNanos, 50),
                pct(sortedNanos, 99), sortedNanos[sortedNanos.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

}

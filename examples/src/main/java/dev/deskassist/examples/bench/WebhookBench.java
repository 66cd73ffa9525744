package dev.deskassist.examples.bench;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.examples.Args;
import dev.deskassist.examples.webhook.DeadLetter;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import dev.deskassist.examples.webhook.Middleware;
import dev.deskassist.examples.webhook.MiddlewareSettings;
import dev.deskassist.zendesk.testkit.SignedWebhook;
import dev.deskassist.examples.webhook.WebhookMiddleware;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Webhook-in to write-back-out benchmark: a fake Zendesk and the middleware on loopback, signed
 * webhooks sent open-loop at a fixed rate (each for a different ticket, so each ends in a real
 * update), and per event:
 * <ul>
 *   <li><b>end to end</b>: from the webhook's arrival to the write-back's response (queue wait,
 *       fetch, DeskAssist, apply);</li>
 *   <li><b>our own overhead</b>: end to end minus the time spent inside HTTP calls to the fake
 *       (measured by an OkHttp interceptor on the worker thread), i.e. what the middleware,
 *       the engines and the adapter cost;</li>
 *   <li><b>ack</b>: the webhook sender's round trip, i.e. how fast we answer 202.</li>
 * </ul>
 * Loopback only; bounded by {@code --seconds}. {@code --rate 200 --seconds 10 --workers 2}
 * (workers default to the number of cores).
 */
public final class WebhookBench {

    private static final String SECRET = "bench-secret";
    private static final ThreadLocal<long[]> HTTP_NANOS = ThreadLocal.withInitial(() -> new long[1]);

    private WebhookBench() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args)));
    }

    public static int run(List<String> argList) throws Exception {
        Args a = Args.parse(argList, Set.of());
        int rate = a.intValue("rate", 200);
        int seconds = Math.min(120, a.intValue("seconds", 10));
        int warmupSeconds = Math.min(30, a.intValue("warmup", 15));
        // As many workers as cores: the offline engines keep a worker on the CPU for most of an
        // event, and with 4 workers on 2 cores throughput stayed the same (about 155 events/s) while
        // every step waited longer for a core (fake HTTP time p50 11 ms against 3.6 ms, ack p50
        // 1.5 against 1.4 ms).
        int workers = a.intValue("workers", Runtime.getRuntime().availableProcessors());
        int total = rate * (seconds + warmupSeconds);
        int warmup = rate * warmupSeconds;

        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> acks = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicInteger sendFailures = new java.util.concurrent.atomic.AtomicInteger();
        try (FakeZendesk fake = new FakeZendesk(FakeZendesk.Faults.NONE)) {
            fake.recordCalls(false);
            for (int i = 0; i < total; i++) {
                fake.addTicket(String.valueOf(100_000 + i), "Rechnung doppelt abgebucht " + i,
                        "Hallo, mir wurde die Rechnung doppelt abgebucht. Bitte erstatten Sie den Betrag.\n\nGrüße\nAnna",
                        "Anna Müller", "anna@example.de", "Müller GmbH", List.of("kunde"), List.of("Ist das erledigt?"));
            }
            Map<String, String> p = new HashMap<>();
            p.put("deskassist.bind", "127.0.0.1");
            p.put("deskassist.port", "0");
            p.put("deskassist.workers", String.valueOf(workers));
            p.put("deskassist.queueCapacity", "10000");
            p.put("deskassist.deadLetterDir", Files.createTempDirectory("deskassist-bench").toString());
            p.put("zendesk.baseUrl", fake.url());
            p.put("zendesk.email", "bot@example.com");
            p.put("zendesk.apiToken", "t");
            p.put("zendesk.webhookSecret", SECRET);
            p.put("zendesk.integrationUserIds", "7000");
            p.put("zendesk.fieldIds", "category=1,language=2");
            p.put("zendesk.groupIds", "billing=11,access=12,technical=13,shipping=14");
            OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
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
            WebhookMiddleware.Listener listener = new WebhookMiddleware.Listener() {
                @Override
                public void processed(TicketEvent e, Ticket t, Assistance as, ApplyResult r, long received) {
                    long end = System.nanoTime() - received;
                    long[] h = HTTP_NANOS.get();
                    samples.add(new long[] {Long.parseLong(e.ref().ticketId()), end, h[0], as.elapsed().toNanos()});
                    h[0] = 0;
                }

                @Override
                public void deadLettered(DeadLetter letter) {
                    HTTP_NANOS.get()[0] = 0;
                }
            };
            try (WebhookMiddleware m = Middleware.zendesk(MiddlewareSettings.from(p::get), http, listener).start()) {
                okhttp3.HttpUrl endpoint = okhttp3.HttpUrl.get("http://127.0.0.1:" + m.port() + "/webhooks/zendesk");
                // The sender stands in for Zendesk, which sends from elsewhere: it should cost this
                // process little. The JDK HttpClient was tried first: on 2 cores the common pool has one
                // thread, so CompletableFuture falls back to a new thread per async step (about 150
                // thread starts per second here) and it cost about 1.5 ms of CPU per webhook.
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
                        // loading, JIT) is counted as steady-state latency. A rate the middleware cannot
                        // sustain still shows, as a queue growing during the measured seconds.
                        m.awaitIdle(Duration.ofSeconds(60));
                        start = System.nanoTime() - i * intervalNanos;
                        measureStart = System.nanoTime();
                    }
                    String id = String.valueOf(100_000 + i);
                    long sent = System.nanoTime();
                    boolean measured = i >= warmup;
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    pending.add(done);
                    sender.newCall(SignedWebhook.zendeskOkHttp(endpoint, SECRET, SignedWebhook.triggerBody(id,
                            "created", "1"), "bench-" + i, Instant.now())).enqueue(new Callback() {
                                @Override
                                public void onFailure(Call call, IOException e) {
                                    // a real sender (Zendesk) retries; here it is counted and reported
                                    sendFailures.incrementAndGet();
                                    done.complete(null);
                                }

                                @Override
                                public void onResponse(Call call, Response r) {
                                    try (r) {
                                        if (r.code() != 202) {
                                            sendFailures.incrementAndGet();
                                        } else if (measured) {
                                            acks.add(System.nanoTime() - sent);
                                        }
                                    }
                                    done.complete(null);
                                }
                            });
                }
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                m.awaitIdle(Duration.ofSeconds(60));
                long measureEnd = System.nanoTime();
                WebhookMiddleware.Stats st = m.stats();

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
                System.out.printf("webhook bench: %d webhooks/s offered for %d s (+%d s warm-up), %d workers, %d cores, "
                        + "fake Zendesk on loopback%n", rate, seconds, warmupSeconds, workers,
                        Runtime.getRuntime().availableProcessors());
                System.out.printf("  processed %d of %d measured events (%.1f events/s sustained), dead-lettered %d, "
                        + "busy (503) %d, webhook sends failed %d%n", e2e.length, total - warmup, e2e.length / secs,
                        st.deadLettered(), st.busy(), sendFailures.get());
                row("end to end (webhook in -> write-back out)", e2e);
                row("our own overhead (end to end minus fake's HTTP time)", own);
                row("time inside HTTP calls to the fake (3 per event)", fakeTime);
                row("DeskAssist.assist (offline engines)", engines);
                row("webhook ack (sender round trip, 202)", ack);
                sender.dispatcher().executorService().shutdown();
                return 0;
            }
        }
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

    static long[] copy(long[] a) {
        return Arrays.copyOf(a, a.length);
    }
}

package dev.deskassist.examples.bench;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.pipeline.Acceptance;
import dev.deskassist.core.pipeline.EventStore;
import dev.deskassist.core.pipeline.Pipeline;
import dev.deskassist.core.pipeline.PipelineSettings;
import dev.deskassist.core.pipeline.SqliteEventStore;
import dev.deskassist.core.pipeline.redis.RedisEventStore;
import dev.deskassist.core.pipeline.redis.RedisStoreSettings;
import dev.deskassist.examples.UsageException;
import dev.deskassist.examples.webhook.Engines;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okio.Buffer;

/**
 * Replicas on Redis against the embedded store, in one process so that only the store differs:
 * 1, 2 and 3 pipelines (each with its own store handle, adapter and engines, like a replica) share
 * either one SQLite file or one Redis, and one fake Zendesk on loopback. Per configuration and run:
 * <ul>
 *   <li><b>accepted/s</b>: {@code --events} signed webhooks handed to the replicas in turn by
 *       {@code --senders} threads, workers not yet started, so only intake (verify, dedupe,
 *       durable append) is timed; its median per-call latency is the intake cost per event;</li>
 *   <li><b>processed/s</b>: then every replica starts and the time until all events are applied
 *       is taken.</li>
 * </ul>
 * Runs {@code --runs} times (default 3) and prints the median and range of each figure and the
 * ratios to the embedded store with one replica. Redis is {@code --redis-url}, or a
 * {@code redis-server} from the PATH started on a free loopback port with append-only on and
 * {@code --appendfsync everysec} (Redis's default) or {@code always} (an fsync per write, the
 * embedded store's guarantee) for the run.
 */
public final class ReplicaBench {

    private ReplicaBench() {
    }

    private record Figures(double acceptedPerSecond, double processedPerSecond, double acceptMicros) {
    }

    /**
     * What to run.
     *
     * @param events      events per configuration (100 to 20,000)
     * @param runs        runs of every configuration (1 to 9)
     * @param senders     concurrent webhook senders (1 to 64)
     * @param workers     pipeline workers per replica
     * @param maxReplicas up to how many replicas (1 to 4)
     * @param redisUrl    a running Redis, or {@code null} to start one here
     * @param fsync       {@code everysec} or {@code always} for the Redis started here
     */
    public record Options(int events, int runs, int senders, int workers, int maxReplicas, String redisUrl,
                          String fsync) {
    }

    public static int run(Options o) throws Exception {
        int events = Math.max(100, Math.min(20_000, o.events()));
        int runs = Math.max(1, Math.min(9, o.runs()));
        int senders = Math.max(1, Math.min(64, o.senders()));
        int workers = Math.max(1, o.workers());
        int maxReplicas = Math.max(1, Math.min(4, o.maxReplicas()));
        String url = o.redisUrl();
        String fsync = o.fsync();
        if (!fsync.equals("everysec") && !fsync.equals("always")) {
            throw new UsageException("--appendfsync is everysec (Redis's default) or always (an fsync per write, "
                    + "as the embedded store's synchronous=FULL)");
        }
        Process server = null;
        Path redisDir = null;
        if (url == null) {
            redisDir = Files.createTempDirectory("deskassist-bench-redis");
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            try {
                server = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                        "--dir", redisDir.toString(), "--appendonly", "yes", "--appendfsync", fsync, "--save", "",
                        "--maxmemory-policy", "noeviction").redirectErrorStream(true)
                        .redirectOutput(redisDir.resolve("redis.log").toFile()).start();
            } catch (IOException e) {
                throw new UsageException("no redis-server on the PATH; install it (apt-get install redis-server) "
                        + "or give --redis-url redis://host:port");
            }
            url = "redis://127.0.0.1:" + port;
            awaitPing(port);
        }
        System.out.printf("replica bench: %d events per configuration, %d runs, %d senders, %d workers per replica, "
                + "%d cores, Redis at %s%s%n", events, runs, senders, workers,
                Runtime.getRuntime().availableProcessors(), url,
                server == null ? "" : " (started here, appendfsync " + fsync + ")");
        try {
            Map<String, List<Figures>> results = new HashMap<>();
            List<String> order = new ArrayList<>();
            for (int r = 1; r <= maxReplicas; r++) {
                order.add("embedded x" + r);
                order.add("redis x" + r);
            }
            // interleaved, so that a slow phase of the machine hits every configuration alike
            for (int run = 1; run <= runs; run++) {
                for (String config : order) {
                    int replicas = Integer.parseInt(config.substring(config.indexOf('x') + 1));
                    Figures f = once(config.startsWith("redis") ? url : null, replicas, events, senders, workers,
                            "run" + run + "r" + replicas);
                    results.computeIfAbsent(config, k -> new ArrayList<>()).add(f);
                    System.out.printf("  run %d %-12s accepted %8.0f/s  processed %7.0f/s  intake %6.0f µs/event%n",
                            run, config, f.acceptedPerSecond(), f.processedPerSecond(), f.acceptMicros());
                }
            }
            double baseAccept = median(results.get("embedded x1"), Figures::acceptedPerSecond);
            double baseProcess = median(results.get("embedded x1"), Figures::processedPerSecond);
            double baseMicros = median(results.get("embedded x1"), Figures::acceptMicros);
            System.out.printf("%nmedian [min-max] of %d runs; ratios to the embedded store with one replica%n", runs);
            System.out.printf("%-12s %26s %8s %26s %8s %22s%n", "", "accepted/s", "ratio", "processed/s", "ratio",
                    "intake µs/event");
            for (String config : order) {
                List<Figures> fs = results.get(config);
                System.out.printf("%-12s %26s %8.2f %26s %8.2f %22s%n", config,
                        range(fs, Figures::acceptedPerSecond, "%.0f"),
                        median(fs, Figures::acceptedPerSecond) / baseAccept,
                        range(fs, Figures::processedPerSecond, "%.0f"),
                        median(fs, Figures::processedPerSecond) / baseProcess,
                        range(fs, Figures::acceptMicros, "%.0f"));
            }
            double redisMicros = median(results.get("redis x1"), Figures::acceptMicros);
            System.out.printf("%nadded intake latency on Redis (one replica, median): %+.0f µs per event "
                    + "(embedded %.0f µs, Redis %.0f µs)%n", redisMicros - baseMicros, baseMicros, redisMicros);
            return 0;
        } finally {
            if (server != null) {
                server.destroyForcibly();
                server.waitFor(10, TimeUnit.SECONDS);
            }
            if (redisDir != null) {
                deleteTree(redisDir);
            }
        }
    }

    private static Figures once(String redisUrl, int replicas, int events, int senders, int workers, String tag)
            throws Exception {
        Path dir = Files.createTempDirectory("deskassist-bench-replicas");
        List<AutoCloseable> open = new ArrayList<>();
        try (BenchTarget target = BenchTarget.of("zendesk")) {
            for (int i = 0; i < events; i++) {
                target.addTicket(target.ticketId(100_000 + i));
            }
            List<Pipeline> pipelines = new ArrayList<>();
            PipelineSettings settings = PipelineSettings.builder().workers(workers)
                    .pollInterval(Duration.ofMillis(50)).build();
            for (int r = 0; r < replicas; r++) {
                EventStore store = redisUrl == null ? SqliteEventStore.open(dir)
                        : RedisEventStore.open(RedisStoreSettings.builder(redisUrl).keyPrefix("bench-" + tag).build());
                open.add(0, store);
                HelpdeskAdapter adapter = target.adapter(new OkHttpClient());
                open.add(0, adapter);
                DeskAssist assist = Engines.create("offline", null);
                open.add(0, assist);
                Pipeline p = Pipeline.builder().adapter(adapter, target.guard()).assist(assist).store(store)
                        .settings(settings).build();
                open.add(0, () -> p.stop(Duration.ofSeconds(10)));
                pipelines.add(p);
            }
            HttpUrl endpoint = HttpUrl.get("http://127.0.0.1:1/webhooks/zendesk");
            List<WebhookRequest> requests = new ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                requests.add(toWebhook(target.webhook(endpoint, target.ticketId(100_000 + i), tag + "-" + i)));
            }
            long[] latencies = new long[events];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            long start = System.nanoTime();
            List<Future<?>> sending = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                sending.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < events; i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        Acceptance acc = pipelines.get(i % replicas).accept("zendesk", requests.get(i));
                        latencies[i] = System.nanoTime() - t;
                        if (acc.status() != 202) {
                            refused.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : sending) {
                f.get();
            }
            double acceptSeconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            if (refused.get() > 0) {
                throw new IllegalStateException(refused.get() + " webhooks not accepted");
            }
            long processStart = System.nanoTime();
            pipelines.forEach(Pipeline::start);
            if (!pipelines.get(0).awaitIdle(Duration.ofMinutes(5))) {
                throw new IllegalStateException("not processed within 5 minutes");
            }
            for (Pipeline p : pipelines) {
                p.awaitIdle(Duration.ofMinutes(1));
            }
            double processSeconds = (System.nanoTime() - processStart) / 1e9;
            Arrays.sort(latencies);
            return new Figures(events / acceptSeconds, events / processSeconds, latencies[events / 2] / 1e3);
        } finally {
            for (AutoCloseable c : open) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.out.println("  (closing: " + e.getClass().getSimpleName() + ")");
                }
            }
            deleteTree(dir);
        }
    }

    private static WebhookRequest toWebhook(Request r) throws IOException {
        Buffer body = new Buffer();
        if (r.body() != null) {
            r.body().writeTo(body);
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : r.headers().names()) {
            headers.put(name, r.header(name));
        }
        if (r.body() != null && r.body().contentType() != null) {
            headers.put("Content-Type", r.body().contentType().toString());
        }
        return WebhookRequest.ofSingleValued("POST", r.url().encodedPath(), headers, body.readByteArray(),
                Instant.now());
    }

    private static void awaitPing(int port) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] b = new byte[5];
                if (s.getInputStream().read(b) == 5 && new String(b, StandardCharsets.US_ASCII).equals("+PONG")) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("redis-server did not answer PING within 10 s");
    }

    private static double median(List<Figures> fs, java.util.function.ToDoubleFunction<Figures> f) {
        double[] v = fs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String range(List<Figures> fs, java.util.function.ToDoubleFunction<Figures> f, String format) {
        double[] v = fs.stream().mapToDouble(f).sorted().toArray();
        return String.format(format + " [" + format + "-" + format + "]", median(fs, f), v[0], v[v.length - 1]);
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}

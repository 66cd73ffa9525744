package dev.deskassist.examples.it;

import static dev.deskassist.examples.it.ServeHarness.await;
import static dev.deskassist.examples.it.ServeHarness.notesByDeskAssist;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.pipeline.redis.RedisServerProcess;
import dev.deskassist.examples.server.ChildJvm;
import dev.deskassist.zendesk.ZendeskWebhook;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code serve} replicas from the packaged jar share one real redis-server and one fake
 * Zendesk (each replica signs in as its own bot user, so the fake can tell them apart). 1,000
 * signed deliveries, a fifth of them repeats, go round-robin to the replicas (a refused or dead
 * replica's share goes to the next, as a load balancer does); one replica is SIGKILLed after 400.
 * Every ticket must get exactly one internal note, nothing may stay pending or be dead-lettered,
 * no ticket may be worked on by two replicas at once, and the fake must never see more requests in
 * a second than the shared budget allows.
 */
class MultiReplicaIT {

    private static final int TICKETS = 200;
    private static final int EVENTS_PER_TICKET = 4;
    private static final int REPEATS = 200;
    private static final int FIRST = 5001;
    /** 3000/min: released as at most 50 at once, refilled at 50 per second. */
    private static final int PER_MINUTE = 3000;
    private static final Pattern TICKET = Pattern.compile("/api/v2/tickets/(\\d+)");

    private record Seen(long nanos, String ticket, String route, String replica) {
    }

    private record Delivery(int n, String ticket, String invocation, boolean repeat) {
    }

    @Test
    @Timeout(180)
    void threeReplicasShareIntakeDedupeTicketsAndTheRateBudgetAndOneMayDie(@TempDir Path dir) throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start(); FakeZendesk zendesk = new FakeZendesk()) {
            ServeHarness.addTickets(zendesk, FIRST, TICKETS);
            List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
            zendesk.observe((request, route, nanos) -> {
                Matcher m = TICKET.matcher(request.getPath() == null ? "" : request.getPath());
                seen.add(new Seen(nanos, m.find() ? m.group(1) : "", String.valueOf(route),
                        String.valueOf(request.getHeader("Authorization"))));
            });
            List<ServeHarness> harnesses = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                Path d = Files.createDirectories(dir.resolve("replica-" + i));
                harnesses.add(new ServeHarness(d, zendesk, "deskassist.store", "redis",
                        "deskassist.redis.url", redis.url(), "deskassist.redis.intakeIdle", "2s",
                        "deskassist.workers", "3", "deskassist.lease", "3s",
                        "zendesk.email", "deskassist-bot-" + i + "@example.com",
                        "zendesk.rateLimit", PER_MINUTE + "/min"));
            }
            List<ChildJvm> replicas = startAll(harnesses);
            try {
                List<Delivery> deliveries = deliveries();
                long start = System.nanoTime();
                Map<Delivery, Integer> status = new ConcurrentHashMap<>();
                boolean[] dead = new boolean[3];
                Map<String, HttpRequest> signed = new ConcurrentHashMap<>();
                send(harnesses, dead, deliveries.subList(0, 400), status, signed);
                assertEquals(137, replicas.get(1).kill(), "SIGKILL replica 2");
                dead[1] = true;
                send(harnesses, dead, deliveries.subList(400, deliveries.size()), status, signed);
                double sendSeconds = (System.nanoTime() - start) / 1e9;

                long accepted = deliveries.stream().filter(d -> !d.repeat() && status.get(d) == 202).count();
                long duplicates = deliveries.stream().filter(d -> d.repeat() && status.get(d) == 200).count();
                List<String> odd = deliveries.stream().filter(d -> status.get(d) == null
                        || status.get(d) != (d.repeat() ? 200 : 202)).limit(5).map(d -> d + " " + status.get(d)).toList();
                assertEquals(TICKETS * EVENTS_PER_TICKET, accepted, "every genuine delivery accepted; e.g. " + odd);
                assertEquals(REPEATS, duplicates, "every repeat answered as a duplicate, whichever replica got it");

                ServeHarness survivor = harnesses.get(0);
                await(() -> allNoted(zendesk), Duration.ofSeconds(90), "every ticket has its note", replicas.get(0));
                await(survivor::idle, Duration.ofSeconds(30), "nothing pending", replicas.get(0));
                await(harnesses.get(2)::idle, Duration.ofSeconds(30), "nothing in flight on replica 3",
                        replicas.get(2));
                double totalSeconds = (System.nanoTime() - start) / 1e9;
                assertEquals(0, survivor.health().getJsonNumber("deadLetters").longValue());

                for (int i = 0; i < TICKETS; i++) {
                    String id = String.valueOf(FIRST + i);
                    assertEquals(1, notesByDeskAssist(zendesk, id), "ticket " + id + ": exactly one note");
                    assertTrue(zendesk.tags(id).contains("deskassist_processed"), "ticket " + id + " marked");
                }
                List<Seen> log = List.copyOf(seen);
                assertEquals(List.of(), overlaps(log), "no ticket worked on by two replicas at once");
                int peak = peakPerSecond(log);
                // the bucket's burst plus one second's refill for all three replicas together, and half a second
                // more for requests granted earlier that reach the fake later on a loaded machine; budgets per
                // replica would allow three times the burst and the rate
                int perSecond = PER_MINUTE / 60;
                int allowed = perSecond + perSecond * 3 / 2;
                assertTrue(peak <= allowed, "at most " + allowed + " requests in any second, saw " + peak);
                long replicasSeen = log.stream().map(Seen::replica).distinct().count();
                assertEquals(3, replicasSeen, "all three replicas did work");
                System.out.printf("multi-replica: 1000 deliveries sent in %.1f s, all processed after %.1f s; "
                        + "%d helpdesk requests, peak %d in one second (budget %d/min)%n", sendSeconds, totalSeconds,
                        log.size(), peak, PER_MINUTE);
            } finally {
                for (ChildJvm r : replicas) {
                    r.close();
                }
            }
        }
    }

    private static List<ChildJvm> startAll(List<ServeHarness> harnesses) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(harnesses.size());
        try {
            List<Future<ChildJvm>> starting = new ArrayList<>();
            for (ServeHarness h : harnesses) {
                starting.add(pool.submit(h::startServe));
            }
            List<ChildJvm> out = new ArrayList<>();
            for (Future<ChildJvm> f : starting) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /** Four genuine events per ticket, interleaved, and 200 repeats, each well after its original. */
    private static List<Delivery> deliveries() {
        List<Delivery> genuine = new ArrayList<>();
        for (int k = 0; k < EVENTS_PER_TICKET; k++) {
            for (int i = 0; i < TICKETS; i++) {
                genuine.add(new Delivery(genuine.size(), String.valueOf(FIRST + i), "inv-" + (FIRST + i) + "-" + k, false));
            }
        }
        Random random = new Random(13);
        List<Delivery> out = new ArrayList<>(genuine);
        for (int r = 0; r < REPEATS; r++) {
            // a repeat goes in at least 50 places after its original; later insertions only widen the gap
            int at = 150 + random.nextInt(out.size() - 150);
            Delivery original = out.get(at - 50 - random.nextInt(100));
            while (original.repeat()) {
                original = out.get(at - 50 - random.nextInt(100));
            }
            out.add(at, new Delivery(-1 - r, original.ticket(), original.invocation(), true));
        }
        return out;
    }

    /** Sends in order on eight threads, each delivery to the next replica in turn, failing over as a balancer does. */
    private static void send(List<ServeHarness> harnesses, boolean[] dead, List<Delivery> batch,
                             Map<Delivery, Integer> status, Map<String, HttpRequest> signed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Delivery d = batch.get(i);
                int first = i % harnesses.size();
                sent.add(pool.submit(() -> {
                    for (int t = 0; t < 3 * harnesses.size(); t++) {
                        int r = (first + t) % harnesses.size();
                        if (dead[r]) {
                            continue;
                        }
                        ServeHarness h = harnesses.get(r);
                        // a repeat is the very delivery again (same signed timestamp and body); the
                        // delivery id is a hash of both, the invocation id header is not signed
                        HttpRequest original = signed.computeIfAbsent(d.invocation(), k -> h.signed(
                                "{\"ticket_id\":\"" + d.ticket() + "\",\"event\":\"updated\",\"actor_id\":\"1"
                                        + d.ticket() + "\",\"detail\":\"" + k + "\"}", k, Instant.now()));
                        HttpRequest req = HttpRequest.newBuilder(original, (n, v) -> true).uri(h.webhookEndpoint())
                                .build();
                        try {
                            HttpResponse<String> resp = h.send(req);
                            if (resp.statusCode() / 100 == 2) {
                                status.put(d, resp.statusCode());
                                return null;
                            }
                            status.put(d, resp.statusCode());
                        } catch (IOException e) {
                            status.put(d, -1);
                        }
                    }
                    return null;
                }));
                if (i % 40 == 39) {
                    // keep repeats behind their originals: wait for this slice before the next
                    for (Future<?> f : sent) {
                        f.get();
                    }
                    sent.clear();
                }
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static boolean allNoted(FakeZendesk zendesk) {
        for (int i = 0; i < TICKETS; i++) {
            if (notesByDeskAssist(zendesk, String.valueOf(FIRST + i)) < 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs of one replica on one ticket start with its fetch (ticket.show) and end with its last
     * request before its next fetch; a request of another replica inside such a run is an overlap.
     */
    static List<String> overlaps(List<Seen> log) {
        Map<String, List<Seen>> byTicket = new HashMap<>();
        log.stream().filter(s -> !s.ticket().isEmpty())
                .forEach(s -> byTicket.computeIfAbsent(s.ticket(), k -> new ArrayList<>()).add(s));
        List<String> out = new CopyOnWriteArrayList<>();
        byTicket.forEach((ticket, calls) -> {
            calls.sort((a, b) -> Long.compare(a.nanos(), b.nanos()));
            for (int i = 0; i < calls.size(); i++) {
                Seen s = calls.get(i);
                if (!FakeZendesk.SHOW.equals(s.route())) {
                    continue;
                }
                // this run's last request: the replica's last call before its next fetch
                int last = i;
                for (int j = i + 1; j < calls.size(); j++) {
                    Seen n = calls.get(j);
                    if (n.replica().equals(s.replica())) {
                        if (FakeZendesk.SHOW.equals(n.route())) {
                            break;
                        }
                        last = j;
                    }
                }
                for (int j = i + 1; j < last; j++) {
                    if (!calls.get(j).replica().equals(s.replica())) {
                        out.add("ticket " + ticket + ": another replica's " + calls.get(j).route() + " inside a run");
                        break;
                    }
                }
            }
        });
        return out;
    }

    /** The most requests that arrived within any one second. */
    static int peakPerSecond(List<Seen> log) {
        long[] t = log.stream().mapToLong(Seen::nanos).sorted().toArray();
        int peak = 0;
        int from = 0;
        for (int to = 0; to < t.length; to++) {
            while (t[to] - t[from] >= 1_000_000_000L) {
                from++;
            }
            peak = Math.max(peak, to - from + 1);
        }
        return peak;
    }
}

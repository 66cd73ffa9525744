package dev.deskassist.examples.it;

import static dev.deskassist.examples.it.ServeHarness.await;
import static dev.deskassist.examples.it.ServeHarness.notesByDeskAssist;
import static dev.deskassist.examples.it.ServeHarness.repliesByDeskAssist;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.examples.server.ChildJvm;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} from the packaged jar, ended the hard way (SIGKILL, as in a crash or an OOM kill)
 * and the polite way (SIGTERM, as in a deployment), against a slow fake Zendesk so that work is
 * in progress when it ends. Every delivery answered 2xx must end up applied exactly once after a
 * restart on the same data directory: none lost, none doubled.
 */
class CrashIT {

    private static final int TICKETS = 60;
    private static final int FIRST = 2001;

    @Test
    @Timeout(150)
    void killedMidWayLosesNothingAndDoublesNothingAfterRestart(@TempDir Path dir) throws Exception {
        // every call to the fake takes 150 ms (answered after the change is applied, the hard case)
        FakeZendesk.Faults slow = new FakeZendesk.Faults(0, 0, 1.0, Duration.ofMillis(150), 0, 3);
        try (FakeZendesk zendesk = new FakeZendesk(slow)) {
            ServeHarness.addTickets(zendesk, FIRST, TICKETS);
            ServeHarness h = new ServeHarness(dir, zendesk, "deskassist.workers", "3");
            List<String> ids = IntStream.range(0, TICKETS).mapToObj(i -> String.valueOf(FIRST + i)).toList();

            int appliedAtKill;
            try (ChildJvm serve = h.startServe()) {
                Instant now = Instant.now();
                List<Integer> statuses = sendAll(h, ids, now);
                assertEquals(List.of(202), statuses.stream().distinct().toList(), "every delivery accepted");

                await(() -> applied(zendesk, ids) >= 6, Duration.ofSeconds(60), "some tickets applied", serve);
                assertEquals(137, serve.kill(), "SIGKILL");
                appliedAtKill = applied(zendesk, ids);
            }
            assertTrue(appliedAtKill < TICKETS, "killed mid-way, " + appliedAtKill + " of " + TICKETS + " applied");

            try (ChildJvm again = h.startServe()) {
                // a crashed process's claims come back when their lease (3 s here) has expired
                await(() -> ids.stream().allMatch(id -> notesByDeskAssist(zendesk, id) >= 1),
                        Duration.ofSeconds(90), "every accepted ticket has its note", again);
                await(h::idle, Duration.ofSeconds(30), "nothing pending", again);
                assertEquals(0, h.health().getJsonNumber("deadLetters").longValue(), again.output());
                assertEquals(0, ServeHarness.sigterm(again, Duration.ofSeconds(30)), "SIGTERM ends serve with 0");
                // a run whose update reached Zendesk just before the kill is repeated and finds nothing to change
                long unchanged = again.output().lines().filter(l -> l.contains(": UNCHANGED (")).count();
                System.out.printf("crash: killed with %d of %d tickets applied; after the restart %d repeated runs "
                        + "found their changes already there%n", appliedAtKill, TICKETS, unchanged);
            }
            for (String id : ids) {
                assertEquals(1, notesByDeskAssist(zendesk, id), "ticket " + id + ": exactly one internal note");
                assertTrue(repliesByDeskAssist(zendesk, id) <= 1, "ticket " + id + ": no reply twice");
                assertTrue(zendesk.tags(id).contains("deskassist_processed"), "ticket " + id + " marked: "
                        + zendesk.tags(id));
                assertTrue(zendesk.appliedUpdates(id) >= 1 && zendesk.appliedUpdates(id) <= 2,
                        "ticket " + id + ": " + zendesk.appliedUpdates(id) + " updates");
            }
            // one update per ticket and plan: the runs repeated after the crash found their changes already there
            long twice = ids.stream().filter(id -> zendesk.appliedUpdates(id) > updatesPerPlan(zendesk, id)).count();
            assertEquals(0, twice, "no ticket updated more often than its plan needs");
        }
    }

    @Test
    @Timeout(150)
    void terminatedWhileBusyAnswers503ExitsZeroAndTheRestartFinishes(@TempDir Path dir) throws Exception {
        // every call takes 700 ms: a run (ticket, comments, update) is in progress for about 2 s
        FakeZendesk.Faults slow = new FakeZendesk.Faults(0, 0, 1.0, Duration.ofMillis(700), 0, 5);
        int tickets = 12;
        try (FakeZendesk zendesk = new FakeZendesk(slow)) {
            ServeHarness.addTickets(zendesk, 3001, tickets + 1);
            ServeHarness h = new ServeHarness(dir, zendesk, "deskassist.workers", "2",
                    "deskassist.stopDeadline", "8s", "deskassist.unavailableRetryAfter", "7s");
            List<String> ids = IntStream.range(0, tickets).mapToObj(i -> String.valueOf(3001 + i)).toList();
            String late = String.valueOf(3001 + tickets);

            try (ChildJvm serve = h.startServe()) {
                assertEquals(List.of(202), sendAll(h, ids, Instant.now()).stream().distinct().toList());
                // both workers are mid-run once the first ticket was fetched
                await(() -> zendesk.calls().size() >= 2, Duration.ofSeconds(30), "work in progress", serve);

                long start = System.nanoTime();
                CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                    try {
                        return ServeHarness.sigterm(serve, Duration.ofSeconds(60));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                HttpResponse<String> refused = null;
                List<String> seen = new ArrayList<>();
                while (!exit.isDone() && refused == null) {
                    try {
                        HttpResponse<String> r = h.send(h.signed(ServeHarness.body(late, "created"), "late",
                                Instant.now()));
                        // 2xx only while the signal is on its way; from then on every call is refused
                        seen.add(r.statusCode() + " " + r.body());
                        if (r.statusCode() == 503) {
                            refused = r;
                        } else {
                            assertTrue(r.statusCode() == 202 || r.statusCode() == 200, r.statusCode() + " " + r.body());
                        }
                    } catch (java.io.IOException closed) {
                        seen.add(closed.toString());
                        break;
                    }
                    Thread.sleep(20);
                }
                assertTrue(refused != null, "a webhook sent while stopping is answered 503: " + seen + "; exit "
                        + (exit.isDone() ? exit.get() : "pending") + "; output:\n" + serve.output());
                assertEquals("7", refused.headers().firstValue("Retry-After").orElse(null), refused.headers().toString());
                assertTrue(refused.body().contains("unavailable"), refused.body());

                assertEquals(0, exit.get(), "SIGTERM ends serve with exit 0; output:\n" + serve.output());
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(took.compareTo(Duration.ofSeconds(8 + 2 + 5)) < 0, "stopped within the deadline: " + took);
                assertTrue(serve.output().contains("events pending in"), serve.output());
            }
            int appliedAtStop = applied(zendesk, ids);
            assertTrue(appliedAtStop < tickets, "work was left pending: " + appliedAtStop + " of " + tickets);

            try (ChildJvm again = h.startServe()) {
                // the sender delivers the refused webhook again after Retry-After
                assertEquals(202, h.send(h.signed(ServeHarness.body(late, "created"), "late",
                        Instant.now())).statusCode());
                List<String> all = new ArrayList<>(ids);
                all.add(late);
                await(() -> all.stream().allMatch(id -> notesByDeskAssist(zendesk, id) >= 1), Duration.ofSeconds(90),
                        "the restart finishes the rest", again);
                await(h::idle, Duration.ofSeconds(30), "nothing pending", again);
                assertEquals(0, ServeHarness.sigterm(again, Duration.ofSeconds(30)));
                for (String id : all) {
                    assertEquals(1, notesByDeskAssist(zendesk, id), "ticket " + id + ": exactly one note");
                    assertFalse(zendesk.appliedUpdates(id) > updatesPerPlan(zendesk, id), "ticket " + id
                            + " updated twice");
                }
            }
        }
    }

    /** Sends one signed delivery per ticket, eight at a time; the statuses in ticket order. */
    private static List<Integer> sendAll(ServeHarness h, List<String> ids, Instant signedAt) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (String id : ids) {
                HttpRequest r = h.signed(ServeHarness.body(id, "created"), "inv-" + id, signedAt);
                sent.add(senders.submit(() -> h.send(r).statusCode()));
            }
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : sent) {
                out.add(f.get());
            }
            return out;
        } finally {
            senders.shutdownNow();
        }
    }

    private static int applied(FakeZendesk zendesk, List<String> ids) {
        return (int) ids.stream().filter(id -> zendesk.appliedUpdates(id) > 0).count();
    }

    /** A plan is one update, or two when it also sends a public reply (Zendesk needs a second update for it). */
    private static int updatesPerPlan(FakeZendesk zendesk, String id) {
        return repliesByDeskAssist(zendesk, id) > 0 ? 2 : 1;
    }
}

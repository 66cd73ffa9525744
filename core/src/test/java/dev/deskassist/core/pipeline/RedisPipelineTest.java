package dev.deskassist.core.pipeline;

import static dev.deskassist.core.pipeline.PipelineFixture.HELPDESK;
import static dev.deskassist.core.pipeline.PipelineFixture.await;
import static dev.deskassist.core.pipeline.PipelineFixture.fast;
import static dev.deskassist.core.pipeline.PipelineFixture.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.adapter.WriteLedger;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.pipeline.Acceptance.Outcome;
import dev.deskassist.core.pipeline.redis.RedisEventStore;
import dev.deskassist.core.pipeline.redis.RedisServerProcess;
import dev.deskassist.core.pipeline.redis.RedisStoreSettings;
import dev.deskassist.core.writeback.WriteBack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pipeline on a real redis-server: what happens when Redis goes away, and when a lease is taken over. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private RedisServerProcess server;
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private DeskAssist assist;

    @BeforeEach
    void start() {
        server = RedisServerProcess.start();
        assist = PipelineFixture.deskAssist(r -> { });
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        assist.close();
        server.close();
    }

    private RedisEventStore store() {
        RedisEventStore s = RedisEventStore.open(RedisStoreSettings.builder(server.url())
                .commandTimeout(Duration.ofSeconds(1))
                // entries read but not yet routed when Redis died are taken over after this
                .intakeIdle(Duration.ofSeconds(1)).build());
        open.add(0, s);
        return s;
    }

    private Pipeline pipeline(HelpdeskAdapter adapter, EventStore store, java.time.Clock clock) {
        Pipeline p = Pipeline.builder().adapter(adapter, PipelineFixture.guard()).assist(assist).store(store)
                .settings(fast().unavailableRetryAfter(Duration.ofSeconds(7)).build()).clock(clock).build();
        open.add(0, () -> p.stop(Duration.ofSeconds(2)));
        return p;
    }

    @Test
    void redisDownAnswers503WithRetryAfterPausesProcessingAndBothResumeAfterRestart() {
        TestHelpdesk helpdesk = new TestHelpdesk(HELPDESK);
        helpdesk.circuit = () -> "OPEN";
        Pipeline p = pipeline(helpdesk, store(), java.time.Clock.systemUTC()).start();
        for (int i = 1; i <= 5; i++) {
            assertEquals(Outcome.ACCEPTED, p.accept(HELPDESK, webhook("t" + i, "d-" + i)).outcome());
        }

        server.kill();
        helpdesk.circuit = () -> "CLOSED";
        Acceptance refused = p.accept(HELPDESK, webhook("t6", "d-6"));
        assertEquals(503, refused.status());
        assertEquals(Outcome.UNAVAILABLE, refused.outcome());
        assertEquals(Duration.ofSeconds(7), refused.retryAfterValue().orElseThrow());
        assertFalse(p.health().accepting());
        sleep(300);
        assertEquals(0, helpdesk.totalApplies(), "no work while the store does not answer");

        server.restart();
        await("accepting again", WAIT, () -> p.accept(HELPDESK, webhook("t6", "d-6")).isSuccess());
        assertTrue(p.awaitIdle(WAIT));
        for (int i = 1; i <= 6; i++) {
            assertEquals(1, helpdesk.applyCount("t" + i), "t" + i);
        }
        assertEquals(Outcome.DUPLICATE, p.accept(HELPDESK, webhook("t1", "d-1")).outcome());
    }

    @Test
    void aReplicaWhoseLeaseWasTakenOverNeverWrites() throws Exception {
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        LedgerHelpdesk stale = new LedgerHelpdesk();
        LedgerHelpdesk fresh = new LedgerHelpdesk();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        stale.delegate.blockFetch.put("42", release);
        stale.delegate.fetchEntered.put("42", entered);

        // the stale replica's clock stands still (a long pause): its renewals never reach past the other's now
        Pipeline a = pipeline(stale, store(), new MutableClock(t0)).start();
        assertEquals(Outcome.ACCEPTED, a.accept(HELPDESK, webhook("42", "d-1")).outcome());
        assertTrue(entered.await(10, TimeUnit.SECONDS));

        Pipeline b = pipeline(fresh, store(), new MutableClock(t0.plus(Duration.ofMinutes(10)))).start();
        await("the other replica took over and wrote", WAIT, () -> fresh.writes.size() == 1);
        release.countDown();
        await("the stale run ended", WAIT, () -> stale.refused.size() == 1);
        assertTrue(b.awaitIdle(WAIT));

        assertEquals(List.of(), stale.writes, "the stale replica wrote nothing");
        assertEquals(1, fresh.writes.size());
        assertEquals(0, b.store().pendingEvents());
        assertEquals(Map.of("priority", "HIGH"), b.store().writeLedger().written(TicketRef.of(HELPDESK, "42")));
    }

    /** Reads the ledger before it writes and records after, as the write-back routine does; counts writes. */
    private static final class LedgerHelpdesk implements HelpdeskAdapter {
        final TestHelpdesk delegate = new TestHelpdesk(HELPDESK);
        final List<String> writes = new CopyOnWriteArrayList<>();
        final List<String> refused = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return HELPDESK;
        }

        @Override
        public TicketEvent parseWebhook(WebhookRequest request) {
            return delegate.parseWebhook(request);
        }

        @Override
        public Ticket fetch(TicketRef ref) {
            return delegate.fetch(ref);
        }

        @Override
        public ApplyResult apply(TicketRef ref, Ticket basis, WriteBack plan) {
            throw new UnsupportedOperationException("the pipeline passes its ledger");
        }

        @Override
        public ApplyResult apply(TicketRef ref, Ticket basis, WriteBack plan, WriteLedger ledger) {
            try {
                ledger.written(ref);
            } catch (StoreException e) {
                refused.add(e.getMessage());
                throw e;
            }
            writes.add(ref.ticketId());
            ledger.record(ref, Map.of("priority", "HIGH"));
            return delegate.apply(ref, basis, plan);
        }

        @Override
        public String circuitState() {
            return "CLOSED";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

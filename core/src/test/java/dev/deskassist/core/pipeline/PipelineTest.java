package dev.deskassist.core.pipeline;

import static dev.deskassist.core.pipeline.PipelineFixture.HELPDESK;
import static dev.deskassist.core.pipeline.PipelineFixture.await;
import static dev.deskassist.core.pipeline.PipelineFixture.fast;
import static dev.deskassist.core.pipeline.PipelineFixture.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WriteBackException;
import dev.deskassist.core.audit.AuditSink;
import dev.deskassist.core.audit.DecisionRecord;
import dev.deskassist.core.audit.WriteOutcome;
import dev.deskassist.core.http.ErrorDetails;
import dev.deskassist.core.http.RateLimitedException;
import dev.deskassist.core.http.ServerErrorException;
import dev.deskassist.core.http.UnavailableException;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.pipeline.Acceptance.Outcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final TestHelpdesk helpdesk = new TestHelpdesk(HELPDESK);
    private final List<DecisionRecord> audit = new CopyOnWriteArrayList<>();
    private final List<DecisionRecord> assistAudit = new CopyOnWriteArrayList<>();
    private final List<PipelineRun> runs = new CopyOnWriteArrayList<>();
    private final List<DeadLetterEntry> deadLettered = new CopyOnWriteArrayList<>();
    private final List<Instant> retryDue = new CopyOnWriteArrayList<>();
    private SqliteEventStore store;
    private DeskAssist assist;
    private Pipeline pipeline;

    @BeforeEach
    void open() {
        store = SqliteEventStore.open(dir);
        assist = PipelineFixture.deskAssist(assistAudit::add);
    }

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.stop(Duration.ofSeconds(5));
        }
        store.close();
        assist.close();
    }

    private Pipeline pipeline(PipelineSettings settings) {
        return pipeline(store, settings);
    }

    private Pipeline pipeline(EventStore on, PipelineSettings settings) {
        pipeline = Pipeline.builder()
                .adapter(helpdesk, PipelineFixture.guard())
                .assist(assist)
                .store(on)
                .settings(settings)
                .auditSink(audit::add)
                .clock(clock)
                .listener(new PipelineListener() {
                    @Override
                    public void processed(PipelineRun run, Ticket ticket, Assistance assistance, ApplyResult result,
                                          WriteOutcome outcome) {
                        runs.add(run);
                    }

                    @Override
                    public void retryScheduled(PipelineRun run, Instant due, String failure) {
                        retryDue.add(due);
                    }

                    @Override
                    public void deadLettered(PipelineRun run, DeadLetterEntry entry) {
                        deadLettered.add(entry);
                    }
                })
                .build();
        return pipeline;
    }

    @Test
    void acceptedEventIsPersistedProcessedAndAppliedOnce() {
        Pipeline p = pipeline(fast().build()).start();

        Acceptance a = p.accept(HELPDESK, webhook("42", "d-1"));

        assertEquals(202, a.status());
        assertEquals(Outcome.ACCEPTED, a.outcome());
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(1, helpdesk.applyCount("42"));
        assertEquals(1, helpdesk.fetchCount("42"));
        // the loop guard's marker is on the applied plan, beside the planner's tag
        assertTrue(helpdesk.plans.get(0).tagsToAdd().containsAll(List.of("da_billing", PipelineFixture.MARKER)));
        assertEquals(0, store.pendingEvents());
        assertEquals(1, p.health().counters().get("processed"));
        assertEquals(1, p.health().counters().get("accepted"));
    }

    @Test
    void duplicateDeliveryIsAnswered200AndNotProcessedAgainAlsoAfterRestart() {
        Pipeline p = pipeline(fast().build()).start();
        assertEquals(Outcome.ACCEPTED, p.accept(HELPDESK, webhook("42", "d-1")).outcome());
        assertTrue(p.awaitIdle(WAIT));

        Acceptance again = p.accept(HELPDESK, webhook("42", "d-1"));
        assertEquals(200, again.status());
        assertEquals(Outcome.DUPLICATE, again.outcome());

        // restart: a new pipeline on the store reopened from the same directory
        p.stop(Duration.ofSeconds(5));
        store.close();
        store = SqliteEventStore.open(dir);
        Pipeline restarted = pipeline(fast().build()).start();
        Acceptance afterRestart = restarted.accept(HELPDESK, webhook("42", "d-1"));
        assertEquals(Outcome.DUPLICATE, afterRestart.outcome());
        assertEquals(Outcome.ACCEPTED, restarted.accept(HELPDESK, webhook("42", "d-2")).outcome());
        assertTrue(restarted.awaitIdle(WAIT));
        assertEquals(2, helpdesk.applyCount("42"));
    }

    @Test
    void deliveryIdIsForgottenAfterTheDedupeWindow() {
        Pipeline p = pipeline(fast().dedupeWindow(Duration.ofHours(1)).build());
        assertEquals(Outcome.ACCEPTED, p.accept(HELPDESK, webhook("42", "d-1")).outcome());
        clock.advance(Duration.ofMinutes(59));
        assertEquals(Outcome.DUPLICATE, p.accept(HELPDESK, webhook("42", "d-1")).outcome());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(Outcome.ACCEPTED, p.accept(HELPDESK, webhook("42", "d-1")).outcome());
    }

    @Test
    void storeThatCannotPersistAnswers503AndNothingIsProcessed() throws Exception {
        store.close();
        store = SqliteEventStore.open(dir, Duration.ofMillis(100));
        Pipeline p = pipeline(fast().build()).start();
        // another process holds the write lock for longer than the busy timeout
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + store.file());
             Statement st = other.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");
            Acceptance a = p.accept(HELPDESK, webhook("42", "d-1"));
            assertEquals(503, a.status());
            assertEquals(Outcome.UNAVAILABLE, a.outcome());
            assertEquals(Duration.ofSeconds(30), a.retryAfterValue().orElseThrow());
            assertFalse(p.health().accepting());
            st.execute("ROLLBACK");
        }
        assertEquals(0, store.pendingEvents());
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(0, helpdesk.fetchCount("42"));

        // the sender's retry of the same delivery is not a duplicate: nothing was kept the first time
        Acceptance retried = p.accept(HELPDESK, webhook("42", "d-1"));
        assertEquals(Outcome.ACCEPTED, retried.outcome());
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(1, helpdesk.applyCount("42"));
        assertTrue(p.health().accepting());
    }

    @Test
    void closedStoreAnswers503() {
        Pipeline p = pipeline(fast().build());
        store.close();
        Acceptance a = p.accept(HELPDESK, webhook("42", "d-1"));
        assertEquals(503, a.status());
        assertTrue(a.retryAfterValue().isPresent());
    }

    @Test
    void retryAfterOfAnHourIsHonouredNotResentEarly() {
        Pipeline p = pipeline(fast().build()).start();
        Instant t0 = clock.instant();
        helpdesk.failNextFetch("42", new RateLimitedException(HELPDESK, "GET", "/tickets/42", Duration.ofSeconds(3600),
                ErrorDetails.NONE));

        p.accept(HELPDESK, webhook("42", "d-1"));
        await("the retry to be scheduled", WAIT, () -> retryDue.size() == 1);

        assertEquals(t0.plusSeconds(3600), retryDue.get(0));
        PendingTicket pending = store.pending(10).get(0);
        assertEquals(t0.plusSeconds(3600), pending.dueAt());
        assertEquals(1, pending.attempts());
        clock.advance(Duration.ofMinutes(59));
        assertFalse(p.awaitIdle(Duration.ofMillis(200)), "retried before Retry-After passed");
        assertEquals(1, helpdesk.fetchCount("42"));

        clock.advance(Duration.ofMinutes(1));
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(2, helpdesk.fetchCount("42"));
        assertEquals(1, helpdesk.applyCount("42"));
    }

    @Test
    void aRateLimitHoldsTheWholeHelpdeskUntilRetryAfterNotJustOneTicket() {
        Pipeline p = pipeline(fast().build()).start();
        helpdesk.failNextFetch("42", new RateLimitedException(HELPDESK, "GET", "/tickets/42", Duration.ofSeconds(600),
                ErrorDetails.NONE));
        p.accept(HELPDESK, webhook("42", "d-1"));
        await("the retry to be scheduled", WAIT, () -> retryDue.size() == 1);

        // the budget is the account's: another ticket must not spend the next request on a certain 429
        p.accept(HELPDESK, webhook("43", "d-2"));
        assertFalse(p.awaitIdle(Duration.ofMillis(300)), "work went on while the helpdesk asked to wait");
        assertEquals(0, helpdesk.fetchCount("43"));

        clock.advance(Duration.ofMinutes(10));
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(1, helpdesk.applyCount("43"));
        assertEquals(1, helpdesk.applyCount("42"));
    }

    @Test
    void retryAfterIsCappedAtMaxRetryAfter() {
        Pipeline p = pipeline(fast().maxRetryAfter(Duration.ofHours(2)).build()).start();
        Instant t0 = clock.instant();
        helpdesk.failNextFetch("42", new RateLimitedException(HELPDESK, "GET", "/tickets/42", Duration.ofDays(3),
                ErrorDetails.NONE));
        p.accept(HELPDESK, webhook("42", "d-1"));
        await("the retry to be scheduled", WAIT, () -> retryDue.size() == 1);
        assertEquals(t0.plus(Duration.ofHours(2)), retryDue.get(0));
    }

    @Test
    void transientFailuresBackOffAndGiveUpAfterTheHorizon() {
        Pipeline p = pipeline(fast().retryHorizon(Duration.ofHours(1)).build()).start();
        Instant t0 = clock.instant();
        helpdesk.fetchRule = ref -> new ServerErrorException(HELPDESK, 502, "GET", "/tickets/" + ref.ticketId(),
                ErrorDetails.NONE);
        p.accept(HELPDESK, webhook("42", "d-1"));
        await("the first retry", WAIT, () -> retryDue.size() == 1);
        Duration first = Duration.between(t0, retryDue.get(0));
        assertTrue(first.compareTo(Duration.ofSeconds(15)) >= 0 && first.compareTo(Duration.ofSeconds(30)) <= 0,
                "first backoff " + first);
        clock.advance(first);
        await("the second retry", WAIT, () -> retryDue.size() == 2);
        Duration second = Duration.between(clock.instant(), retryDue.get(1));
        assertTrue(second.compareTo(Duration.ofSeconds(30)) >= 0 && second.compareTo(Duration.ofSeconds(60)) <= 0,
                "second backoff " + second);

        clock.advance(Duration.ofHours(2));
        await("the dead letter", WAIT, () -> deadLettered.size() == 1);
        DeadLetterEntry dead = deadLettered.get(0);
        assertEquals(DeadLetterReason.Kind.RETRIES_EXHAUSTED, dead.reason().kind());
        assertEquals(3, dead.attempts());
        assertTrue(dead.reason().message().contains("HTTP 502"), dead.reason().message());
        assertEquals(0, helpdesk.totalApplies());
        assertTrue(p.awaitIdle(WAIT));
    }

    @Test
    void outageLongerThanTheCircuitsOpenTimeWaitsAndAppliesEverythingAfter() {
        Duration openFor = Duration.ofSeconds(30);
        Instant outageEnds = clock.instant().plus(Duration.ofMinutes(10));
        AtomicReference<Instant> openUntil = new AtomicReference<>();
        helpdesk.circuit = TestHelpdesk.openUntil(clock, openUntil);
        helpdesk.fetchRule = ref -> {
            Instant now = clock.instant();
            if (openUntil.get() != null && now.isBefore(openUntil.get())) {
                return new UnavailableException(HELPDESK, "GET", "/tickets/" + ref.ticketId(), "circuit open", null);
            }
            if (now.isBefore(outageEnds)) {
                openUntil.set(now.plus(openFor));
                return new ServerErrorException(HELPDESK, 503, "GET", "/tickets/" + ref.ticketId(), ErrorDetails.NONE);
            }
            return null;
        };
        Pipeline p = pipeline(fast().build()).start();
        for (int i = 1; i <= 5; i++) {
            assertEquals(Outcome.ACCEPTED, p.accept(HELPDESK, webhook("T" + i, "d-" + i)).outcome());
        }
        // ten minutes of outage, then up to two hours for the backoff to come round, in 30-s steps
        for (int step = 0; step < 260 && helpdesk.totalApplies() < 5; step++) {
            clock.advance(Duration.ofSeconds(30));
            sleepBriefly();
        }
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(5, helpdesk.totalApplies());
        assertTrue(deadLettered.isEmpty(), "dead-lettered during an outage: " + deadLettered);
        assertEquals(0, store.deadLetters().count());
        // the open circuit held the events back instead of spending attempts on every poll
        int calls = helpdesk.fetches.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum();
        assertTrue(calls < 60, "fetch calls during the outage: " + calls);
        assertFalse(retryDue.isEmpty(), "the outage was met");
        runs.forEach(r -> assertFalse(r.startedAt().isBefore(outageEnds), "applied during the outage"));
    }

    @Test
    void permanentlyFailingTicketIsDeadLetteredAtOnceWhileOthersAreApplied() {
        helpdesk.missing.add("404");
        Pipeline p = pipeline(fast().build()).start();

        p.accept(HELPDESK, webhook("404", "d-0"));
        p.accept(HELPDESK, webhook("1", "d-1"));
        p.accept(HELPDESK, webhook("2", "d-2"));

        assertTrue(p.awaitIdle(WAIT));
        assertEquals(1, helpdesk.fetchCount("404"));
        assertEquals(1, helpdesk.applyCount("1"));
        assertEquals(1, helpdesk.applyCount("2"));
        List<DeadLetterEntry> dead = p.deadLetters().list(DeadLetterQuery.all());
        assertEquals(1, dead.size());
        DeadLetterEntry e = dead.get(0);
        assertEquals("404", e.ticketId());
        assertEquals(HELPDESK, e.helpdesk());
        assertEquals(TicketEvent.Type.UPDATED, e.eventType());
        assertEquals(DeadLetterReason.Kind.NOT_FOUND, e.reason().kind());
        assertEquals(1, e.attempts());
        assertNotNull(e.firstReceived());
        assertNotNull(e.deadLetteredAt());
    }

    @Test
    void rejectedWriteBackIsDeadLetteredAndAuditedAsRejected() {
        TicketRef ref = TicketRef.of(HELPDESK, "9");
        helpdesk.applyFailures.put("9", new WriteBackException(ref, WriteBackException.Kind.REJECTED,
                "HTTP 422 RecordInvalid", null, null));
        Pipeline p = pipeline(fast().build()).start();
        p.accept(HELPDESK, webhook("9", "d-1"));
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(DeadLetterReason.Kind.REJECTED, deadLettered.get(0).reason().kind());
        DecisionRecord r = audit.get(0);
        assertEquals(WriteOutcome.REJECTED, r.outcome());
        assertEquals(HELPDESK, r.helpdesk());
        assertTrue(r.decision("category").isPresent(), "the decision is kept beside the outcome");
    }

    @Test
    void unexpectedExceptionIsDeadLetteredWithItsClassName() {
        helpdesk.failNextFetch("5", new IllegalStateException("text that may quote the ticket"));
        Pipeline p = pipeline(fast().build()).start();
        p.accept(HELPDESK, webhook("5", "d-1"));
        assertTrue(p.awaitIdle(WAIT));
        DeadLetterReason reason = deadLettered.get(0).reason();
        assertEquals(DeadLetterReason.Kind.UNEXPECTED, reason.kind());
        assertEquals(IllegalStateException.class.getName(), reason.message());
    }

    @Test
    void eventsForABusyTicketCoalesceIntoOneRerun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        helpdesk.blockFetch.put("7", release);
        helpdesk.fetchEntered.put("7", entered);
        Pipeline p = pipeline(fast().workers(2).build()).start();

        p.accept(HELPDESK, webhook("7", "d-0"));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        for (int i = 1; i <= 5; i++) {
            assertEquals(Outcome.ACCEPTED, p.accept(HELPDESK, webhook("7", "d-" + i)).outcome());
        }
        // another ticket is not held up by the busy one
        p.accept(HELPDESK, webhook("8", "d-8"));
        await("ticket 8 applied while 7 is busy", WAIT, () -> helpdesk.applyCount("8") == 1);
        assertEquals(1, helpdesk.fetchCount("7"));

        release.countDown();
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(2, helpdesk.fetchCount("7"));
        assertEquals(2, helpdesk.applyCount("7"));
        List<Integer> folded = runs.stream().filter(r -> r.ref().ticketId().equals("7")).map(PipelineRun::events)
                .toList();
        assertEquals(List.of(1, 5), folded);
    }

    @Test
    void eventsPendingWhenATicketIsClaimedAreFoldedIntoOneRun() {
        Pipeline p = pipeline(fast().build());
        for (int i = 0; i < 4; i++) {
            p.accept(HELPDESK, webhook("9", "d-" + i));
        }
        p.enqueue(TicketRef.of(HELPDESK, "9"), TicketEvent.Type.COMMENT_ADDED);
        p.start();
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(1, helpdesk.fetchCount("9"));
        assertEquals(1, runs.size());
        assertEquals(5, runs.get(0).events());
        assertEquals(TicketEvent.Type.COMMENT_ADDED, runs.get(0).types().get(4));
    }

    @Test
    void gracefulStopFinishesInFlightAndLeavesTheRestForTheNextPipeline() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        helpdesk.blockFetch.put("A", release);
        helpdesk.fetchEntered.put("A", entered);
        Pipeline p = pipeline(fast().workers(1).build()).start();
        p.accept(HELPDESK, webhook("A", "d-a"));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        p.accept(HELPDESK, webhook("B", "d-b"));
        p.accept(HELPDESK, webhook("C", "d-c"));

        Thread stopper = new Thread(() -> p.stop(Duration.ofSeconds(10)));
        stopper.start();
        await("stop to begin", WAIT, () -> !p.health().accepting());
        Acceptance refused = p.accept(HELPDESK, webhook("D", "d-d"));
        assertEquals(503, refused.status());
        assertTrue(refused.retryAfterValue().isPresent());
        release.countDown();
        stopper.join(10_000);
        assertFalse(stopper.isAlive());

        assertEquals(1, helpdesk.applyCount("A"), "the in-flight run finished");
        assertEquals(0, helpdesk.fetchCount("B"));
        assertEquals(2, store.pendingEvents(), "B and C stay pending");

        store.close();
        store = SqliteEventStore.open(dir);
        Pipeline next = pipeline(fast().build()).start();
        assertTrue(next.awaitIdle(WAIT));
        assertEquals(1, helpdesk.applyCount("B"));
        assertEquals(1, helpdesk.applyCount("C"));
        assertEquals(0, helpdesk.fetchCount("D"), "nothing was accepted while stopping");
    }

    @Test
    void runStillGoingAtTheStopDeadlineIsGivenBackNotLost() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        helpdesk.blockFetch.put("A", release);
        helpdesk.fetchEntered.put("A", entered);
        Pipeline p = pipeline(fast().workers(1).build()).start();
        p.accept(HELPDESK, webhook("A", "d-a"));
        assertTrue(entered.await(10, TimeUnit.SECONDS));

        p.stop(Duration.ofMillis(100));
        release.countDown();

        assertEquals(0, helpdesk.applyCount("A"));
        assertEquals(1, store.pendingEvents());
        PendingTicket a = store.pending(1).get(0);
        assertTrue(a.lease().isEmpty(), "the claim was given back, not left to expire");
        assertEquals(0, a.attempts());

        Pipeline next = pipeline(fast().build()).start();
        assertTrue(next.awaitIdle(WAIT));
        assertEquals(1, helpdesk.applyCount("A"));
    }

    @Test
    void badRequestsAreRefusedBeforeTheyReachTheStore() {
        Pipeline p = pipeline(fast().build()).start();

        Acceptance unknown = p.accept("freshdesk", webhook("1", "d-1"));
        assertEquals(404, unknown.status());
        assertEquals(Outcome.UNKNOWN_HELPDESK, unknown.outcome());
        assertEquals(404, p.accept(null, webhook("1", "d-1")).status());
        assertEquals(400, p.accept(HELPDESK, null).status());

        String deep = "[".repeat(1000) + "]".repeat(1000);
        Acceptance nested = p.accept(HELPDESK, webhook(deep));
        assertEquals(400, nested.status());
        assertEquals(Outcome.MALFORMED, nested.outcome());

        // brackets inside strings do not count, escaped quotes do not end them
        String inString = "{\"ticket_id\":\"3\",\"delivery\":\"d-3\",\"note\":\"\\\"" + "[".repeat(500) + "\"}";
        assertEquals(Outcome.ACCEPTED, p.accept(HELPDESK, webhook(inString)).outcome());

        byte[] huge = new byte[1_000_001];
        java.util.Arrays.fill(huge, (byte) ' ');
        Acceptance tooLarge = p.accept(HELPDESK, PipelineFixture.request(huge,
                java.util.Map.of(TestHelpdesk.SIGNATURE, "valid")));
        assertEquals(413, tooLarge.status());
        assertEquals(Outcome.MALFORMED, tooLarge.outcome());

        Acceptance badSignature = p.accept(HELPDESK, PipelineFixture.request("{\"ticket_id\":\"1\"}".getBytes(),
                java.util.Map.of(TestHelpdesk.SIGNATURE, "forged")));
        assertEquals(401, badSignature.status());
        assertEquals(Outcome.UNAUTHENTICATED, badSignature.outcome());

        Acceptance unsupported = p.accept(HELPDESK, webhook("{\"ticket_id\":\"1\",\"event\":\"ticket.deleted\"}"));
        assertEquals(202, unsupported.status());
        assertEquals(Outcome.IGNORED, unsupported.outcome());

        Acceptance notJson = p.accept(HELPDESK, webhook("not json"));
        assertEquals(400, notJson.status());

        Acceptance adapterBug = p.accept(HELPDESK, PipelineFixture.request("{\"secret\":\"x\"}".getBytes(),
                java.util.Map.of(TestHelpdesk.SIGNATURE, "valid", "X-Test-Explode", "1")));
        assertEquals(400, adapterBug.status());
        assertFalse(adapterBug.body().contains("secret"), adapterBug.body());

        Acceptance ownUpdate = p.accept(HELPDESK, webhook(
                "{\"ticket_id\":\"1\",\"delivery\":\"d-own\",\"actor\":\"integration-user\"}"));
        assertEquals(Outcome.IGNORED, ownUpdate.outcome());
        Acceptance marked = p.accept(HELPDESK, webhook(
                "{\"ticket_id\":\"1\",\"delivery\":\"d-m\",\"tags\":[\"" + PipelineFixture.MARKER + "\"]}"));
        assertEquals(Outcome.IGNORED, marked.outcome());

        assertTrue(p.awaitIdle(WAIT));
        assertEquals(1, helpdesk.totalApplies(), "only the valid event was processed");
        assertEquals(0, helpdesk.fetchCount("1"));
    }

    @Test
    void auditRecordsCarryTheHelpdeskAndTheWriteBackOutcome() {
        helpdesk.applySkipped.put("2", List.of("priority (changed by someone else meanwhile)"));
        helpdesk.missing.add("3");
        Pipeline p = pipeline(fast().build()).start();
        p.accept(HELPDESK, webhook("1", "d-1"));
        p.accept(HELPDESK, webhook("2", "d-2"));
        p.accept(HELPDESK, webhook("3", "d-3"));
        assertTrue(p.awaitIdle(WAIT));

        assertEquals(3, audit.size());
        assertTrue(assistAudit.isEmpty(), "the pipeline's sink replaces DeskAssist's for its runs");
        assertEquals(WriteOutcome.WRITTEN, record("1").outcome());
        assertEquals(WriteOutcome.KEPT_HUMAN, record("2").outcome());
        DecisionRecord missing = record("3");
        assertEquals(WriteOutcome.DEAD_LETTERED, missing.outcome());
        assertTrue(missing.decisions().isEmpty());
        assertTrue(missing.problems().get(0).startsWith("NOT_FOUND"), missing.problems().toString());
        audit.forEach(r -> assertEquals(HELPDESK, r.helpdesk()));
        assertEquals("billing", record("1").decision("category").orElseThrow().value());
    }

    @Test
    void withoutAPipelineAuditSinkDeskAssistRecordsAsBefore() {
        pipeline = Pipeline.builder().adapter(helpdesk, PipelineFixture.guard()).assist(assist).store(store)
                .settings(fast().build()).clock(clock).build().start();
        pipeline.accept(HELPDESK, webhook("1", "d-1"));
        assertTrue(pipeline.awaitIdle(WAIT));
        assertEquals(1, assistAudit.size());
        assertEquals(null, assistAudit.get(0).outcome());
    }

    private DecisionRecord record(String ticketId) {
        return audit.stream().filter(r -> r.ticketId().equals(ticketId)).findFirst().orElseThrow();
    }

    @Test
    void healthReportsCircuitsCountsAndReadiness() {
        helpdesk.circuit = () -> "HALF_OPEN";
        Pipeline p = pipeline(fast().build());
        p.accept(HELPDESK, webhook("1", "d-1"));
        p.accept(HELPDESK, webhook("1", "d-1"));
        PipelineHealth h = p.health();
        assertTrue(h.accepting());
        assertTrue(h.storeUp());
        assertEquals("HALF_OPEN", h.circuits().get(HELPDESK));
        assertEquals(1, h.pending());
        assertEquals(0, h.deadLetters());
        assertEquals(1, h.counters().get("duplicates"));
        p.stop(Duration.ofSeconds(1));
        assertFalse(p.health().accepting());
    }

    @Test
    void enqueueRefusesUnknownHelpdesks() {
        Pipeline p = pipeline(fast().build());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> p.enqueue(TicketRef.of("other", "1"), TicketEvent.Type.UPDATED));
    }

    private static void sleepBriefly() {
        try {
            TimeUnit.MILLISECONDS.sleep(15);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static AuditSink none() {
        return AuditSink.NONE;
    }

    @Test
    void aTicketHandledBeforeIsSkippedUntilTheCustomerWritesAgainAndNotesCarryARunKey() {
        Comment ours = Comment.internalNote(AuthorRole.SYSTEM, "Triage: billing\n\nDeskAssist ref: abc123");
        Comment agent = Comment.of(AuthorRole.AGENT, "Wir kümmern uns darum.");
        helpdesk.tickets.put("5", Ticket.builder("5").description("Doppelt belastet.").addComment(ours)
                .addComment(agent).build());
        Pipeline p = pipeline(fast().build()).start();
        assertEquals(Outcome.ACCEPTED, p.accept(HELPDESK, webhook("5", "d-agent-reply")).outcome());
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(0, helpdesk.totalApplies(), "an agent's reply after our note starts no round");

        Comment followUp = Comment.of(AuthorRole.CUSTOMER, "Es ist immer noch doppelt abgebucht!");
        helpdesk.tickets.put("5", helpdesk.tickets.get("5").toBuilder().addComment(followUp).build());
        assertEquals(Outcome.ACCEPTED, p.accept(HELPDESK, webhook("5", "d-follow-up")).outcome());
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(1, helpdesk.totalApplies(), "the customer's follow-up is triaged again");
        String key = helpdesk.plans.get(0).idempotencyKey();
        assertNotNull(key, "every plan the pipeline applies carries an idempotency key for its note");
        assertTrue(key.matches("[0-9a-f]{16}"), key);
    }

    @Test
    void aPollerEnqueuesEachChangedTicketVersionOnceAndKeepsItsWatermarkAcrossRestarts() {
        Instant seen = clock.instant().plusSeconds(60);
        List<Instant> sinces = new java.util.concurrent.CopyOnWriteArrayList<>();
        helpdesk.poller = new dev.deskassist.core.adapter.TicketPoller() {
            @Override
            public Page poll(Instant since) {
                sinces.add(since);
                // the same version every time: overlapping polls must not enqueue it twice
                return new Page(List.of(new Changed(TicketRef.of(HELPDESK, "9"), "v1")), seen);
            }

            @Override
            public Duration interval() {
                return Duration.ofMillis(50);
            }
        };
        Pipeline p = pipeline(fast().build()).start();
        await("three polls", WAIT, () -> sinces.size() >= 3);
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(1, helpdesk.totalApplies(), "one ticket version, one run");
        assertEquals(seen, sinces.get(sinces.size() - 1), "the watermark moved to the newest change");
        assertEquals(Long.valueOf(1), p.health().counters().get("polled"));
        p.stop(Duration.ofSeconds(5));

        sinces.clear();
        Pipeline again = pipeline(fast().build()).start();
        await("a poll after restart", WAIT, () -> !sinces.isEmpty());
        assertEquals(seen, sinces.get(0), "a restart polls from the stored watermark");
        assertTrue(again.awaitIdle(WAIT));
        assertEquals(1, helpdesk.totalApplies());
        again.stop(Duration.ofSeconds(5));
    }
}

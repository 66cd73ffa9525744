package dev.deskassist.core.pipeline;

import static dev.deskassist.core.pipeline.PipelineFixture.HELPDESK;
import static dev.deskassist.core.pipeline.PipelineFixture.await;
import static dev.deskassist.core.pipeline.PipelineFixture.fast;
import static dev.deskassist.core.pipeline.PipelineFixture.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.audit.AuditSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeadLettersTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final TestHelpdesk helpdesk = new TestHelpdesk(HELPDESK);
    private SqliteEventStore store;
    private DeskAssist assist;
    private Pipeline pipeline;

    @BeforeEach
    void open() {
        store = SqliteEventStore.open(dir);
        assist = PipelineFixture.deskAssist(AuditSink.NONE);
    }

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.stop(Duration.ofSeconds(5));
        }
        store.close();
        assist.close();
    }

    private Pipeline start(PipelineSettings settings) {
        pipeline = Pipeline.builder().adapter(helpdesk, PipelineFixture.guard()).assist(assist).store(store)
                .settings(settings).clock(clock).build().start();
        return pipeline;
    }

    @Test
    void listReplayAndPurgeWithCorruptRowsReportedAndKept() throws Exception {
        helpdesk.missing.addAll(List.of("a", "b"));
        Pipeline p = start(fast().build());
        p.accept(HELPDESK, webhook("a", "d-a"));
        p.accept(HELPDESK, webhook("b", "d-b"));
        assertTrue(p.awaitIdle(WAIT));
        long newerKind = insertRaw("'MERGED'", "1700000000000");
        long unreadable = insertRaw("'UPDATED'", "'yesterday'");

        DeadLetters d = p.deadLetters();
        List<DeadLetterEntry> all = d.list(DeadLetterQuery.all());
        assertEquals(4, all.size());
        DeadLetterEntry corruptKind = all.stream().filter(e -> e.id() == newerKind).findFirst().orElseThrow();
        assertTrue(corruptKind.isCorrupt());
        assertTrue(corruptKind.corruption().contains("MERGED"), corruptKind.corruption());
        assertEquals("c", corruptKind.ticketId());
        assertNull(corruptKind.eventType());
        DeadLetterEntry corruptTime = all.stream().filter(e -> e.id() == unreadable).findFirst().orElseThrow();
        assertTrue(corruptTime.corruption().contains("first_received"), corruptTime.corruption());
        assertEquals(2, all.stream().filter(e -> !e.isCorrupt()).count());
        assertEquals(4, d.list(DeadLetterQuery.helpdesk(HELPDESK)).size());
        assertEquals(0, d.list(DeadLetterQuery.helpdesk("other")).size());
        long idOfA = all.stream().filter(e -> "a".equals(e.ticketId())).findFirst().orElseThrow().id();
        assertEquals(List.of("a"), d.list(DeadLetterQuery.id(idOfA)).stream().map(DeadLetterEntry::ticketId).toList());

        // the tickets exist again: replay all; the corrupt rows neither block the others nor go away
        helpdesk.missing.clear();
        assertEquals(2, d.replay(DeadLetterQuery.all()));
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(1, helpdesk.applyCount("a"));
        assertEquals(1, helpdesk.applyCount("b"));
        List<DeadLetterEntry> left = d.list(DeadLetterQuery.all());
        assertEquals(List.of(newerKind, unreadable), left.stream().map(DeadLetterEntry::id).toList());
        assertTrue(left.stream().allMatch(DeadLetterEntry::isCorrupt));

        assertEquals(0, d.purge(clock.instant().minus(Duration.ofDays(1))), "nothing that old");
        assertEquals(2, d.purge(clock.instant().plusSeconds(1)));
        assertEquals(0, d.count());
    }

    @Test
    void replayedEntryIsRunWithFreshAttempts() {
        helpdesk.missing.add("a");
        Pipeline p = start(fast().build());
        p.accept(HELPDESK, webhook("a", "d-a"));
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(1, helpdesk.fetchCount("a"));
        // still missing: replaying dead-letters it again, attempts counted afresh
        assertEquals(1, p.deadLetters().replay(DeadLetterQuery.helpdesk(HELPDESK)));
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(2, helpdesk.fetchCount("a"));
        DeadLetterEntry again = p.deadLetters().list(DeadLetterQuery.all()).get(0);
        assertEquals(1, again.attempts());
        assertEquals(0, p.deadLetters().replay(DeadLetterQuery.helpdesk("other")));
    }

    @Test
    void replayFromAnotherProcessIsPickedUpByTheRunningWorkers() {
        helpdesk.missing.add("a");
        Pipeline p = start(fast().build());
        p.accept(HELPDESK, webhook("a", "d-a"));
        assertTrue(p.awaitIdle(WAIT));
        helpdesk.missing.clear();

        // a second connection to the same file, as the command line opens it while serve runs
        try (SqliteEventStore cli = SqliteEventStore.open(dir)) {
            List<DeadLetterEntry> listed = cli.deadLetters().list(DeadLetterQuery.all());
            assertEquals(1, listed.size());
            assertEquals(1, cli.deadLetters().replay(DeadLetterQuery.id(listed.get(0).id())));
        }
        // the command line stamped the replay with the real time; the test clock catches up
        clock.advance(Duration.ofMinutes(1));
        await("the replayed event to be applied", WAIT, () -> helpdesk.applyCount("a") == 1);
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(0, store.deadLetters().count());
    }

    @Test
    void theStoreNeverHoldsTheWebhookBody() throws IOException {
        helpdesk.missing.add("404");
        Pipeline p = start(fast().build());
        String secret = "Jana Schmidt IBAN DE89370400440532013000";
        p.accept(HELPDESK, webhook("{\"ticket_id\":\"404\",\"delivery\":\"d-1\",\"comment\":\"" + secret + "\"}"));
        p.accept(HELPDESK, webhook("{\"ticket_id\":\"7\",\"delivery\":\"d-2\",\"comment\":\"" + secret + "\"}"));
        assertTrue(p.awaitIdle(WAIT));
        DeadLetterEntry dead = p.deadLetters().list(DeadLetterQuery.all()).get(0);
        assertFalse(dead.toString().contains("Jana"), dead.toString());
        assertNoFileContains("Jana Schmidt"); // the write-ahead log included
        p.stop(Duration.ofSeconds(5));
        store.close();
        assertNoFileContains("Jana Schmidt"); // after the checkpoint into the database file
        store = SqliteEventStore.open(dir);
    }

    private void assertNoFileContains(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.toList();
        }
        assertTrue(files.contains(store.file()));
        for (Path f : files) {
            assertFalse(contains(Files.readAllBytes(f), needle), "body text found in " + f.getFileName());
        }
    }

    @Test
    void runningPipelinePurgesOldDeadLettersAndExpiredDeliveryIds() throws Exception {
        helpdesk.missing.add("a");
        Pipeline p = start(fast().deadLetterRetention(Duration.ofHours(1)).dedupeWindow(Duration.ofMinutes(30))
                .housekeepingInterval(Duration.ofMillis(20)).build());
        p.accept(HELPDESK, webhook("a", "d-a"));
        assertTrue(p.awaitIdle(WAIT));
        assertEquals(1, store.deadLetters().count());
        assertEquals(1, countDeliveries());

        clock.advance(Duration.ofMinutes(61));
        await("housekeeping", WAIT, () -> store.deadLetters().count() == 0);
        await("expired delivery ids purged", WAIT, () -> countDeliveries() == 0);
    }

    private long countDeliveries() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM deliveries")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Writes a dead-letter row directly, as a newer version or a damaged file would leave it. */
    private long insertRaw(String eventType, String firstReceived) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
             Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
            st.executeUpdate("INSERT INTO dead_letters (helpdesk, ticket_id, event_type, events, reason_kind, "
                    + "reason_message, attempts, first_received, last_attempt, dead_at) VALUES ('" + HELPDESK
                    + "', 'c', " + eventType + ", 1, 'NOT_FOUND', '', 1, " + firstReceived + ", "
                    + clock.millis() + ", " + clock.millis() + ")");
            try (ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

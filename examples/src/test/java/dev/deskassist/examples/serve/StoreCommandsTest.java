package dev.deskassist.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.pipeline.Claim;
import dev.deskassist.core.pipeline.DeadLetterEntry;
import dev.deskassist.core.pipeline.DeadLetterQuery;
import dev.deskassist.core.pipeline.DeadLetterReason;
import dev.deskassist.core.pipeline.IncomingEvent;
import dev.deskassist.core.pipeline.SqliteEventStore;
import dev.deskassist.examples.DeadLettersCommand;
import dev.deskassist.examples.ReplayCommand;
import dev.deskassist.examples.Main;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code dead-letters} and {@code replay} against a real event store with dead letters in it, one
 * of them corrupt; the store is opened by the test and by the command at the same time, as it is
 * while {@code serve} runs.
 */
class StoreCommandsTest {

    @TempDir
    Path dir;
    private Path data;
    private long zendeskA;
    private long zendeskB;
    private long corrupt;
    private long freshdesk;
    private final StringWriter text = new StringWriter();
    private final StringWriter errors = new StringWriter();

    @BeforeEach
    void storeWithDeadLetters() throws Exception {
        data = dir.resolve("data");
        try (SqliteEventStore store = SqliteEventStore.open(data)) {
            zendeskA = deadLetter(store, "zendesk", "101", "write-back NOT_FOUND: NotFoundException zendesk GET "
                    + "/api/v2/tickets/101.json -> HTTP 404 RecordNotFound");
            zendeskB = deadLetter(store, "zendesk", "102", "write-back REJECTED");
            corrupt = deadLetter(store, "zendesk", "103", "write-back REJECTED");
            freshdesk = deadLetter(store, "freshdesk", "7", "write-back AUTHENTICATION");
        }
        // a row written by a newer version: an event kind this one does not know
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(SqliteEventStore.FILE_NAME));
             Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE dead_letters SET event_type = 'TICKET_MERGED' WHERE id = " + corrupt);
        }
    }

    private static long deadLetter(SqliteEventStore store, String helpdesk, String ticket, String message) {
        Instant now = Instant.now();
        store.append(new IncomingEvent(TicketRef.of(helpdesk, ticket), TicketEvent.Type.CREATED, "d-" + ticket, now),
                Duration.ofHours(1));
        Claim claim = store.claim(Set.of(helpdesk), now, Duration.ofMinutes(1)).orElseThrow();
        return store.deadLetter(claim, new DeadLetterReason(DeadLetterReason.Kind.REJECTED, message), now)
                .orElseThrow().id();
    }

    private String output() {
        return text.toString();
    }

    private void reset() {
        text.getBuffer().setLength(0);
        errors.getBuffer().setLength(0);
    }

    /** Runs a command as deskassist does: options parsed by picocli, failures reported by Main's handlers. */
    private int run(Object command, String... args) {
        return Main.configure(new CommandLine(command), new PrintWriter(text, true), new PrintWriter(errors, true),
                () -> false).execute(args);
    }

    private int deadLetters(String... args) {
        return run(new DeadLettersCommand(Map.of(), Instant::now), args);
    }

    private int replay(String... args) {
        return run(new ReplayCommand(Map.of()), args);
    }

    @Test
    void listShowsEveryEntryAndACorruptOneByItsIdWithoutBlockingTheRest() {
        assertEquals(0, deadLetters("list", "--data-dir", data.toString()));
        String text = output();
        for (long id : List.of(zendeskA, zendeskB, freshdesk)) {
            assertTrue(text.lines().anyMatch(l -> l.startsWith(id + " ")), "entry " + id + " listed:\n" + text);
        }
        String corruptLine = text.lines().filter(l -> l.startsWith(corrupt + " ")).findFirst().orElseThrow();
        assertTrue(corruptLine.contains("CORRUPT") && corruptLine.contains("TICKET_MERGED"), corruptLine);
        assertTrue(text.contains("HTTP 404 RecordNotFound"), text);
        assertTrue(text.contains("4 dead letters, 1 corrupt"), text);
    }

    @Test
    void listAsJsonFilteredByHelpdesk() {
        assertEquals(0, deadLetters("list", "--data-dir", data.toString(), "--helpdesk", "zendesk", "--json"));
        JsonArray arr = JsonCodec.jsonp().createReader(new StringReader(output().strip())).readArray();
        assertEquals(3, arr.size(), arr.toString());
        JsonObject first = arr.getJsonObject(0);
        assertEquals(zendeskA, first.getJsonNumber("id").longValue());
        assertEquals("101", first.getString("ticketId"));
        assertEquals("CREATED", first.getString("eventType"));
        assertEquals("REJECTED", first.getString("reasonKind"));
        assertEquals(1, first.getInt("attempts"));
        JsonObject broken = arr.getJsonObject(2);
        assertEquals(corrupt, broken.getJsonNumber("id").longValue());
        assertTrue(broken.getString("corrupt").contains("TICKET_MERGED"), broken.toString());
        assertEquals("103", broken.getString("ticketId"));
    }

    @Test
    void replayOneByIdMovesItBackToPendingWhileTheStoreIsOpenElsewhere() {
        try (SqliteEventStore running = SqliteEventStore.open(data)) {
            assertEquals(0, replay("--id", String.valueOf(zendeskB), "--data-dir", data.toString()));
            assertTrue(output().contains("replayed 1 dead letter "), output());
            assertEquals(1, running.pendingEvents(), "a pending event again, for the running serve to claim");
            assertEquals(List.of(zendeskA, corrupt, freshdesk), running.deadLetters().list(DeadLetterQuery.all())
                    .stream().map(DeadLetterEntry::id).toList());
            Claim claim = running.claim(Set.of("zendesk"), Instant.now(), Duration.ofMinutes(1)).orElseThrow();
            assertEquals(TicketRef.of("zendesk", "102"), claim.ref());
            assertEquals(0, claim.attempts(), "fresh attempts");
        }
    }

    @Test
    void replayByHelpdeskAndAllSkipCorruptEntriesAndSaySo() {
        assertEquals(0, replay("--helpdesk", "freshdesk", "--data-dir", data.toString()));
        assertTrue(output().contains("replayed 1 dead letter "), output());
        reset();
        assertEquals(1, replay("--all", "--data-dir", data.toString()), "a corrupt entry left behind is not success");
        assertTrue(output().contains("replayed 2 dead letters"), output());
        assertTrue(output().contains("1 corrupt entry kept, not replayed: id " + corrupt), output());
        try (SqliteEventStore store = SqliteEventStore.open(data)) {
            assertEquals(3, store.pendingEvents());
            assertEquals(1, store.deadLetters().count());
        }
    }

    @Test
    void replayOfAnUnknownIdFails() {
        assertEquals(1, replay("--id", "999", "--data-dir", data.toString()));
        assertTrue(output().contains("no dead letter with id 999"), output());
    }

    @Test
    void theConfigurationFileAndTheEnvironmentNameTheStore() throws Exception {
        Path config = dir.resolve("deskassist.properties");
        Files.writeString(config, "deskassist.dataDir=" + data.toString().replace("\\", "\\\\") + "\n");
        assertEquals(0, deadLetters("list", "--config", config.toString(), "--json"));
        assertEquals(4, JsonCodec.jsonp().createReader(new StringReader(output().strip())).readArray().size());
        reset();
        assertEquals(0, run(new DeadLettersCommand(Map.of("DESKASSIST_DATA_DIR", data.toString()), Instant::now),
                "list", "--json"));
        assertEquals(4, JsonCodec.jsonp().createReader(new StringReader(output().strip())).readArray().size());
    }

    @Test
    void purgeRemovesOnlyEntriesOlderThanTheAge() {
        assertEquals(0, deadLetters("purge", "--older-than", "30d", "--data-dir", data.toString()));
        assertTrue(output().startsWith("purged 0 dead letters"), output());
        reset();
        assertEquals(0, deadLetters("purge", "--older-than", "PT1H", "--data-dir", data.toString()));
        assertTrue(output().startsWith("purged 0 dead letters"), output());
        reset();
        Instant later = Instant.now().plus(Duration.ofDays(31));
        assertEquals(0, run(new DeadLettersCommand(Map.of(), () -> later),
                "purge", "--older-than", "30d", "--data-dir", data.toString()));
        assertTrue(output().startsWith("purged 4 dead letters"), output());
        try (SqliteEventStore store = SqliteEventStore.open(data)) {
            assertEquals(0, store.deadLetters().count());
        }
    }

    @Test
    void usageErrorsNameWhatIsWrong() {
        Map<String, List<String>> cases = Map.of(
                "say which dead letters", List.of("replay", "--data-dir", data.toString()),
                "only one of", List.of("replay", "--all", "--id", "1", "--data-dir", data.toString()),
                "--id takes", List.of("replay", "--id", "x", "--data-dir", data.toString()),
                "either --config", List.of("replay", "--all", "--config", "c", "--data-dir", "d"),
                "no event store in", List.of("replay", "--all", "--data-dir", dir.resolve("nothing").toString()),
                "Unknown option: '--jsn'", List.of("dead-letters", "list", "--jsn"),
                "Unmatched argument at index 0: 'show'", List.of("dead-letters", "show"),
                "Missing required option: '--older-than=AGE'", List.of("dead-letters", "purge", "--data-dir",
                        data.toString()),
                "an age such as 30d", List.of("dead-letters", "purge", "--older-than", "a month", "--data-dir",
                        data.toString()),
                "no configuration file", List.of("dead-letters", "list", "--config", dir.resolve("no.properties")
                        .toString()));
        cases.forEach((expected, args) -> {
            reset();
            String[] rest = args.subList(1, args.size()).toArray(String[]::new);
            int code = args.get(0).equals("replay") ? replay(rest) : deadLetters(rest);
            assertEquals(2, code, String.join(" ", args) + ": " + errors);
            assertTrue(errors.toString().contains(expected), expected + " <- " + errors);
            assertTrue(errors.toString().contains("--help' for more information"), errors.toString());
            assertEquals("", output(), "nothing on standard output for " + args);
        });
        assertFalse(Files.exists(dir.resolve("nothing")), "a mistyped directory is not created");
    }
}

package dev.deskassist.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link EventStoreContract} on the embedded store, and what is SQLite's own: the file, its pragmas, its version. */
class SqliteEventStoreTest extends EventStoreContract {

    @TempDir
    Path dir;

    @Override
    protected EventStore openFresh() {
        return SqliteEventStore.open(dir);
    }

    @Override
    protected EventStore reopenSame() {
        return SqliteEventStore.open(dir);
    }

    @Override
    protected EventStore openAnother() {
        return SqliteEventStore.open(dir);
    }

    private SqliteEventStore sqlite() {
        return (SqliteEventStore) store;
    }

    @Test
    void createsOneVersionedWalFileOnFirstOpen() throws Exception {
        assertTrue(Files.exists(dir.resolve(SqliteEventStore.FILE_NAME)));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite().file());
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void everyCommitIsSyncedAndWaitsForOtherProcessesWriters() {
        assertEquals("2", sqlite().pragma("synchronous"), "FULL");
        assertEquals("wal", sqlite().pragma("journal_mode"));
        assertEquals(String.valueOf(SqliteEventStore.DEFAULT_BUSY_TIMEOUT.toMillis()), sqlite().pragma("busy_timeout"));
    }

    @Test
    void aNewerLayoutIsRefusedWithATypedError() throws Exception {
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteEventStore.FILE_NAME));
             Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 7");
        }
        IncompatibleStoreException e = assertThrows(IncompatibleStoreException.class, () -> SqliteEventStore.open(dir));
        assertEquals(7, e.foundVersion());
        assertEquals(1, e.supportedVersion());
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        store = SqliteEventStore.open(dir.resolve("elsewhere"));
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsAStoreException() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        StoreException e = assertThrows(StoreException.class, () -> SqliteEventStore.open(file.resolve("sub")));
        assertTrue(e.isRetryable());
    }

}

package dev.deskassist.core.pipeline;

import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WriteLedger;
import dev.deskassist.core.pipeline.internal.SqliteSchema;
import dev.deskassist.core.pipeline.internal.StoredEventTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The embedded {@link EventStore}: one SQLite file ({@value #FILE_NAME}) in a directory, in WAL mode;
 * accepted events and dead letters commit with {@code synchronous=FULL}, so that they survive a
 * killed process and a power loss (bookkeeping commits with {@code NORMAL}, see inTransaction), and with a busy timeout, so that a second process (a command line listing or replaying
 * dead letters while the server runs) waits for the other's short transactions instead of failing.
 * The layout is versioned; a file written by a newer version is refused with
 * {@link IncompatibleStoreException}. Thread-safe: one connection, one operation at a time, each a
 * short transaction.
 */
public final class SqliteEventStore implements EventStore {

    /** The database file's name inside the store directory. */
    public static final String FILE_NAME = "deskassist-events.db";

    /** How long an operation waits for another process's transaction before failing. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(SqliteEventStore.class);

    private final Path file;
    private final Connection conn;
    /** Whether the connection commits with synchronous=FULL now (it opens so); guarded by {@code lock}. */
    private boolean syncFull = true;
    private final ReentrantLock lock = new ReentrantLock();
    private final WriteLedger ledger = new Ledger();
    private volatile boolean closed;

    private SqliteEventStore(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    /** Opens the store in {@code dir}, creating the directory and the file on first use. */
    public static SqliteEventStore open(Path dir) {
        return open(dir, DEFAULT_BUSY_TIMEOUT);
    }

    /**
     * Opens the store in {@code dir} with a busy timeout.
     *
     * @throws IncompatibleStoreException when a newer version wrote the file
     * @throws StoreException             when the directory or file cannot be created or opened
     */
    public static SqliteEventStore open(Path dir, Duration busyTimeout) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("event store " + dir + ": cannot create the directory ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(0, busyTimeout.toMillis())));
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL also syncs the WAL on every commit: an acknowledged event survives a power loss
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        Connection conn;
        try {
            conn = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new StoreException("event store " + file + ": cannot open (" + e.getMessage() + ")", e);
        }
        SqliteEventStore store = new SqliteEventStore(file, conn);
        try {
            store.migrate();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        log.debug("event store {} open", file);
        return store;
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    private void migrate() {
        run("open", () -> {
            int version = userVersion();
            if (version > SqliteSchema.VERSION) {
                throw new IncompatibleStoreException("event store " + file, version, SqliteSchema.VERSION);
            }
            if (version == SqliteSchema.VERSION) {
                return null;
            }
            return inTransaction(true, () -> {
                // another process may have created it while we waited for the write lock
                int now = userVersion();
                if (now > SqliteSchema.VERSION) {
                    throw new IncompatibleStoreException("event store " + file, now, SqliteSchema.VERSION);
                }
                if (now == 0) {
                    try (Statement st = conn.createStatement()) {
                        for (String ddl : SqliteSchema.create()) {
                            st.execute(ddl);
                        }
                        st.execute("PRAGMA user_version = " + SqliteSchema.VERSION);
                    }
                    log.info("event store {} created (layout {})", file, SqliteSchema.VERSION);
                }
                return null;
            });
        });
    }

    private int userVersion() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    // ---- events and claims

    @Override
    public boolean append(IncomingEvent event, Duration dedupeWindow) {
        Objects.requireNonNull(event, "event");
        long now = event.receivedAt().toEpochMilli();
        return run("append", () -> inTransaction(true, () -> {
            String helpdesk = event.ref().helpdesk();
            if (event.deliveryId() != null) {
                try (PreparedStatement ps = conn.prepareStatement(
                        "SELECT expires_at FROM deliveries WHERE helpdesk = ? AND delivery_id = ?")) {
                    ps.setString(1, helpdesk);
                    ps.setString(2, event.deliveryId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getLong(1) > now) {
                            return false;
                        }
                    }
                }
                update("INSERT OR REPLACE INTO deliveries (helpdesk, delivery_id, expires_at) VALUES (?, ?, ?)",
                        helpdesk, event.deliveryId(), now + dedupeWindow.toMillis());
            }
            update("INSERT INTO events (helpdesk, ticket_id, event_type, delivery_id, received_at) VALUES (?, ?, ?, ?, ?)",
                    helpdesk, event.ref().ticketId(), event.type().name(), event.deliveryId(), now);
            // a ticket already waiting (or running) keeps its schedule: the new event joins that run or the next
            update("INSERT INTO tickets (helpdesk, ticket_id, due_at, attempts, first_received) VALUES (?, ?, ?, 0, ?) "
                    + "ON CONFLICT (helpdesk, ticket_id) DO NOTHING", helpdesk, event.ref().ticketId(), now, now);
            return true;
        }));
    }

    @Override
    public Optional<Claim> claim(Set<String> helpdesks, Instant now, Duration lease) {
        if (helpdesks.isEmpty()) {
            return Optional.empty();
        }
        long t = now.toEpochMilli();
        String in = String.join(", ", Collections.nCopies(helpdesks.size(), "?"));
        return run("claim", () -> inTransaction(false, () -> {
            while (true) {
                String helpdesk;
                String ticketId;
                int attempts;
                long firstReceived;
                try (PreparedStatement ps = conn.prepareStatement(
                        "SELECT helpdesk, ticket_id, attempts, first_received FROM tickets WHERE due_at <= ? "
                                + "AND (lease_token IS NULL OR lease_until <= ?) AND helpdesk IN (" + in + ") "
                                + "ORDER BY due_at, first_received LIMIT 1")) {
                    ps.setLong(1, t);
                    ps.setLong(2, t);
                    int i = 3;
                    for (String h : helpdesks) {
                        ps.setString(i++, h);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<Claim>empty();
                        }
                        helpdesk = rs.getString(1);
                        ticketId = rs.getString(2);
                        attempts = rs.getInt(3);
                        firstReceived = rs.getLong(4);
                    }
                }
                String token = UUID.randomUUID().toString();
                long until = t + lease.toMillis();
                // every event of the ticket joins: pending ones and those of a claim whose lease expired
                update("UPDATE events SET claim_token = ? WHERE helpdesk = ? AND ticket_id = ?", token, helpdesk,
                        ticketId);
                List<TicketEvent.Type> types = new ArrayList<>();
                List<String> deliveries = new ArrayList<>();
                try (PreparedStatement ps = conn.prepareStatement(
                        "SELECT event_type, delivery_id FROM events WHERE claim_token = ? ORDER BY id")) {
                    ps.setString(1, token);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            types.add(StoredEventTypes.read(rs.getString(1)));
                            deliveries.add(rs.getString(2));
                        }
                    }
                }
                if (types.isEmpty()) {
                    // a schedule without events (nothing should leave one); drop it and look again
                    update("DELETE FROM tickets WHERE helpdesk = ? AND ticket_id = ?", helpdesk, ticketId);
                    continue;
                }
                update("UPDATE tickets SET lease_token = ?, lease_until = ?, last_attempt = ? "
                        + "WHERE helpdesk = ? AND ticket_id = ?", token, until, t, helpdesk, ticketId);
                return Optional.of(new Claim(token, TicketRef.of(helpdesk, ticketId), types, attempts,
                        Instant.ofEpochMilli(firstReceived), Instant.ofEpochMilli(until), deliveries));
            }
        }));
    }

    @Override
    public boolean renew(Claim claim, Instant now, Duration lease) {
        return run("renew", () -> update("UPDATE tickets SET lease_until = ? WHERE helpdesk = ? AND ticket_id = ? "
                + "AND lease_token = ?", now.toEpochMilli() + lease.toMillis(), claim.ref().helpdesk(),
                claim.ref().ticketId(), claim.token()) == 1);
    }

    @Override
    public boolean complete(Claim claim, Instant now) {
        return run("complete", () -> inTransaction(false, () -> {
            if (!holds(claim)) {
                return false;
            }
            update("DELETE FROM events WHERE claim_token = ?", claim.token());
            afterRun(claim.ref(), now.toEpochMilli());
            return true;
        }));
    }

    @Override
    public boolean reschedule(Claim claim, Instant due, boolean countAttempt, Instant now) {
        return run("reschedule", () -> inTransaction(false, () -> {
            if (!holds(claim)) {
                return false;
            }
            update("UPDATE events SET claim_token = NULL WHERE claim_token = ?", claim.token());
            update("UPDATE tickets SET lease_token = NULL, lease_until = NULL, due_at = ?, attempts = attempts + ? "
                    + "WHERE helpdesk = ? AND ticket_id = ?", due.toEpochMilli(), countAttempt ? 1 : 0,
                    claim.ref().helpdesk(), claim.ref().ticketId());
            return true;
        }));
    }

    @Override
    public boolean release(Claim claim) {
        return run("release", () -> inTransaction(false, () -> {
            if (!holds(claim)) {
                return false;
            }
            update("UPDATE events SET claim_token = NULL WHERE claim_token = ?", claim.token());
            update("UPDATE tickets SET lease_token = NULL, lease_until = NULL WHERE helpdesk = ? AND ticket_id = ?",
                    claim.ref().helpdesk(), claim.ref().ticketId());
            return true;
        }));
    }

    @Override
    public Optional<DeadLetterEntry> deadLetter(Claim claim, DeadLetterReason reason, Instant now) {
        long t = now.toEpochMilli();
        return run("dead-letter", () -> inTransaction(true, () -> {
            if (!holds(claim)) {
                return Optional.<DeadLetterEntry>empty();
            }
            String type = null;
            int events = 0;
            long firstReceived = t;
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT event_type, received_at FROM events WHERE claim_token = ? ORDER BY id")) {
                ps.setString(1, claim.token());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (type == null) {
                            type = rs.getString(1);
                        }
                        firstReceived = Math.min(firstReceived, rs.getLong(2));
                        events++;
                    }
                }
            }
            if (type == null) {
                type = claim.types().isEmpty() ? TicketEvent.Type.UPDATED.name() : claim.types().get(0).name();
            }
            int attempts = claim.attempts() + 1;
            long id;
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO dead_letters (helpdesk, ticket_id, "
                    + "event_type, events, reason_kind, reason_message, attempts, first_received, last_attempt, "
                    + "dead_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                bind(ps, claim.ref().helpdesk(), claim.ref().ticketId(), type, Math.max(1, events),
                        reason.kind().name(), reason.message(), attempts, firstReceived, t, t);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            update("DELETE FROM events WHERE claim_token = ?", claim.token());
            afterRun(claim.ref(), t);
            return Optional.of(new DeadLetterEntry(id, claim.ref().helpdesk(), claim.ref().ticketId(),
                    StoredEventTypes.read(type), Math.max(1, events), reason, attempts,
                    Instant.ofEpochMilli(firstReceived), now, now, null));
        }));
    }

    /** Whether the ticket's live lease is this claim's. */
    private boolean holds(Claim claim) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT lease_token FROM tickets WHERE helpdesk = ? AND ticket_id = ?")) {
            ps.setString(1, claim.ref().helpdesk());
            ps.setString(2, claim.ref().ticketId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && claim.token().equals(rs.getString(1));
            }
        }
    }

    /** After a run's events are gone: events that arrived meanwhile are due now as a fresh run, else the ticket leaves. */
    private void afterRun(TicketRef ref, long now) throws SQLException {
        long remaining;
        long oldest;
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT count(*), min(received_at) FROM events WHERE helpdesk = ? AND ticket_id = ?")) {
            ps.setString(1, ref.helpdesk());
            ps.setString(2, ref.ticketId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                remaining = rs.getLong(1);
                oldest = rs.getLong(2);
            }
        }
        if (remaining == 0) {
            update("DELETE FROM tickets WHERE helpdesk = ? AND ticket_id = ?", ref.helpdesk(), ref.ticketId());
        } else {
            update("UPDATE tickets SET lease_token = NULL, lease_until = NULL, due_at = ?, attempts = 0, "
                    + "first_received = ? WHERE helpdesk = ? AND ticket_id = ?", now, oldest, ref.helpdesk(),
                    ref.ticketId());
        }
    }

    @Override
    public long pendingEvents() {
        return run("count", () -> {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM events")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public List<PendingTicket> pending(int limit) {
        return run("pending", () -> {
            List<PendingTicket> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT t.helpdesk, t.ticket_id, (SELECT count(*) FROM "
                    + "events e WHERE e.helpdesk = t.helpdesk AND e.ticket_id = t.ticket_id), t.due_at, t.attempts, "
                    + "t.first_received, t.lease_until, t.lease_token FROM tickets t ORDER BY t.due_at LIMIT ?")) {
                ps.setInt(1, Math.max(0, limit));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant lease = rs.getString(8) == null ? null : Instant.ofEpochMilli(rs.getLong(7));
                        out.add(new PendingTicket(TicketRef.of(rs.getString(1), rs.getString(2)), rs.getInt(3),
                                Instant.ofEpochMilli(rs.getLong(4)), rs.getInt(5), Instant.ofEpochMilli(rs.getLong(6)),
                                lease));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public int purgeExpiredDeliveries(Instant now) {
        return run("purge deliveries", () -> update("DELETE FROM deliveries WHERE expires_at <= ?",
                now.toEpochMilli()));
    }

    @Override
    public DeadLetters deadLetters(Clock clock) {
        return new SqliteDeadLetters(Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public WriteLedger writeLedger() {
        return ledger;
    }

    @Override
    public Optional<Instant> watermark(String helpdesk) {
        Objects.requireNonNull(helpdesk, "helpdesk");
        return run("read watermark", () -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT at FROM watermarks WHERE helpdesk = ?")) {
                ps.setString(1, helpdesk);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.<Instant>empty();
                }
            }
        });
    }

    @Override
    public void saveWatermark(String helpdesk, Instant watermark) {
        Objects.requireNonNull(helpdesk, "helpdesk");
        Objects.requireNonNull(watermark, "watermark");
        run("save watermark", () -> inTransaction(false, () -> update("INSERT INTO watermarks (helpdesk, at) VALUES (?, ?) "
                + "ON CONFLICT (helpdesk) DO UPDATE SET at = excluded.at", helpdesk, watermark.toEpochMilli())));
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                conn.close();
            }
        } catch (SQLException e) {
            log.warn("event store {}: close failed ({})", file, e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /** A pragma's value on this store's connection, for tests that check the durability settings. */
    String pragma(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a pragma name: " + name);
        }
        return run("pragma", () -> {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    @Override
    public String toString() {
        return "SqliteEventStore[" + file + "]";
    }

    // ---- dead letters

    private final class SqliteDeadLetters implements DeadLetters {

        private final Clock clock;

        SqliteDeadLetters(Clock clock) {
            this.clock = clock;
        }

        @Override
        public List<DeadLetterEntry> list(DeadLetterQuery query) {
            return run("list dead letters", () -> read(query));
        }

        private List<DeadLetterEntry> read(DeadLetterQuery query) throws SQLException {
            StringBuilder sql = new StringBuilder("SELECT id, helpdesk, ticket_id, event_type, events, reason_kind, "
                    + "reason_message, attempts, first_received, last_attempt, dead_at FROM dead_letters WHERE 1 = 1");
            List<Object> args = new ArrayList<>();
            if (query.helpdesk() != null) {
                sql.append(" AND helpdesk = ?");
                args.add(query.helpdesk());
            }
            if (query.id() != null) {
                sql.append(" AND id = ?");
                args.add(query.id());
            }
            sql.append(" ORDER BY id");
            List<DeadLetterEntry> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(DeadLetterRows.read(rs));
                    }
                }
            }
            return out;
        }

        @Override
        public int replay(DeadLetterQuery query) {
            long now = clock.millis();
            return run("replay dead letters", () -> inTransaction(true, () -> {
                int moved = 0;
                for (DeadLetterEntry e : read(query)) {
                    if (e.isCorrupt()) {
                        log.warn("dead letter {} cannot be read ({}); kept, not replayed", e.id(), e.corruption());
                        continue;
                    }
                    update("INSERT INTO events (helpdesk, ticket_id, event_type, delivery_id, received_at) "
                            + "VALUES (?, ?, ?, NULL, ?)", e.helpdesk(), e.ticketId(), e.eventType().name(), now);
                    // fresh attempts and horizon; a ticket already waiting is brought forward, a running one re-runs after
                    update("INSERT INTO tickets (helpdesk, ticket_id, due_at, attempts, first_received) "
                            + "VALUES (?, ?, ?, 0, ?) ON CONFLICT (helpdesk, ticket_id) DO UPDATE SET "
                            + "due_at = min(due_at, excluded.due_at)", e.helpdesk(), e.ticketId(), now, now);
                    update("DELETE FROM dead_letters WHERE id = ?", e.id());
                    moved++;
                }
                return moved;
            }));
        }

        @Override
        public int purge(Instant olderThan) {
            return run("purge dead letters", () -> update("DELETE FROM dead_letters WHERE dead_at < ?",
                    olderThan.toEpochMilli()));
        }

        @Override
        public long count() {
            return run("count dead letters", () -> {
                try (Statement st = conn.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*) FROM dead_letters")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
    }

    /** Reads dead-letter rows defensively: one unreadable value marks that row corrupt, never the whole list. */
    private static final class DeadLetterRows {

        static DeadLetterEntry read(ResultSet rs) throws SQLException {
            long id = rs.getLong(1);
            String helpdesk = text(rs, 2);
            String ticketId = text(rs, 3);
            try {
                String typeName = required(text(rs, 4), "event_type");
                TicketEvent.Type type;
                try {
                    type = TicketEvent.Type.valueOf(typeName);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("unknown event type " + shorten(typeName));
                }
                String kindName = required(text(rs, 6), "reason_kind");
                DeadLetterReason.Kind kind;
                try {
                    kind = DeadLetterReason.Kind.valueOf(kindName);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("unknown reason kind " + shorten(kindName));
                }
                return new DeadLetterEntry(id, required(helpdesk, "helpdesk"), required(ticketId, "ticket_id"), type,
                        (int) integer(rs, 5, "events"), new DeadLetterReason(kind, text(rs, 7)),
                        (int) integer(rs, 8, "attempts"), Instant.ofEpochMilli(integer(rs, 9, "first_received")),
                        Instant.ofEpochMilli(integer(rs, 10, "last_attempt")),
                        Instant.ofEpochMilli(integer(rs, 11, "dead_at")), null);
            } catch (IllegalStateException e) {
                return DeadLetterEntry.corrupt(id, helpdesk, ticketId, e.getMessage());
            }
        }

        private static String text(ResultSet rs, int col) throws SQLException {
            Object v = rs.getObject(col);
            return v == null ? null : v.toString();
        }

        private static long integer(ResultSet rs, int col, String name) throws SQLException {
            Object v = rs.getObject(col);
            if (v instanceof Integer i) {
                return i;
            }
            if (v instanceof Long l) {
                return l;
            }
            throw new IllegalStateException(name + " is not a number");
        }

        private static String required(String v, String name) {
            if (v == null || v.isBlank()) {
                throw new IllegalStateException(name + " is missing");
            }
            return v;
        }

        private static String shorten(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }

    // ---- write ledger

    private final class Ledger implements WriteLedger {

        @Override
        public Map<String, String> written(TicketRef ref) {
            Objects.requireNonNull(ref, "ref");
            return run("read ledger", () -> {
                Map<String, String> out = new LinkedHashMap<>();
                try (PreparedStatement ps = conn.prepareStatement("SELECT write_key, value FROM write_ledger "
                        + "WHERE helpdesk = ? AND ticket_id = ? ORDER BY write_key")) {
                    ps.setString(1, ref.helpdesk());
                    ps.setString(2, ref.ticketId());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
                return Map.copyOf(out);
            });
        }

        @Override
        public void record(TicketRef ref, Map<String, String> values) {
            Objects.requireNonNull(ref, "ref");
            if (values.isEmpty()) {
                return;
            }
            long now = System.currentTimeMillis();
            run("record ledger", () -> inTransaction(false, () -> {
                for (Map.Entry<String, String> e : values.entrySet()) {
                    update("INSERT INTO write_ledger (helpdesk, ticket_id, write_key, value, written_at) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (helpdesk, ticket_id, write_key) DO UPDATE SET "
                            + "value = excluded.value, written_at = excluded.written_at", ref.helpdesk(),
                            ref.ticketId(), e.getKey(), e.getValue(), now);
                }
                return null;
            }));
        }
    }

    // ---- plumbing

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs one operation under the lock; a SQLite error becomes a {@link StoreException} naming the operation. */
    private <T> T run(String operation, Work<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new StoreException("event store " + file + ": " + operation + " failed: the store is closed",
                        null);
            }
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("event store " + file + ": " + operation + " failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * One write transaction, taken with BEGIN IMMEDIATE: it waits (busy timeout) for another
     * process's writer up front instead of failing half-way when a read would be upgraded.
     *
     * <p>{@code durable}: committed with {@code synchronous=FULL} (the WAL is synced before the
     * commit returns), for what must survive a power loss — accepted events, dead letters,
     * replays. The rest (claims, completions, reschedules, the ledger, watermarks) commits with
     * {@code NORMAL}: it survives a killed process, and after a power loss the last of them may be
     * lost, which only repeats idempotent work (or, for the ledger, keeps a value as a human's).
     * A later durable commit syncs everything before it, so the order of commits holds.
     */
    private <T> T inTransaction(boolean durable, Work<T> work) throws SQLException {
        if (durable != syncFull) {
            try (Statement st = conn.createStatement()) {
                st.execute(durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            }
            syncFull = durable;
        }
        try (Statement st = conn.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
        }
        boolean done = false;
        try {
            T result = work.run();
            try (Statement st = conn.createStatement()) {
                st.execute("COMMIT");
            }
            done = true;
            return result;
        } finally {
            if (!done) {
                try (Statement st = conn.createStatement()) {
                    st.execute("ROLLBACK");
                } catch (SQLException e) {
                    // nothing to roll back when COMMIT itself failed and SQLite already did
                    log.debug("event store {}: rollback: {}", file, e.getMessage());
                }
            }
        }
    }

    private int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, java.sql.Types.NULL);
            } else if (a instanceof String s) {
                ps.setString(i + 1, s);
            } else if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                throw new IllegalArgumentException("unsupported parameter type " + a.getClass().getName());
            }
        }
    }
}

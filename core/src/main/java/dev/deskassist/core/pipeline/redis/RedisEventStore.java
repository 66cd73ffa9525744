package dev.deskassist.core.pipeline.redis;

import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WriteLedger;
import dev.deskassist.core.http.RateBudget;
import dev.deskassist.core.http.RequestLimiter;
import dev.deskassist.core.pipeline.Claim;
import dev.deskassist.core.pipeline.DeadLetterEntry;
import dev.deskassist.core.pipeline.DeadLetterQuery;
import dev.deskassist.core.pipeline.DeadLetterReason;
import dev.deskassist.core.pipeline.DeadLetters;
import dev.deskassist.core.pipeline.EventStore;
import dev.deskassist.core.pipeline.IncomingEvent;
import dev.deskassist.core.pipeline.IncompatibleStoreException;
import dev.deskassist.core.pipeline.PendingTicket;
import dev.deskassist.core.pipeline.StoreException;
import dev.deskassist.core.pipeline.internal.StoredEventTypes;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventStore} on Redis, for several {@code serve} replicas sharing one intake. Accepted
 * events go to a Redis stream (the append and the dedupe check are one script, so a 2xx means the
 * event is in Redis); replicas read the stream through one consumer group and route each entry
 * into a per-ticket list, exactly once (an entry read by a replica that died is taken over after
 * {@link RedisStoreSettings#intakeIdle()}). From there work is claimed per ticket under a lease with
 * a token; every step that ends a run, and every {@link #writeLedger(Claim) ledger} access of a
 * run, re-checks the token in the same script, so a replica that lost its lease changes nothing.
 *
 * <p>Durability is Redis's: run it with {@code appendonly yes} (and {@code appendfsync always} for
 * the power-loss guarantee of the embedded store) and {@code maxmemory-policy noeviction}. Every
 * failure to reach or use Redis (unreachable, timeout, out of memory) is a retryable
 * {@link StoreException}; a server holding another layout version is refused with
 * {@link IncompatibleStoreException}. Lettuce is an optional dependency of core: add
 * {@code io.lettuce:lettuce-core} to use this class. Thread-safe (one multiplexed connection).
 */
public final class RedisEventStore implements EventStore {

    /** The key layout this code reads and writes. */
    public static final int LAYOUT_VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(RedisEventStore.class);
    private static final String GROUP = "router";
    private static final int BATCH = 200;
    private static final String V = String.valueOf(LAYOUT_VERSION);

    private final RedisStoreSettings settings;
    private final String label;
    private final String prefix;
    private final String layoutKey;
    private final String intakeKey;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final Map<String, String> shas = new ConcurrentHashMap<>();
    private final AtomicLong lastTakeover = new AtomicLong();
    private final WriteLedger ledger = new Ledger(null);
    private volatile boolean closed;

    private RedisEventStore(RedisStoreSettings settings, String label, RedisClient client,
                            StatefulRedisConnection<String, String> connection) {
        this.settings = settings;
        this.label = label;
        this.prefix = "{" + settings.keyPrefix() + "}";
        this.layoutKey = prefix + ":layout";
        this.intakeKey = prefix + ":intake";
        this.client = client;
        this.connection = connection;
        this.redis = connection.sync();
    }

    /**
     * Connects, checks the layout version (creating it on an empty server) and the consumer group.
     *
     * @throws IncompatibleStoreException when the server holds another layout version under the prefix
     * @throws StoreException             when Redis cannot be reached or answers with an error
     */
    public static RedisEventStore open(RedisStoreSettings settings) {
        Objects.requireNonNull(settings, "settings");
        RedisURI uri = RedisURI.create(settings.url());
        uri.setSsl(settings.usesTls());
        uri.setTimeout(settings.commandTimeout());
        if (settings.password() != null) {
            if (settings.username() != null) {
                uri.setAuthentication(settings.username(), settings.password());
            } else {
                uri.setAuthentication(settings.password());
            }
        }
        String label = "redis event store " + uri.getHost() + ":" + uri.getPort() + "/" + settings.keyPrefix();
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // fail at once while disconnected: accept answers 503 instead of waiting for a reconnect
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).keepAlive(true)
                        .build())
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .build());
        StatefulRedisConnection<String, String> connection;
        try {
            connection = client.connect(uri);
        } catch (RedisException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            throw new StoreException(label + ": cannot connect (" + describe(e) + ")", e);
        }
        RedisEventStore store = new RedisEventStore(settings, label, client, connection);
        try {
            store.call("open", () -> {
                store.initLayout();
                return null;
            });
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        store.checkServerSettings();
        log.debug("{} open as consumer {}", label, settings.consumer());
        return store;
    }

    /** The settings this store was opened with. */
    public RedisStoreSettings settings() {
        return settings;
    }

    private void initLayout() {
        if (Boolean.TRUE.equals(redis.setnx(layoutKey, V))) {
            log.info("{}: created (layout {})", label, LAYOUT_VERSION);
        }
        checkLayout(redis.get(layoutKey));
        try {
            redis.xgroupCreate(XReadArgs.StreamOffset.from(intakeKey, "0"), GROUP, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /**
     * Warns about server settings that break the delivery promise. A managed Redis may refuse
     * CONFIG; then nothing is said.
     */
    private void checkServerSettings() {
        try {
            Map<String, String> config = redis.configGet("appendonly", "appendfsync", "maxmemory-policy");
            if (!"yes".equals(config.get("appendonly"))) {
                log.warn("{}: Redis runs without appendonly: a Redis restart loses every accepted event; "
                        + "set appendonly yes", label);
            } else if (!"always".equals(config.get("appendfsync"))) {
                log.info("{}: Redis syncs its append-only file {}, not always: a crash of Redis or its machine can "
                        + "lose the last seconds of accepted events", label, config.get("appendfsync"));
            }
            String policy = config.get("maxmemory-policy");
            if (policy != null && !"noeviction".equals(policy)) {
                log.warn("{}: Redis evicts keys when full (maxmemory-policy {}): accepted events or dedupe keys "
                        + "may vanish; set maxmemory-policy noeviction", label, policy);
            }
        } catch (RedisException e) {
            log.debug("{}: server settings not readable ({})", label, e.getClass().getSimpleName());
        }
    }

    private void checkLayout(String found) {
        if (!V.equals(found)) {
            int version;
            try {
                version = Integer.parseInt(found);
            } catch (NumberFormatException e) {
                version = -1;
            }
            throw new IncompatibleStoreException(label, version, LAYOUT_VERSION);
        }
    }

    // ---- events and claims

    @Override
    public boolean append(IncomingEvent event, Duration dedupeWindow) {
        Objects.requireNonNull(event, "event");
        long now = event.receivedAt().toEpochMilli();
        String delivery = event.deliveryId() == null ? "" : event.deliveryId();
        Long stored = script("append", RedisScripts.APPEND, ScriptOutputType.INTEGER, event.ref().helpdesk(),
                event.ref().ticketId(), event.type().name(), Long.toString(now), delivery,
                Long.toString(now + dedupeWindow.toMillis()));
        return stored == 1L;
    }

    /**
     * Routes intake entries into per-ticket lists: new ones for this consumer, and, now and then,
     * those another consumer read and did not route within {@code intakeIdle} (it died).
     */
    private void route(long now) {
        Consumer<String> me = Consumer.from(GROUP, settings.consumer());
        for (int round = 0; round < 20; round++) {
            List<String> ids = new ArrayList<>();
            List<StreamMessage<String, String>> read;
            try {
                read = redis.xreadgroup(me, XReadArgs.Builder.count(BATCH), XReadArgs.StreamOffset.lastConsumed(intakeKey));
            } catch (RedisCommandExecutionException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("NOGROUP")) {
                    // the server lost the group (flushed or restarted without persistence): set it up again
                    log.warn("{}: intake consumer group missing; Redis lost data or was flushed; recreating it", label);
                    initLayout();
                    continue;
                }
                throw e;
            }
            if (read != null) {
                read.forEach(m -> ids.add(m.getId()));
            }
            long wall = System.currentTimeMillis();
            long last = lastTakeover.get();
            if (wall - last >= settings.intakeIdle().toMillis() / 2 && lastTakeover.compareAndSet(last, wall)) {
                var taken = redis.xautoclaim(intakeKey, XAutoClaimArgs.Builder.justid(me, settings.intakeIdle(), "0-0")
                        .count(BATCH));
                if (taken != null && !taken.getMessages().isEmpty()) {
                    log.info("{}: taking over {} intake entries another replica read and did not route", label,
                            taken.getMessages().size());
                    taken.getMessages().forEach(m -> ids.add(m.getId()));
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            List<String> args = new ArrayList<>(ids.size() + 2);
            args.add(GROUP);
            args.add(Long.toString(now));
            args.addAll(ids);
            List<Object> r = evalsha(RedisScripts.ROUTE, ScriptOutputType.MULTI, args.toArray(String[]::new));
            long poisoned = ((Number) r.get(1)).longValue();
            if (poisoned > 0) {
                log.error("{}: {} unreadable intake entries kept as dead letters", label, poisoned);
            }
            if (read == null || read.size() < BATCH) {
                return;
            }
        }
    }

    @Override
    public Optional<Claim> claim(Set<String> helpdesks, Instant now, Duration lease) {
        long t = now.toEpochMilli();
        return call("claim", () -> {
            route(t);
            if (helpdesks.isEmpty()) {
                return Optional.<Claim>empty();
            }
            List<String> args = new ArrayList<>();
            args.add(Long.toString(t));
            args.add(Long.toString(lease.toMillis()));
            String token = UUID.randomUUID().toString();
            args.add(token);
            args.addAll(helpdesks);
            List<Object> r = evalsha(RedisScripts.CLAIM, ScriptOutputType.MULTI, args.toArray(String[]::new));
            if (r == null || r.isEmpty()) {
                return Optional.<Claim>empty();
            }
            List<TicketEvent.Type> types = new ArrayList<>();
            for (Object o : (List<?>) r.get(5)) {
                types.add(StoredEventTypes.read(String.valueOf(o)));
            }
            return Optional.of(new Claim(token, TicketRef.of((String) r.get(0), (String) r.get(1)), types,
                    Integer.parseInt((String) r.get(2)), Instant.ofEpochMilli(Long.parseLong((String) r.get(3))),
                    Instant.ofEpochMilli(Long.parseLong((String) r.get(4)))));
        });
    }

    @Override
    public boolean renew(Claim claim, Instant now, Duration lease) {
        Long r = script("renew", RedisScripts.RENEW, ScriptOutputType.INTEGER, claim.ref().helpdesk(),
                claim.ref().ticketId(), claim.token(), Long.toString(now.toEpochMilli()),
                Long.toString(lease.toMillis()));
        return r == 1L;
    }

    private List<Object> finish(String op, Claim claim, Instant now, Instant due, boolean countAttempt,
                                DeadLetterReason reason) {
        String fallbackType = claim.types().isEmpty() ? TicketEvent.Type.UPDATED.name() : claim.types().get(0).name();
        return script(op, RedisScripts.FINISH, ScriptOutputType.MULTI, op, claim.ref().helpdesk(),
                claim.ref().ticketId(), claim.token(), Long.toString(now.toEpochMilli()),
                due == null ? "0" : Long.toString(due.toEpochMilli()), countAttempt ? "1" : "0",
                Integer.toString(claim.attempts() + 1), reason == null ? "" : reason.kind().name(),
                reason == null ? "" : reason.message(), fallbackType);
    }

    private static boolean done(List<Object> r) {
        return r != null && !r.isEmpty() && ((Number) r.get(0)).longValue() == 1L;
    }

    @Override
    public boolean complete(Claim claim, Instant now) {
        return done(finish("complete", claim, now, null, false, null));
    }

    @Override
    public boolean reschedule(Claim claim, Instant due, boolean countAttempt, Instant now) {
        return done(finish("reschedule", claim, now, due, countAttempt, null));
    }

    @Override
    public boolean release(Claim claim) {
        return done(finish("release", claim, Instant.now(), null, false, null));
    }

    @Override
    public Optional<DeadLetterEntry> deadLetter(Claim claim, DeadLetterReason reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        List<Object> r = finish("dead", claim, now, null, false, reason);
        if (!done(r)) {
            return Optional.empty();
        }
        long id = ((Number) r.get(1)).longValue();
        return Optional.of(new DeadLetterEntry(id, claim.ref().helpdesk(), claim.ref().ticketId(),
                StoredEventTypes.read((String) r.get(2)), ((Number) r.get(3)).intValue(), reason, claim.attempts() + 1,
                Instant.ofEpochMilli(Long.parseLong((String) r.get(4))), now, now, null));
    }

    @Override
    public long pendingEvents() {
        return call("count", () -> {
            List<Object> r = redis.eval("return {redis.call('XLEN', KEYS[1]), redis.call('GET', KEYS[2]) or '0'}",
                    ScriptOutputType.MULTI, intakeKey, prefix + ":count");
            return ((Number) r.get(0)).longValue() + Long.parseLong(String.valueOf(r.get(1)));
        });
    }

    @Override
    public List<PendingTicket> pending(int limit) {
        return call("pending", () -> {
            route(System.currentTimeMillis());
            List<PendingTicket> out = new ArrayList<>();
            for (String h : redis.smembers(prefix + ":helpdesks")) {
                for (String t : redis.zrange(prefix + ":due:" + h, 0, -1)) {
                    Map<String, String> f = redis.hgetall(ticketKey("t", h, t));
                    if (f == null || f.get("due") == null) {
                        continue;
                    }
                    long events = redis.llen(ticketKey("e", h, t));
                    Instant lease = f.get("token") == null ? null : Instant.ofEpochMilli(Long.parseLong(f.get("until")));
                    out.add(new PendingTicket(TicketRef.of(h, t), (int) events,
                            Instant.ofEpochMilli(Long.parseLong(f.get("due"))), Integer.parseInt(f.get("attempts")),
                            Instant.ofEpochMilli(Long.parseLong(f.get("first"))), lease));
                }
            }
            out.sort(Comparator.comparing(PendingTicket::dueAt).thenComparing(PendingTicket::firstReceived));
            return List.copyOf(out.subList(0, Math.min(out.size(), Math.max(0, limit))));
        });
    }

    private String ticketKey(String kind, String helpdesk, String ticketId) {
        return prefix + ":" + kind + ":" + helpdesk.getBytes(StandardCharsets.UTF_8).length + ":" + helpdesk + ":"
                + ticketId;
    }

    @Override
    public int purgeExpiredDeliveries(Instant now) {
        return call("purge deliveries", () -> redis.zremrangebyscore(prefix + ":dedupe",
                Range.create(Double.NEGATIVE_INFINITY, (double) now.toEpochMilli())).intValue());
    }

    @Override
    public DeadLetters deadLetters(Clock clock) {
        return new RedisDeadLetters(Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public WriteLedger writeLedger() {
        return ledger;
    }

    /** A ledger that reads and records only while {@code claim}'s lease is still this run's, checked in the same script. */
    @Override
    public WriteLedger writeLedger(Claim claim) {
        return new Ledger(Objects.requireNonNull(claim, "claim"));
    }

    /**
     * The request budget of one helpdesk account, shared by every replica on this Redis: a token
     * bucket holding at most a sixtieth of the budget (as the local limiter releases it), refilled
     * evenly over the period. Waits up to {@code maxWait} for a permit; when Redis does not answer
     * it grants nothing (the request waits like any other over the budget).
     *
     * @param account names the account, e.g. {@code zendesk@acme.zendesk.com}; replicas must agree on it
     */
    public RequestLimiter requestLimiter(String account, RateBudget budget, Duration maxWait) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(maxWait, "maxWait");
        if (budget.isUnlimited()) {
            return () -> true;
        }
        long capacity = budget.permitsPerSlice();
        String[] args = {account, Long.toString(capacity), Long.toString(budget.permits()),
                Long.toString(budget.period().toMillis())};
        return () -> {
            long end = System.nanoTime() + maxWait.toNanos();
            while (true) {
                long wait;
                try {
                    Long w = script("rate budget", RedisScripts.RATE, ScriptOutputType.INTEGER, args);
                    wait = w;
                } catch (StoreException e) {
                    log.warn("{}: rate budget of {} not reachable: {}", label, account, e.getMessage());
                    return false;
                }
                if (wait <= 0) {
                    return true;
                }
                long left = end - System.nanoTime();
                if (TimeUnit.MILLISECONDS.toNanos(wait) > left) {
                    return false;
                }
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        };
    }

    @Override
    public Optional<Instant> watermark(String helpdesk) {
        Objects.requireNonNull(helpdesk, "helpdesk");
        return call("read watermark", () -> {
            String v = redis.hget(prefix + ":wm", helpdesk);
            return v == null ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(v)));
        });
    }

    @Override
    public void saveWatermark(String helpdesk, Instant watermark) {
        Objects.requireNonNull(helpdesk, "helpdesk");
        Objects.requireNonNull(watermark, "watermark");
        call("save watermark", () -> redis.hset(prefix + ":wm", helpdesk, Long.toString(watermark.toEpochMilli())));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (RuntimeException e) {
            log.debug("{}: close: {}", label, e.getClass().getSimpleName());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Override
    public String toString() {
        return "RedisEventStore[" + label + "]";
    }

    // ---- dead letters

    private final class RedisDeadLetters implements DeadLetters {

        private final Clock clock;

        RedisDeadLetters(Clock clock) {
            this.clock = clock;
        }

        @Override
        public List<DeadLetterEntry> list(DeadLetterQuery query) {
            return call("list dead letters", () -> read(query));
        }

        private List<DeadLetterEntry> read(DeadLetterQuery query) {
            List<Long> ids = new ArrayList<>();
            if (query.id() != null) {
                ids.add(query.id());
            } else {
                for (String s : redis.zrange(prefix + ":dl", 0, -1)) {
                    ids.add(Long.parseLong(s));
                }
                ids.sort(Comparator.naturalOrder());
            }
            List<DeadLetterEntry> out = new ArrayList<>();
            for (long id : ids) {
                Map<String, String> f = redis.hgetall(prefix + ":dl:" + id);
                if (f == null || f.isEmpty()) {
                    continue;
                }
                DeadLetterEntry e = DeadLetterFields.read(id, f);
                if (query.matches(id, e.helpdesk())) {
                    out.add(e);
                }
            }
            return out;
        }

        @Override
        public int replay(DeadLetterQuery query) {
            long now = clock.millis();
            return call("replay dead letters", () -> {
                int moved = 0;
                for (DeadLetterEntry e : read(query)) {
                    if (e.isCorrupt()) {
                        log.warn("dead letter {} cannot be read ({}); kept, not replayed", e.id(), e.corruption());
                        continue;
                    }
                    Long r = evalsha(RedisScripts.REPLAY, ScriptOutputType.INTEGER, Long.toString(e.id()),
                            Long.toString(now));
                    moved += r.intValue();
                }
                return moved;
            });
        }

        @Override
        public int purge(Instant olderThan) {
            Long r = script("purge dead letters", RedisScripts.PURGE_DEAD, ScriptOutputType.INTEGER,
                    Long.toString(olderThan.toEpochMilli()));
            return r.intValue();
        }

        @Override
        public long count() {
            return call("count dead letters", () -> redis.zcard(prefix + ":dl"));
        }
    }

    /** Reads dead-letter hashes defensively: one unreadable value marks that entry corrupt, never the whole list. */
    private static final class DeadLetterFields {

        static DeadLetterEntry read(long id, Map<String, String> f) {
            String helpdesk = f.get("h");
            String ticketId = f.get("t");
            if (f.containsKey("corruption")) {
                return DeadLetterEntry.corrupt(id, helpdesk, ticketId, f.get("corruption"));
            }
            try {
                TicketEvent.Type type = TicketEvent.Type.valueOf(required(f, "y"));
                DeadLetterReason.Kind kind = DeadLetterReason.Kind.valueOf(required(f, "k"));
                return new DeadLetterEntry(id, required(f, "h"), required(f, "t"), type,
                        (int) number(f, "n"), new DeadLetterReason(kind, f.get("m")), (int) number(f, "a"),
                        Instant.ofEpochMilli(number(f, "f")), Instant.ofEpochMilli(number(f, "l")),
                        Instant.ofEpochMilli(number(f, "at")), null);
            } catch (IllegalArgumentException e) {
                return DeadLetterEntry.corrupt(id, helpdesk, ticketId, "unreadable: " + e.getMessage());
            }
        }

        private static String required(Map<String, String> f, String name) {
            String v = f.get(name);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(name + " is missing");
            }
            return v;
        }

        private static long number(Map<String, String> f, String name) {
            try {
                return Long.parseLong(required(f, name));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " is not a number");
            }
        }
    }

    // ---- write ledger

    /** The ledger; bound to a claim, it refuses once that claim's lease token is no longer the ticket's. */
    private final class Ledger implements WriteLedger {

        private final Claim claim;

        Ledger(Claim claim) {
            this.claim = claim;
        }

        private String token(TicketRef ref) {
            return claim != null && claim.ref().equals(ref) ? claim.token() : "";
        }

        private StoreException leaseLost(TicketRef ref) {
            return new StoreException(label + ": the lease on " + ref + " was taken over by another worker; "
                    + "this run writes nothing more", null);
        }

        @Override
        public Map<String, String> written(TicketRef ref) {
            Objects.requireNonNull(ref, "ref");
            List<Object> r = script("read ledger", RedisScripts.LEDGER_READ, ScriptOutputType.MULTI, ref.helpdesk(),
                    ref.ticketId(), token(ref));
            if (!done(r)) {
                throw leaseLost(ref);
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 1; i + 1 < r.size(); i += 2) {
                out.put(String.valueOf(r.get(i)), String.valueOf(r.get(i + 1)));
            }
            return Map.copyOf(out);
        }

        @Override
        public void record(TicketRef ref, Map<String, String> values) {
            Objects.requireNonNull(ref, "ref");
            if (values.isEmpty()) {
                return;
            }
            List<String> args = new ArrayList<>();
            args.add(ref.helpdesk());
            args.add(ref.ticketId());
            args.add(token(ref));
            values.forEach((k, v) -> {
                args.add(k);
                args.add(v);
            });
            Long r = script("record ledger", RedisScripts.LEDGER_WRITE, ScriptOutputType.INTEGER,
                    args.toArray(String[]::new));
            if (r != 1L) {
                throw leaseLost(ref);
            }
        }
    }

    // ---- plumbing

    /** Runs one script as one operation; see {@link #call}. */
    private <T> T script(String operation, String body, ScriptOutputType type, String... args) {
        return call(operation, () -> evalsha(body, type, args));
    }

    /** EVALSHA with the prefix and layout version prepended; a server that forgot the script (restart) gets it again. */
    private <T> T evalsha(String body, ScriptOutputType type, String... args) {
        String[] argv = new String[args.length + 2];
        argv[0] = prefix;
        argv[1] = V;
        System.arraycopy(args, 0, argv, 2, args.length);
        String[] keys = {layoutKey};
        String sha = shas.computeIfAbsent(body, redis::scriptLoad);
        try {
            return redis.evalsha(sha, type, keys, argv);
        } catch (RedisNoScriptException e) {
            shas.put(body, redis.scriptLoad(body));
            return redis.evalsha(shas.get(body), type, keys, argv);
        }
    }

    /**
     * Runs one operation; a Redis failure becomes a retryable {@link StoreException} naming the
     * operation, another layout version an {@link IncompatibleStoreException}. A layout key gone
     * missing (the server lost its data or was flushed) is logged and set again, once.
     */
    private <T> T call(String operation, Supplier<T> work) {
        if (closed) {
            throw new StoreException(label + ": " + operation + " failed: the store is closed", null);
        }
        try {
            try {
                return work.get();
            } catch (RedisCommandExecutionException e) {
                String found = layoutError(e);
                if (!"missing".equals(found)) {
                    throw e;
                }
                log.warn("{}: the layout key is missing: Redis lost its data (no appendonly?) or was flushed; "
                        + "setting it up again", label);
                initLayout();
                return work.get();
            }
        } catch (RedisCommandExecutionException e) {
            String found = layoutError(e);
            if (found != null) {
                checkLayout(found);
            }
            throw new StoreException(label + ": " + operation + " failed: " + describe(e), e);
        } catch (RedisException e) {
            throw new StoreException(label + ": " + operation + " failed: " + describe(e), e);
        }
    }

    private static String layoutError(RedisCommandExecutionException e) {
        String m = e.getMessage();
        int at = m == null ? -1 : m.indexOf("DESKASSIST_LAYOUT ");
        if (at < 0) {
            return null;
        }
        String rest = m.substring(at + "DESKASSIST_LAYOUT ".length()).strip();
        int end = 0;
        while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
            end++;
        }
        return rest.substring(0, end);
    }

    /** The kind of failure and Redis's own error text (which holds no event content), first line only. */
    private static String describe(RedisException e) {
        if (e instanceof RedisCommandTimeoutException) {
            return "Redis did not answer in time";
        }
        if (e instanceof RedisConnectionException || (e.getMessage() != null
                && e.getMessage().contains("not connected"))) {
            return "Redis unreachable";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}

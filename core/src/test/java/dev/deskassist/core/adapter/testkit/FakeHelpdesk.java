package dev.deskassist.core.adapter.testkit;

import dev.deskassist.core.model.Priority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A helpdesk on loopback for adapter tests, simulations and benchmarks: a MockWebServer
 * {@link Dispatcher} holding ticket state in a helpdesk-neutral form ({@link TicketState}),
 * injecting faults and logging every call. A helpdesk's fake adds only its routes: it names the
 * route of a request ({@link #route}) and answers it ({@link #answer}), rendering the state in its
 * own JSON and applying writes through {@link #applied}.
 *
 * <p>Faults, per request: seeded random ones ({@link Faults}, so that runs repeat), and scripted
 * ones for the next calls on a route ({@link #failNext}): 429 with {@code Retry-After}, 500, an
 * answer delayed past the client's timeout, or no answer at all after the write was applied (the
 * worst case for exactly-once). {@link #READS} and {@link #WRITES} match every GET and every other
 * method.
 */
public abstract class FakeHelpdesk extends Dispatcher implements AutoCloseable {

    /** Scripted faults on this route hit every GET. */
    public static final String READS = "reads";
    /** Scripted faults on this route hit every request that is not a GET. */
    public static final String WRITES = "writes";
    /** The user our writes are authored by, unless a fake says otherwise. */
    public static final String INTEGRATION_USER = "7000";

    /** One request the fake answered: method, path with decoded query, request body, status. */
    public record Call(String method, String path, String body, int status, long nanos) {
    }

    /**
     * Sees every request as it arrives ({@code System.nanoTime()}), with its route, before it is
     * answered: for tests that check timing across several clients (rates, overlapping runs).
     */
    @FunctionalInterface
    public interface Observer {
        void arrived(RecordedRequest request, String route, long nanos);
    }

    private volatile Observer observer;

    /** Installs the one {@link Observer}; {@code null} removes it. */
    public void observe(Observer observer) {
        this.observer = observer;
    }

    /** Fault rates (0 to 1) per request, chosen with a seeded random so that runs repeat. */
    public record Faults(double rateLimited, double serverError, double timeout, Duration timeoutDelay,
                         int maxRetryAfterSeconds, long seed) {

        public static final Faults NONE = new Faults(0, 0, 0, Duration.ZERO, 0, 1);
    }

    /** What a scripted fault does to the next call on a route. */
    public enum Fault {
        /** 429 with a {@code Retry-After} (see {@link #rateLimitNext}); nothing is applied. */
        RATE_LIMITED,
        /** 500; nothing is applied. */
        SERVER_ERROR,
        /** The request is applied, the answer comes after the fake's timeout delay. */
        TIMEOUT,
        /** The request is applied and never answered: the caller cannot know it succeeded. */
        LOSE_RESPONSE
    }

    /** One comment of a thread; {@code authorId} is the requester's id for the customer. */
    public record FakeComment(long id, String authorId, String body, boolean isPublic, Instant createdAt) {
    }

    /**
     * A ticket's state, neutral: each fake renders it as its helpdesk does. Field values are keyed
     * by the helpdesk's own field key (a Zendesk field id, a Freshdesk {@code cf_} name). Change it
     * through {@link #edit} (as a human) or {@link #applied} (as a write), both of which move the
     * version.
     */
    public static final class TicketState {
        public final String id;
        public String subject;
        public String description;
        public String requesterId;
        public String requesterName;
        public String requesterEmail;
        public String organization;
        public String status = "open";
        public Priority priority;
        public String group;
        public final List<String> tags = new ArrayList<>();
        public final Map<String, String> fields = new LinkedHashMap<>();
        public final List<FakeComment> comments = new ArrayList<>();
        public long version = 1;
        public Instant createdAt = Instant.parse("2026-01-05T09:00:00Z");
        public Instant updatedAt = createdAt;
        int appliedWrites;
        /** A fake may keep rendered answers here; cleared on every change. */
        public final Map<String, String> rendered = new ConcurrentHashMap<>();

        public TicketState(String id) {
            this.id = id;
        }

        /** Appends a comment dated after the last one. */
        public FakeComment addComment(String authorId, String body, boolean isPublic) {
            Instant last = comments.isEmpty() ? createdAt : comments.get(comments.size() - 1).createdAt();
            FakeComment c = new FakeComment(comments.size() + 2L, authorId, body, isPublic, last.plusSeconds(60));
            comments.add(c);
            return c;
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final Faults faults;
    private final Random random;
    private final Map<String, TicketState> tickets = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> scripted = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger faultsInjected = new AtomicInteger();
    private volatile Duration scriptedRetryAfter = Duration.ofSeconds(1);
    private volatile boolean recordCalls = true;

    protected FakeHelpdesk(Faults faults) throws IOException {
        this.faults = faults == null ? Faults.NONE : faults;
        this.random = new Random(this.faults.seed());
        server.setDispatcher(this);
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    /**
     * MockWebServer writes a response's head and body separately; with Nagle's algorithm on the
     * accepted socket the body waits for the client's delayed ACK, about 40 ms per request on
     * Linux, which hid every other cost in benchmarks. Accepted sockets get TCP_NODELAY.
     */
    private static final class NoDelayServerSockets extends javax.net.ServerSocketFactory {

        @Override
        public java.net.ServerSocket createServerSocket() throws IOException {
            return new java.net.ServerSocket() {
                @Override
                public java.net.Socket accept() throws IOException {
                    java.net.Socket s = super.accept();
                    s.setTcpNoDelay(true);
                    return s;
                }
            };
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port) throws IOException {
            java.net.ServerSocket s = createServerSocket();
            s.bind(new java.net.InetSocketAddress(port));
            return s;
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
            java.net.ServerSocket s = createServerSocket();
            s.bind(new java.net.InetSocketAddress(port), backlog);
            return s;
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog, InetAddress address)
                throws IOException {
            java.net.ServerSocket s = createServerSocket();
            s.bind(new java.net.InetSocketAddress(address, port), backlog);
            return s;
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:54321}. */
    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** The user our writes are authored by. */
    public String integrationUserId() {
        return INTEGRATION_USER;
    }

    // ---- state ------------------------------------------------------------------------------

    /** Adds a ticket with an opening message from its requester; returns its state for further setup. */
    public TicketState addTicket(String id, String subject, String description) {
        TicketState s = new TicketState(id);
        s.subject = subject;
        s.description = description;
        s.requesterId = String.valueOf(10_000 + Math.abs((long) id.hashCode() % 1_000_000));
        s.requesterName = "Customer " + id;
        s.requesterEmail = "customer" + id + "@example.com";
        s.organization = "Example Org";
        tickets.put(id, s);
        return s;
    }

    /** The state of a ticket, or null. Read it under {@code synchronized (state)}. */
    public TicketState ticket(String id) {
        return tickets.get(id);
    }

    /** Changes a ticket as a human would: the version moves, so a write made from an older read conflicts. */
    public void edit(String id, Consumer<TicketState> edit) {
        TicketState s = require(id);
        synchronized (s) {
            edit.accept(s);
            bump(s);
        }
    }

    /** The customer writes a public comment. */
    public void customerComment(String id, String body) {
        edit(id, s -> s.addComment(s.requesterId, body, true));
    }

    /** Marks a ticket as closed; the helpdesk then refuses updates. */
    public void close(String id) {
        edit(id, s -> s.status = "closed");
    }

    public void reopen(String id) {
        edit(id, s -> s.status = "open");
    }

    /** The thread of a ticket, as stored. */
    public List<FakeComment> thread(String id) {
        TicketState s = require(id);
        synchronized (s) {
            return List.copyOf(s.comments);
        }
    }

    /** The internal notes of a ticket. */
    public List<FakeComment> internalNotes(String id) {
        return thread(id).stream().filter(c -> !c.isPublic()).toList();
    }

    /** How many writes changed this ticket. */
    public int appliedUpdates(String id) {
        TicketState s = tickets.get(id);
        if (s == null) {
            return 0;
        }
        synchronized (s) {
            return s.appliedWrites;
        }
    }

    /** To be called by a fake after it applied a write to {@code s} (holding its lock). */
    protected void applied(TicketState s) {
        s.appliedWrites++;
        bump(s);
    }

    private static void bump(TicketState s) {
        s.version++;
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        s.updatedAt = now.isAfter(s.updatedAt) ? now : s.updatedAt.plusSeconds(1);
        s.rendered.clear();
    }

    private TicketState require(String id) {
        TicketState s = tickets.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no ticket " + id);
        }
        return s;
    }

    // ---- faults and calls -------------------------------------------------------------------

    /** The next {@code times} calls on {@code route} (a fake's route name, {@link #READS} or {@link #WRITES}) fail so. */
    public void failNext(String route, int times, Fault fault) {
        Deque<Fault> q = scripted.computeIfAbsent(route, k -> new ArrayDeque<>());
        synchronized (q) {
            for (int i = 0; i < times; i++) {
                q.add(fault);
            }
        }
    }

    /** The next {@code times} calls on {@code route} answer 429 with this {@code Retry-After}. */
    public void rateLimitNext(String route, int times, Duration retryAfter) {
        this.scriptedRetryAfter = retryAfter;
        failNext(route, times, Fault.RATE_LIMITED);
    }

    /** Drops every scripted fault not yet used. */
    public void clearFaults() {
        scripted.clear();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The recorded calls that were not GETs. */
    public List<Call> writes() {
        return calls.stream().filter(c -> !c.method().equals("GET")).toList();
    }

    /** Stops recording calls (a benchmark sends thousands). */
    public void recordCalls(boolean on) {
        this.recordCalls = on;
    }

    public void clearCalls() {
        calls.clear();
    }

    /** Returns and forgets the recorded calls of one ticket, so that each round trip shows only its own. */
    public synchronized List<Call> takeCallsFor(String id) {
        List<Call> mine = calls.stream().filter(c -> concerns(c.path(), id)).toList();
        calls.removeAll(mine);
        return mine;
    }

    public int faultsInjected() {
        return faultsInjected.get();
    }

    // ---- what a helpdesk's fake supplies ------------------------------------------------------

    /** The route name of a request (e.g. {@code ticket.update}), or null when the fake knows no such endpoint. */
    protected abstract String route(RecordedRequest request);

    /** The helpdesk's answer to a request on a known route; writes are applied here. */
    protected abstract MockResponse answer(String route, RecordedRequest request);

    /** Whether a call's path belongs to the ticket (for {@link #takeCallsFor}). */
    protected abstract boolean concerns(String path, String ticketId);

    /** The answer to an unknown route. */
    protected MockResponse unknownRoute() {
        return json(404, "{\"error\":\"Invalid URI endpoint\"}");
    }

    /** The body of a 429; Zendesk's, for one, is text/html. */
    protected MockResponse rateLimited(long retryAfterSeconds) {
        return new MockResponse().setResponseCode(429).setHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .setHeader("Content-Type", "text/html").setBody("Rate limit exceeded, please wait");
    }

    protected static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json; charset=utf-8")
                .setBody(body);
    }

    // ---- dispatch -----------------------------------------------------------------------------

    @Override
    public final MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        long start = System.nanoTime();
        // MockWebServer queues every request for takeRequest(); this fake keeps its own log
        server.takeRequest(0, TimeUnit.MILLISECONDS);
        String route = route(request);
        Observer o = observer;
        if (o != null) {
            o.arrived(request, route, start);
        }
        Injected injected = route == null ? null : nextFault(route, request.getMethod());
        Fault fault = injected == null ? null : injected.fault();
        MockResponse response;
        if (fault == Fault.RATE_LIMITED) {
            response = rateLimited(injected.retryAfterSeconds());
        } else if (fault == Fault.SERVER_ERROR) {
            response = json(500, "{\"error\":\"InternalError\",\"description\":\"injected\"}");
        } else {
            response = route == null ? unknownRoute() : answer(route, request);
            if (fault == Fault.TIMEOUT) {
                response.setHeadersDelay(faults.timeoutDelay().toMillis(), TimeUnit.MILLISECONDS);
            } else if (fault == Fault.LOSE_RESPONSE) {
                response.setSocketPolicy(SocketPolicy.NO_RESPONSE);
            }
        }
        if (recordCalls) {
            calls.add(new Call(request.getMethod(), decode(request.getPath()), body(request),
                    fault == Fault.LOSE_RESPONSE ? 0 : status(response), System.nanoTime() - start));
        }
        return response;
    }

    private record Injected(Fault fault, long retryAfterSeconds) {
    }

    private Injected nextFault(String route, String method) {
        Fault f = poll(route);
        if (f == null) {
            f = poll(method.equals("GET") ? READS : WRITES);
        }
        if (f != null) {
            faultsInjected.incrementAndGet();
            return new Injected(f, scriptedRetryAfter.toSeconds());
        }
        double r;
        long wait;
        synchronized (random) {
            r = random.nextDouble();
            wait = faults.maxRetryAfterSeconds() <= 0 ? 0 : random.nextInt(faults.maxRetryAfterSeconds() + 1);
        }
        if (r < faults.rateLimited()) {
            f = Fault.RATE_LIMITED;
        } else if (r < faults.rateLimited() + faults.serverError()) {
            f = Fault.SERVER_ERROR;
        } else if (r < faults.rateLimited() + faults.serverError() + faults.timeout()) {
            f = Fault.TIMEOUT;
        }
        if (f == null) {
            return null;
        }
        faultsInjected.incrementAndGet();
        return new Injected(f, wait);
    }

    private Fault poll(String route) {
        Deque<Fault> q = scripted.get(route);
        if (q == null) {
            return null;
        }
        synchronized (q) {
            return q.poll();
        }
    }

    private static int status(MockResponse r) {
        String[] parts = r.getStatus().split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    }

    private static String decode(String s) {
        return s == null ? "" : URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The request body as text; the buffer is left for others to read. */
    protected static String body(RecordedRequest request) {
        return request.getBody().clone().readUtf8();
    }

    /** Query parameters of a request, decoded. */
    protected static Map<String, String> query(RecordedRequest request) {
        Map<String, String> q = new LinkedHashMap<>();
        okhttp3.HttpUrl url = request.getRequestUrl();
        if (url != null) {
            for (String name : url.queryParameterNames()) {
                q.put(name, url.queryParameter(name));
            }
        }
        return q;
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

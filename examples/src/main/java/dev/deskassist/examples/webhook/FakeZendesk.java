package dev.deskassist.examples.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small in-memory Zendesk on loopback for the simulation, the reliability test and the
 * benchmark: show ticket (with users and organizations sideloaded), list comments with cursor
 * pagination, and update ticket with {@code safe_update} (409 on a stale {@code updated_stamp},
 * 422 on a closed ticket, tags replaced, comments appended). It records every call, counts the
 * updates it applied per ticket, and can inject seeded faults: 429 with {@code Retry-After}, 500,
 * and timeouts (an update is applied <em>before</em> the delay, the worst case for exactly-once).
 */
public final class FakeZendesk implements AutoCloseable {

    private static final jakarta.json.spi.JsonProvider JSONP = dev.deskassist.core.json.JsonCodec.jsonp();

    static {
        HttpServers.noDelay();
    }

    /** One request the fake answered: method, path with query, request body, status. */
    public record Call(String method, String path, String body, int status, long nanos) {
    }

    /** Fault rates (0 to 1) per request, chosen with a seeded random so that runs repeat. */
    public record Faults(double rateLimited, double serverError, double timeout, Duration timeoutDelay,
                         int maxRetryAfterSeconds, long seed) {

        public static final Faults NONE = new Faults(0, 0, 0, Duration.ZERO, 0, 1);
    }

    private static final Pattern TICKET = Pattern.compile("/api/v2/tickets/(\\d+)\\.json");
    private static final Pattern COMMENTS = Pattern.compile("/api/v2/tickets/(\\d+)/comments\\.json");
    private static final long AGENT_ID = 7000;

    private final HttpServer server;
    private final String url;
    private final ExecutorService pool;
    private final Faults faults;
    private final Random random;
    private final Map<String, State> tickets = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
    private final AtomicInteger faultsInjected = new AtomicInteger();
    private volatile boolean recordCalls = true;

    private static final class State {
        final String id;
        final String subject;
        final long requesterId;
        final String requesterName;
        final String requesterEmail;
        final String organization;
        String status = "open";
        String priority;
        Long groupId;
        List<String> tags = new ArrayList<>();
        final Map<Long, String> fields = new LinkedHashMap<>();
        final List<JsonObject> comments = new ArrayList<>();
        Instant createdAt = Instant.parse("2026-01-05T09:00:00Z");
        Instant updatedAt = createdAt;
        // Answers rendered ahead, dropped on every change: the fake shares the CPU with what the
        // benchmark measures, and building the same JSON per request cost about 1 ms per event.
        String shown;
        String firstCommentPage;

        void changed() {
            shown = null;
            firstCommentPage = null;
        }

        State(String id, String subject, long requesterId, String name, String email, String org) {
            this.id = id;
            this.subject = subject;
            this.requesterId = requesterId;
            this.requesterName = name;
            this.requesterEmail = email;
            this.organization = org;
        }
    }

    public FakeZendesk(Faults faults) throws IOException {
        this.faults = faults;
        this.random = new Random(faults.seed());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        this.pool = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "fake-zendesk");
            t.setDaemon(true);
            return t;
        });
        // Without injected timeouts every answer takes microseconds, so the server's own dispatcher
        // thread answers: a hand-off to a pool thread per request cost a thread wake-up each, which on
        // a busy 2-core machine added milliseconds to every call. Timeouts sleep, so they need the pool.
        server.setExecutor(faults.timeout() > 0 ? pool : null);
        server.createContext("/api/v2/tickets/", this::handle);
        server.start();
        this.url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:54321}. */
    public String url() {
        return url;
    }

    /** Adds a ticket with its opening message and optional follow-up customer messages. */
    public void addTicket(String id, String subject, String description, String requesterName, String email,
                          String organization, List<String> tags, List<String> followUps) {
        long requester = 10_000 + Long.parseLong(id);
        State s = new State(id, subject, requester, requesterName, email, organization);
        s.tags = new ArrayList<>(tags);
        s.comments.add(comment(1, requester, description, true, s.createdAt));
        int n = 2;
        for (String f : followUps) {
            s.comments.add(comment(n, requester, f, true, s.createdAt.plusSeconds(60L * n)));
            n++;
        }
        s.shown = showTicket(s).toString();
        s.firstCommentPage = comments(s, Map.of()).toString();
        tickets.put(id, s);
    }

    /** Marks a ticket as closed, so that updates get 422. */
    public void close(String id) {
        State s = tickets.get(id);
        synchronized (s) {
            s.status = "closed";
            s.changed();
        }
    }

    /** Re-opens a closed ticket. */
    public void reopen(String id) {
        State s = tickets.get(id);
        synchronized (s) {
            s.status = "open";
            s.changed();
        }
    }

    /** Simulates an agent editing the ticket (priority) so that our next safe update conflicts. */
    public void humanEdit(String id, String priority) {
        State s = tickets.get(id);
        synchronized (s) {
            s.priority = priority;
            s.updatedAt = next(s.updatedAt);
            s.changed();
        }
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Stops recording calls (the benchmark sends thousands). */
    public void recordCalls(boolean on) {
        this.recordCalls = on;
    }

    public void clearCalls() {
        calls.clear();
    }

    /** Returns and forgets the recorded calls of one ticket, so that each round trip shows only its own. */
    public synchronized List<Call> takeCallsFor(String id) {
        List<Call> mine = calls.stream().filter(c -> c.path().startsWith("/api/v2/tickets/" + id + ".json")
                || c.path().startsWith("/api/v2/tickets/" + id + "/")).toList();
        calls.removeAll(mine);
        return mine;
    }

    /** How many updates changed this ticket. */
    public int appliedUpdates(String id) {
        AtomicInteger n = applied.get(id);
        return n == null ? 0 : n.get();
    }

    public int faultsInjected() {
        return faultsInjected.get();
    }

    /** The comments of a ticket as stored, for checks. */
    public List<JsonObject> comments(String id) {
        State s = tickets.get(id);
        synchronized (s) {
            return List.copyOf(s.comments);
        }
    }

    public List<String> tags(String id) {
        State s = tickets.get(id);
        synchronized (s) {
            return List.copyOf(s.tags);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        String rawQuery = ex.getRequestURI().getRawQuery();
        // only updates carry a body; reading a GET's empty stream still allocated a buffer per call
        String body = method.equals("GET") ? "" : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status;
        String response;
        String fault = fault();
        try {
            if (fault.equals("429")) {
                int wait = faults.maxRetryAfterSeconds() <= 0 ? 0 : randomInt(faults.maxRetryAfterSeconds() + 1);
                ex.getResponseHeaders().set("Retry-After", String.valueOf(wait));
                status = 429;
                response = "Rate limit for ticket updates exceeded, please wait before updating this ticket again";
                ex.getResponseHeaders().set("Content-Type", "text/html");
            } else if (fault.equals("500")) {
                status = 500;
                response = "{\"error\":\"InternalError\",\"description\":\"injected\"}";
            } else {
                Matcher t = TICKET.matcher(path);
                Matcher c = COMMENTS.matcher(path);
                if (t.matches() && method.equals("GET")) {
                    State s = tickets.get(t.group(1));
                    status = s == null ? 404 : 200;
                    response = s == null ? "{\"error\":\"RecordNotFound\"}" : shown(s);
                } else if (c.matches() && method.equals("GET")) {
                    State s = tickets.get(c.group(1));
                    status = s == null ? 404 : 200;
                    response = s == null ? "{\"error\":\"RecordNotFound\"}" : commentPage(s, query(rawQuery));
                } else if (t.matches() && method.equals("PUT")) {
                    State s = tickets.get(t.group(1));
                    String[] r = s == null ? new String[] {"404", "{\"error\":\"RecordNotFound\"}"} : update(s, body);
                    status = Integer.parseInt(r[0]);
                    response = r[1];
                } else {
                    status = 400;
                    response = "{\"error\":\"Invalid URI endpoint\"}";
                }
                if (fault.equals("timeout")) {
                    // the work is done, the answer comes too late: the caller cannot know it succeeded
                    sleep(faults.timeoutDelay());
                }
            }
            if (recordCalls) {
                calls.add(new Call(method, path + (rawQuery == null ? "" : "?" + decode(rawQuery)), body, status,
                        System.nanoTime() - start));
            }
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            if (!ex.getResponseHeaders().containsKey("Content-Type")) {
                ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            }
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the client gave up (timeout): nothing to answer
        } finally {
            ex.close();
        }
    }

    private String fault() {
        double r;
        synchronized (random) {
            r = random.nextDouble();
        }
        String f = "none";
        if (r < faults.rateLimited()) {
            f = "429";
        } else if (r < faults.rateLimited() + faults.serverError()) {
            f = "500";
        } else if (r < faults.rateLimited() + faults.serverError() + faults.timeout()) {
            f = "timeout";
        }
        if (!f.equals("none")) {
            faultsInjected.incrementAndGet();
        }
        return f;
    }

    private int randomInt(int bound) {
        synchronized (random) {
            return random.nextInt(bound);
        }
    }

    private String shown(State s) {
        synchronized (s) {
            if (s.shown == null) {
                s.shown = showTicket(s).toString();
            }
            return s.shown;
        }
    }

    /** The first page at the default size comes from the cache; any other page is built. */
    private String commentPage(State s, Map<String, String> q) {
        boolean first = !q.containsKey("page[after]") && q.getOrDefault("page[size]", "100").equals("100");
        synchronized (s) {
            if (!first) {
                return comments(s, q).toString();
            }
            if (s.firstCommentPage == null) {
                s.firstCommentPage = comments(s, q).toString();
            }
            return s.firstCommentPage;
        }
    }

    private JsonObject showTicket(State s) {
        synchronized (s) {
            JsonObjectBuilder t = ticketJson(s);
            return JSONP.createObjectBuilder().add("ticket", t)
                    .add("users", JSONP.createArrayBuilder().add(JSONP.createObjectBuilder().add("id", s.requesterId)
                            .add("name", s.requesterName).add("email", s.requesterEmail).add("role", "end-user")
                            .add("organization_id", 500)))
                    .add("organizations", JSONP.createArrayBuilder().add(JSONP.createObjectBuilder().add("id", 500)
                            .add("name", s.organization)))
                    .build();
        }
    }

    private JsonObjectBuilder ticketJson(State s) {
        JsonArrayBuilder tags = JSONP.createArrayBuilder();
        s.tags.forEach(tags::add);
        JsonArrayBuilder fields = JSONP.createArrayBuilder();
        s.fields.forEach((id, v) -> fields.add(JSONP.createObjectBuilder().add("id", id).add("value", v)));
        JsonObjectBuilder t = JSONP.createObjectBuilder().add("id", Long.parseLong(s.id))
                .add("url", url() + "/api/v2/tickets/" + s.id + ".json")
                .add("subject", s.subject)
                .add("description", s.comments.get(0).getString("body"))
                .add("status", s.status)
                .add("requester_id", s.requesterId).add("organization_id", 500)
                .add("tags", tags).add("custom_fields", fields)
                .add("via", JSONP.createObjectBuilder().add("channel", "email"))
                .add("created_at", s.createdAt.toString()).add("updated_at", s.updatedAt.toString());
        t.add("priority", s.priority == null ? JsonValue.NULL : JSONP.createValue(s.priority));
        t.add("group_id", s.groupId == null ? JsonValue.NULL : JSONP.createValue(s.groupId));
        return t;
    }

    private JsonObject comments(State s, Map<String, String> q) {
        synchronized (s) {
            int size = Math.min(100, Math.max(1, Integer.parseInt(q.getOrDefault("page[size]", "100"))));
            int from = Integer.parseInt(q.getOrDefault("page[after]", "0"));
            int to = Math.min(s.comments.size(), from + size);
            JsonArrayBuilder arr = JSONP.createArrayBuilder();
            s.comments.subList(from, to).forEach(arr::add);
            boolean more = to < s.comments.size();
            JsonObjectBuilder b = JSONP.createObjectBuilder().add("comments", arr)
                    .add("meta", JSONP.createObjectBuilder().add("has_more", more).add("after_cursor", String.valueOf(to)))
                    .add("users", JSONP.createArrayBuilder().add(JSONP.createObjectBuilder().add("id", s.requesterId)
                            .add("name", s.requesterName).add("role", "end-user"))
                            .add(JSONP.createObjectBuilder().add("id", AGENT_ID).add("name", "DeskAssist bot")
                                    .add("role", "agent")));
            if (more) {
                b.add("links", JSONP.createObjectBuilder().add("next", url() + "/api/v2/tickets/" + s.id
                        + "/comments.json?page[size]=" + size + "&page[after]=" + to));
            }
            return b.build();
        }
    }

    private String[] update(State s, String body) {
        JsonObject t;
        try (JsonReader r = JSONP.createReader(new StringReader(body))) {
            t = r.readObject().getJsonObject("ticket");
        } catch (RuntimeException e) {
            return new String[] {"400", "{\"error\":\"InvalidJSON\"}"};
        }
        if (t == null) {
            return new String[] {"400", "{\"error\":\"InvalidJSON\"}"};
        }
        synchronized (s) {
            if ("closed".equals(s.status)) {
                return new String[] {"422", "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\","
                        + "\"details\":{\"status\":[{\"description\":\"Status: closed prevents ticket update\"}]}}"};
            }
            if (t.containsKey("safe_update") && !s.updatedAt.toString().equals(t.getString("updated_stamp", ""))) {
                return new String[] {"409", "{\"error\":\"UpdateConflict\",\"description\":\"ticket changed\"}"};
            }
            if (t.get("tags") instanceof jakarta.json.JsonArray tags) {
                s.tags = new ArrayList<>(tags.getValuesAs(JsonString::getString));
            }
            if (t.containsKey("priority")) {
                s.priority = t.getString("priority");
            }
            if (t.containsKey("group_id")) {
                s.groupId = t.getJsonNumber("group_id").longValue();
            }
            if (t.get("custom_fields") instanceof jakarta.json.JsonArray fields) {
                fields.getValuesAs(JsonObject.class).forEach(f -> s.fields.put(f.getJsonNumber("id").longValue(),
                        f.get("value") instanceof JsonString v ? v.getString() : f.get("value").toString()));
            }
            if (t.get("comment") instanceof JsonObject c) {
                s.comments.add(comment(s.comments.size() + 1, AGENT_ID, c.getString("body"),
                        c.getBoolean("public", true), next(s.updatedAt)));
            }
            s.updatedAt = next(s.updatedAt);
            s.changed();
            applied.computeIfAbsent(s.id, k -> new AtomicInteger()).incrementAndGet();
            return new String[] {"200", JSONP.createObjectBuilder().add("ticket", ticketJson(s))
                    .add("audit", JSONP.createObjectBuilder().add("events", JSONP.createArrayBuilder())).build().toString()};
        }
    }

    private static Instant next(Instant previous) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return now.isAfter(previous) ? now : previous.plusSeconds(1);
    }

    private static JsonObject comment(long id, long author, String body, boolean isPublic, Instant at) {
        return JSONP.createObjectBuilder().add("id", id).add("type", "Comment").add("author_id", author)
                .add("body", body).add("html_body", "").add("plain_body", body).add("public", isPublic)
                .add("created_at", at.toString()).build();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String part : raw.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    q.put(decode(part.substring(0, eq)), decode(part.substring(eq + 1)));
                }
            }
        }
        return q;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}

package dev.deskassist.servicenow.testkit;

import dev.deskassist.core.adapter.testkit.FakeHelpdesk;
import dev.deskassist.core.model.Priority;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * ServiceNow's Table API on a {@link FakeHelpdesk}, for adapter tests and the simulation:
 * <ul>
 *   <li>{@code GET /api/now/table/<table>/<sys_id>} with {@code sysparm_fields} (dot-walks of the
 *       caller included) and {@code sysparm_display_value=all|true|false}; the journal fields'
 *       display values list entries newest first, as the instance does;</li>
 *   <li>{@code GET /api/now/table/sys_journal_field} for {@code element_id=<sys_id>}, paged with
 *       {@code sysparm_limit}/{@code sysparm_offset}, {@code Link} and {@code X-Total-Count}; when
 *       the journal is not readable ({@link #denyJournalRead}) it answers 200 with an empty list;</li>
 *   <li>{@code PATCH /api/now/table/<table>/<sys_id>}: string values only (else 400); {@code priority}
 *       never sticks, it is computed from impact and urgency with the fake's lookup
 *       ({@link #lookup}); fields made read-only ({@link #readOnly}) are silently left as they were;
 *       {@code work_notes} and {@code comments} append journal entries by the integration user;
 *       {@code sys_mod_count} goes up by one; a closed record answers 403 (an ACL);</li>
 *   <li>{@code GET /api/now/table/<table>?sysparm_query=sys_updated_on>=…^sys_updated_by!=…} for the
 *       poller;</li>
 *   <li>{@code POST /oauth_token.do} (client credentials) when {@link #oauth} is on: record routes
 *       then want its bearer token, and a token can be made to expire ({@link #revokeTokens}).</li>
 * </ul>
 * Errors have ServiceNow's shape {@code {"error":{"message","detail"},"status":"failure"}}; a 429
 * carries {@code Retry-After}, {@code X-RateLimit-Limit} and {@code X-RateLimit-Reset}.
 */
public final class FakeServiceNow extends FakeHelpdesk {

    private static final jakarta.json.spi.JsonProvider JSONP = dev.deskassist.core.json.JsonCodec.jsonp();

    public static final String RECORD = "record.get";
    public static final String PATCH = "record.patch";
    public static final String JOURNAL = "journal.list";
    public static final String LIST = "record.list";
    public static final String TOKEN = "oauth.token";
    /** The user name DeskAssist writes as. */
    public static final String INTEGRATION_USER = "deskassist.integration";

    private static final DateTimeFormatter RAW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Pattern RECORD_PATH = Pattern.compile("/api/now/table/([a-z0-9_]+)/([0-9a-f]{32})");
    private static final Pattern LIST_PATH = Pattern.compile("/api/now/table/([a-z0-9_]+)");
    private static final Pattern UPDATED_SINCE = Pattern.compile("sys_updated_on>=(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})");
    private static final Pattern NOT_UPDATED_BY = Pattern.compile("sys_updated_by!=([^^]+)");
    private static final Pattern ELEMENT_ID = Pattern.compile("element_id=([0-9a-f]{32})");
    private static final int[][] STANDARD = {{1, 2, 3}, {2, 3, 4}, {3, 4, 5}};

    private final String table;
    private final String tagsField;
    private final Map<String, String> numbers = new ConcurrentHashMap<>();
    private final Map<String, String> updatedBy = new ConcurrentHashMap<>();
    private final Set<String> readOnly = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sequence = new AtomicInteger(10_000);
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile int[][] lookup = STANDARD;
    private volatile boolean journalReadable = true;
    private volatile DateTimeFormatter displayFormat = RAW;
    private volatile String oauthClientId;
    private volatile String oauthClientSecret;
    private volatile long tokenLifetimeSeconds = 1799;
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();

    /** A fake of {@code table} whose labels live in {@code tagsField} ({@code null}: none). */
    public FakeServiceNow(String table, String tagsField, Faults faults) throws IOException {
        super(faults);
        this.table = table;
        this.tagsField = tagsField;
    }

    /** An incident table with the labels in {@code u_ai_labels}, without faults. */
    public FakeServiceNow() throws IOException {
        this("incident", "u_ai_labels", Faults.NONE);
    }

    /** A 32-hex-digit sys_id derived from a seed, the same on every run. */
    public static String sysId(String seed) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String integrationUserId() {
        return INTEGRATION_USER;
    }

    @Override
    public TicketState addTicket(String id, String subject, String description) {
        TicketState s = super.addTicket(id, subject, description);
        numbers.put(id, (table.equals("incident") ? "INC" : "CS") + String.format("%07d", sequence.incrementAndGet()));
        updatedBy.put(id, callerUserName(s));
        return s;
    }

    /** The number people see, e.g. {@code INC0010001}. */
    public String number(String id) {
        return numbers.get(id);
    }

    /** The user name of a record's caller. */
    public String callerUserName(TicketState s) {
        return "customer." + s.requesterId;
    }

    /** An agent (user name {@code agent}) changes the record. */
    @Override
    public void edit(String id, java.util.function.Consumer<TicketState> edit) {
        super.edit(id, s -> {
            edit.accept(s);
            updatedBy.put(s.id, "agent.smith");
            syncPriority(s);
        });
    }

    /** The caller writes an additional comment. */
    @Override
    public void customerComment(String id, String body) {
        TicketState s = ticket(id);
        super.edit(id, x -> x.addComment(x.requesterId, body, true));
        updatedBy.put(id, callerUserName(s));
    }

    /** An agent sets impact and urgency; the priority follows from the lookup. */
    public void agentSetsImpactUrgency(String id, int impact, int urgency) {
        edit(id, s -> {
            s.fields.put("impact", String.valueOf(impact));
            s.fields.put("urgency", String.valueOf(urgency));
        });
    }

    /** Who last updated the record (its {@code sys_updated_by}). */
    public String updatedBy(String id) {
        return updatedBy.get(id);
    }

    // ---- behaviour switches

    /** The instance's priority lookup, rows impact 1–3, columns urgency 1–3 (the base system's by default). */
    public void lookup(int[][] matrix) {
        this.lookup = Arrays.stream(matrix).map(int[]::clone).toArray(int[][]::new);
    }

    /** The integration user may not write these fields: a PATCH leaves them as they were, without an error. */
    public void readOnly(String... fields) {
        readOnly.addAll(List.of(fields));
    }

    /** The read ACL of sys_journal_field filters the integration user out: 200 with no rows. */
    public void denyJournalRead() {
        this.journalReadable = false;
    }

    /** How display values show dates: a pattern and the reading user's time zone (default ISO-like, UTC). */
    public void displayDates(String pattern, ZoneId zone) {
        this.displayFormat = DateTimeFormatter.ofPattern(pattern, java.util.Locale.ROOT).withZone(zone);
    }

    /** Turns on OAuth: {@code /oauth_token.do} issues tokens for this client, record routes want one. */
    public void oauth(String clientId, String clientSecret, long lifetimeSeconds) {
        this.oauthClientId = clientId;
        this.oauthClientSecret = clientSecret;
        this.tokenLifetimeSeconds = lifetimeSeconds;
    }

    /** Every token issued so far stops working (the next call gets 401). */
    public void revokeTokens() {
        validTokens.clear();
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    // ---- routes

    @Override
    protected String route(RecordedRequest request) {
        String path = request.getRequestUrl() == null ? "" : request.getRequestUrl().encodedPath();
        String method = request.getMethod();
        if (path.equals("/oauth_token.do")) {
            return "POST".equals(method) ? TOKEN : null;
        }
        if (path.equals("/api/now/table/sys_journal_field")) {
            return "GET".equals(method) ? JOURNAL : null;
        }
        Matcher r = RECORD_PATH.matcher(path);
        if (r.matches()) {
            return "GET".equals(method) ? RECORD : "PATCH".equals(method) ? PATCH : null;
        }
        Matcher l = LIST_PATH.matcher(path);
        return l.matches() && "GET".equals(method) ? LIST : null;
    }

    @Override
    protected boolean concerns(String path, String ticketId) {
        return path.contains("/" + ticketId) || path.contains("element_id=" + ticketId);
    }

    @Override
    protected MockResponse unknownRoute() {
        return error(400, "Requested URI does not represent any resource", null);
    }

    @Override
    protected MockResponse rateLimited(long retryAfterSeconds) {
        long reset = Instant.now().getEpochSecond() + retryAfterSeconds;
        return error(429, "Rate limit exceeded", "Rate limit of 100 requests per hour for Table API exceeded")
                .setHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .setHeader("X-RateLimit-Limit", "100")
                .setHeader("X-RateLimit-Reset", String.valueOf(reset));
    }

    private static MockResponse error(int status, String message, String detail) {
        JsonObjectBuilder e = JSONP.createObjectBuilder().add("message", message);
        e.add("detail", detail == null ? JsonValue.NULL : JSONP.createValue(detail));
        return json(status, JSONP.createObjectBuilder().add("error", e).add("status", "failure").build().toString());
    }

    @Override
    protected MockResponse answer(String route, RecordedRequest request) {
        if (route.equals(TOKEN)) {
            return token(body(request));
        }
        MockResponse refused = authenticate(request);
        if (refused != null) {
            return refused;
        }
        Map<String, String> q = query(request);
        String path = request.getRequestUrl().encodedPath();
        return switch (route) {
            case JOURNAL -> journal(q);
            case LIST -> list(path, q);
            default -> {
                Matcher m = RECORD_PATH.matcher(path);
                m.matches();
                TicketState s = m.group(1).equals(table) ? ticket(m.group(2)) : null;
                if (s == null) {
                    yield error(404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
                }
                synchronized (s) {
                    yield route.equals(RECORD) ? json(200, wrap(record(s, q)))
                            : patch(s, body(request), q);
                }
            }
        };
    }

    private MockResponse authenticate(RecordedRequest request) {
        if (oauthClientId == null) {
            return null;
        }
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.startsWith("Bearer ") && validTokens.contains(auth.substring(7))) {
            return null;
        }
        return error(401, "User Not Authenticated", "Required to provide Auth information")
                .setHeader("WWW-Authenticate", "BASIC realm=\"Service-now\"");
    }

    private MockResponse token(String form) {
        Map<String, String> f = new java.util.HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                f.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (oauthClientId == null || !"client_credentials".equals(f.get("grant_type"))
                || !oauthClientId.equals(f.get("client_id")) || !oauthClientSecret.equals(f.get("client_secret"))) {
            return json(401, "{\"error\":\"access_denied\",\"error_description\":\"access_denied\"}");
        }
        String token = "fake-token-" + tokensIssued.incrementAndGet();
        validTokens.add(token);
        return json(200, JSONP.createObjectBuilder().add("scope", "useraccount").add("token_type", "Bearer")
                .add("expires_in", tokenLifetimeSeconds).add("access_token", token).build().toString());
    }

    // ---- rendering

    private static String wrap(JsonObject result) {
        return JSONP.createObjectBuilder().add("result", result).build().toString();
    }

    private int priorityNumber(TicketState s) {
        int impact = Integer.parseInt(s.fields.getOrDefault("impact", "3"));
        int urgency = Integer.parseInt(s.fields.getOrDefault("urgency", "3"));
        return lookup[impact - 1][urgency - 1];
    }

    private void syncPriority(TicketState s) {
        int n = priorityNumber(s);
        s.priority = n == 1 ? Priority.URGENT : n == 2 ? Priority.HIGH : n == 3 ? Priority.NORMAL : Priority.LOW;
    }

    private String userName(TicketState s, String authorId) {
        return authorId.equals(s.requesterId) ? callerUserName(s) : authorId;
    }

    private String displayName(TicketState s, String userName) {
        if (userName.equals(callerUserName(s))) {
            return s.requesterName;
        }
        return userName.equals(INTEGRATION_USER) ? "DeskAssist Integration" : userName;
    }

    /** The record's fields as (display, raw) pairs. */
    private Map<String, String[]> fields(TicketState s) {
        Map<String, String[]> f = new java.util.LinkedHashMap<>();
        boolean closed = "closed".equals(s.status);
        String closedState = table.equals("incident") ? "7" : "3";
        put(f, "sys_id", s.id);
        put(f, "number", numbers.get(s.id));
        put(f, "short_description", s.subject);
        put(f, "description", s.description);
        f.put("state", closed ? new String[] {"Closed", closedState} : new String[] {"In Progress", "2"});
        put(f, "active", String.valueOf(!closed));
        int p = priorityNumber(s);
        f.put("priority", new String[] {p + " - " + List.of("Critical", "High", "Moderate", "Low", "Planning").get(p - 1),
                String.valueOf(p)});
        put(f, "impact", s.fields.getOrDefault("impact", "3"));
        put(f, "urgency", s.fields.getOrDefault("urgency", "3"));
        f.put("assignment_group", s.group == null ? new String[] {"", ""} : new String[] {"Group " + s.group.substring(0, 6), s.group});
        put(f, "contact_type", "email");
        put(f, "sla_due", "");
        f.put("sys_created_on", new String[] {displayFormat.format(s.createdAt), RAW.format(s.createdAt)});
        f.put("sys_updated_on", new String[] {displayFormat.format(s.updatedAt), RAW.format(s.updatedAt)});
        put(f, "sys_updated_by", updatedBy.getOrDefault(s.id, "admin"));
        put(f, "sys_mod_count", String.valueOf(s.version - 1));
        f.put("company", s.organization == null ? new String[] {"", ""}
                : new String[] {s.organization, sysId("org:" + s.organization)});
        f.put("caller_id", new String[] {java.util.Objects.toString(s.requesterName, ""), sysId("user:" + s.requesterId)});
        put(f, "caller_id.user_name", callerUserName(s));
        put(f, "caller_id.name", s.requesterName);
        put(f, "caller_id.email", s.requesterEmail);
        put(f, "caller_id.vip", "false");
        s.fields.forEach((k, v) -> {
            if (!k.equals("impact") && !k.equals("urgency")) {
                put(f, k, v);
            }
        });
        if (tagsField != null) {
            put(f, tagsField, String.join(",", s.tags));
        }
        f.put("comments", new String[] {journalDisplay(s, true), ""});
        f.put("work_notes", new String[] {journalDisplay(s, false), ""});
        return f;
    }

    private static void put(Map<String, String[]> f, String name, String value) {
        String v = value == null ? "" : value;
        f.put(name, new String[] {v, v});
    }

    private String journalDisplay(TicketState s, boolean isPublic) {
        StringBuilder sb = new StringBuilder();
        List<FakeComment> entries = new ArrayList<>(s.comments.stream().filter(c -> c.isPublic() == isPublic).toList());
        entries.sort(Comparator.comparing(FakeComment::createdAt).reversed());
        for (FakeComment c : entries) {
            sb.append(displayFormat.format(c.createdAt())).append(" - ")
                    .append(displayName(s, userName(s, c.authorId())))
                    .append(isPublic ? " (Additional comments)\n" : " (Work notes)\n").append(c.body()).append("\n\n");
        }
        return sb.toString();
    }

    private JsonObject record(TicketState s, Map<String, String> q) {
        Map<String, String[]> all = fields(s);
        String mode = q.getOrDefault("sysparm_display_value", "false");
        List<String> wanted = q.containsKey("sysparm_fields")
                ? List.of(q.get("sysparm_fields").split(",")) : new ArrayList<>(all.keySet());
        JsonObjectBuilder o = JSONP.createObjectBuilder();
        for (String name : wanted) {
            String[] v = all.get(name.strip());
            if (v == null) {
                // "Invalid fields are ignored"
                continue;
            }
            switch (mode) {
                case "all" -> o.add(name.strip(), JSONP.createObjectBuilder().add("display_value", v[0]).add("value", v[1]));
                case "true" -> o.add(name.strip(), v[0]);
                default -> o.add(name.strip(), v[1]);
            }
        }
        return o.build();
    }

    private MockResponse journal(Map<String, String> q) {
        Matcher m = ELEMENT_ID.matcher(q.getOrDefault("sysparm_query", ""));
        TicketState s = m.find() ? ticket(m.group(1)) : null;
        int limit = Integer.parseInt(q.getOrDefault("sysparm_limit", "10000"));
        int offset = Integer.parseInt(q.getOrDefault("sysparm_offset", "0"));
        List<JsonObject> rows = new ArrayList<>();
        if (s != null && journalReadable) {
            synchronized (s) {
                for (FakeComment c : s.comments) {
                    rows.add(JSONP.createObjectBuilder().add("sys_id", sysId("journal:" + s.id + ":" + c.id()))
                            .add("element", c.isPublic() ? "comments" : "work_notes").add("value", c.body())
                            .add("sys_created_on", RAW.format(c.createdAt()))
                            .add("sys_created_by", userName(s, c.authorId())).build());
                }
            }
        }
        int to = Math.min(rows.size(), offset + limit);
        JsonArrayBuilder page = JSONP.createArrayBuilder();
        rows.subList(Math.min(offset, to), to).forEach(page::add);
        MockResponse r = json(200, JSONP.createObjectBuilder().add("result", page).build().toString())
                .setHeader("X-Total-Count", String.valueOf(rows.size()));
        if (to < rows.size()) {
            r.setHeader("Link", "<" + url() + "/api/now/table/sys_journal_field?sysparm_offset=" + to
                    + "&sysparm_limit=" + limit + ">;rel=\"next\"");
        }
        return r;
    }

    private MockResponse list(String path, Map<String, String> q) {
        Matcher t = LIST_PATH.matcher(path);
        t.matches();
        if (!t.group(1).equals(table)) {
            return error(400, "Invalid table " + t.group(1), null);
        }
        String query = q.getOrDefault("sysparm_query", "");
        Matcher since = UPDATED_SINCE.matcher(query);
        Instant from = since.find() ? java.time.LocalDateTime.parse(since.group(1).replace(' ', 'T'))
                .toInstant(ZoneOffset.UTC) : Instant.EPOCH;
        Set<String> excluded = new LinkedHashSet<>();
        Matcher by = NOT_UPDATED_BY.matcher(query);
        while (by.find()) {
            excluded.add(by.group(1));
        }
        int limit = Integer.parseInt(q.getOrDefault("sysparm_limit", "10000"));
        record Row(String id, Instant at, long version) {
        }
        List<Row> rows = new ArrayList<>();
        for (String id : numbers.keySet()) {
            TicketState s = ticket(id);
            synchronized (s) {
                if (!s.updatedAt.isBefore(from) && !excluded.contains(updatedBy.get(id))) {
                    rows.add(new Row(id, s.updatedAt, s.version - 1));
                }
            }
        }
        rows.sort(Comparator.comparing(Row::at).thenComparing(Row::id));
        JsonArrayBuilder out = JSONP.createArrayBuilder();
        rows.stream().limit(limit).forEach(r -> out.add(JSONP.createObjectBuilder().add("sys_id", r.id())
                .add("sys_updated_on", RAW.format(r.at())).add("sys_mod_count", String.valueOf(r.version()))));
        return json(200, JSONP.createObjectBuilder().add("result", out).build().toString())
                .setHeader("X-Total-Count", String.valueOf(rows.size()));
    }

    private MockResponse patch(TicketState s, String body, Map<String, String> q) {
        JsonObject in;
        try (JsonReader r = JSONP.createReader(new StringReader(body))) {
            in = r.readObject();
        } catch (RuntimeException e) {
            return error(400, "Exception while reading request", "Cannot decode: " + e.getClass().getSimpleName());
        }
        for (Map.Entry<String, JsonValue> e : in.entrySet()) {
            if (!(e.getValue() instanceof JsonString)) {
                return error(400, "Exception while reading request", "field " + e.getKey() + " is not a string");
            }
        }
        if ("closed".equals(s.status)) {
            return error(403, "Operation Failed", "Error during update of " + table + " (" + numbers.get(s.id) + ")");
        }
        in.forEach((field, v) -> {
            String value = ((JsonString) v).getString();
            if (readOnly.contains(field) || field.equals("priority")) {
                // ignored without a word, as the instance does with a field the user may not write
                return;
            }
            switch (field) {
                case "work_notes" -> s.addComment(INTEGRATION_USER, value, false);
                case "comments" -> s.addComment(INTEGRATION_USER, value, true);
                case "assignment_group" -> s.group = value.isEmpty() ? null : value;
                default -> {
                    if (field.equals(tagsField)) {
                        s.tags.clear();
                        Arrays.stream(value.split(",")).map(String::strip).filter(t -> !t.isEmpty()).forEach(s.tags::add);
                    } else {
                        s.fields.put(field, value);
                    }
                }
            }
        });
        syncPriority(s);
        updatedBy.put(s.id, INTEGRATION_USER);
        applied(s);
        return json(200, wrap(record(s, q)));
    }
}

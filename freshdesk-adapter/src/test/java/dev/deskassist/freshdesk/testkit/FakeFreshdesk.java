package dev.deskassist.freshdesk.testkit;

import dev.deskassist.core.adapter.testkit.FakeHelpdesk;
import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.model.Priority;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Freshdesk API v2's routes on a {@link FakeHelpdesk}, for adapter tests and the simulation: view
 * ticket ({@code include=requester}), list conversations ({@code per_page} up to 100, default 30,
 * {@code page}, next page in the {@code Link} header), update ticket ({@code PUT}: tags replaced,
 * typed custom fields checked against the field definitions as Freshdesk does: 400
 * {@code invalid_value} for a value that is not a choice, {@code datatype_mismatch} for a string in
 * a number field), create note ({@code POST …/notes}, 201, authored by the integration agent),
 * ticket fields, and list tickets ({@code updated_since}, {@code order_by=updated_at},
 * {@code order_type}, {@code per_page}, {@code page}, {@code Link}). Requests must carry Basic
 * {@code KEY:X} with {@link #API_KEY}, else 401.
 *
 * <p>Stricter than Freshdesk on purpose: an update carrying anything DeskAssist must never send
 * ({@code status}, {@code notify_emails} on notes, …) is refused with a 400, so a test cannot miss it.
 */
public final class FakeFreshdesk extends FakeHelpdesk {

    private static final jakarta.json.spi.JsonProvider JSONP = JsonCodec.jsonp();

    /** The API key the fake accepts. */
    public static final String API_KEY = "fake-freshdesk-api-key";

    public static final String SHOW = "ticket.show";
    public static final String CONVERSATIONS = "ticket.conversations";
    public static final String UPDATE = "ticket.update";
    public static final String NOTE = "ticket.note";
    public static final String FIELDS = "ticket_fields";
    public static final String LIST = "tickets.list";

    private static final Pattern TICKET = Pattern.compile("/api/v2/tickets/(\\d+)");
    private static final Pattern CONVERSATIONS_PATH = Pattern.compile("/api/v2/tickets/(\\d+)/conversations");
    private static final Pattern NOTES_PATH = Pattern.compile("/api/v2/tickets/(\\d+)/notes");
    private static final Set<String> UPDATABLE = Set.of("priority", "group_id", "type", "custom_fields", "tags");
    private static final Map<String, Integer> STATUS_CODES = Map.of("open", 2, "pending", 3, "resolved", 4,
            "closed", 5);

    /** A field definition: Freshdesk name, type and drop-down choices. */
    public record FieldDef(String name, String type, List<String> choices) {
    }

    private final Map<String, FieldDef> definitions = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** The ids of all tickets, for the list route (the base class keeps its map to itself). */
    private final Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final String expectedAuth = "Basic " + Base64.getEncoder()
            .encodeToString((API_KEY + ":X").getBytes(StandardCharsets.UTF_8));

    public FakeFreshdesk(Faults faults) throws IOException {
        super(faults);
        define("cf_category", "custom_dropdown", "billing", "technical", "account", "shipping", "general");
        define("cf_language", "custom_text");
        define("cf_confidence", "custom_decimal");
        define("cf_escalation", "custom_checkbox");
        define("cf_reopened_count", "custom_number");
        definitions.put("ticket_type", new FieldDef("ticket_type", "default_ticket_type",
                List.of("Question", "Incident", "Problem", "Feature Request", "Refund")));
    }

    /** A fake without faults. */
    public FakeFreshdesk() throws IOException {
        this(Faults.NONE);
    }

    /** Adds or replaces a custom field definition (e.g. {@code custom_dropdown} with its choices). */
    public void define(String name, String type, String... choices) {
        definitions.put(name, new FieldDef(name, type, List.of(choices)));
    }

    /** The integration agent's user id; our notes are authored by it. */
    @Override
    public String integrationUserId() {
        return "7000";
    }

    /** The body we recommend for the automation rule's "Trigger Webhook" action, as Freshdesk renders it. */
    public static String webhookBody(String ticketId, String event) {
        return "{\"ticket_id\":\"" + ticketId + "\",\"event\":\"" + event + "\"}";
    }

    @Override
    public TicketState addTicket(String id, String subject, String description) {
        TicketState s = super.addTicket(id, subject, description);
        ids.add(id);
        return s;
    }

    /** The tags of a ticket, as stored. */
    public List<String> tags(String id) {
        TicketState s = ticket(id);
        synchronized (s) {
            return List.copyOf(s.tags);
        }
    }

    // ---- routes ---------------------------------------------------------------------------------

    @Override
    protected String route(RecordedRequest request) {
        String path = request.getRequestUrl() == null ? "" : request.getRequestUrl().encodedPath();
        String method = request.getMethod();
        if (path.equals("/api/v2/ticket_fields")) {
            return "GET".equals(method) ? FIELDS : null;
        }
        if (path.equals("/api/v2/tickets")) {
            return "GET".equals(method) ? LIST : null;
        }
        if (TICKET.matcher(path).matches()) {
            return "GET".equals(method) ? SHOW : "PUT".equals(method) ? UPDATE : null;
        }
        if (CONVERSATIONS_PATH.matcher(path).matches()) {
            return "GET".equals(method) ? CONVERSATIONS : null;
        }
        return NOTES_PATH.matcher(path).matches() && "POST".equals(method) ? NOTE : null;
    }

    @Override
    protected boolean concerns(String path, String ticketId) {
        return path.equals("/api/v2/tickets/" + ticketId) || path.startsWith("/api/v2/tickets/" + ticketId + "?")
                || path.startsWith("/api/v2/tickets/" + ticketId + "/");
    }

    @Override
    protected MockResponse unknownRoute() {
        return new MockResponse().setResponseCode(404);
    }

    @Override
    protected MockResponse answer(String route, RecordedRequest request) {
        if (!expectedAuth.equals(request.getHeader("Authorization"))) {
            return json(401, "{\"code\":\"invalid_credentials\",\"message\":\"You have to be logged in to perform "
                    + "this action.\"}");
        }
        if (route.equals(FIELDS)) {
            return json(200, fieldsJson().toString());
        }
        if (route.equals(LIST)) {
            return list(query(request));
        }
        String path = request.getRequestUrl().encodedPath();
        Matcher m = (switch (route) {
            case CONVERSATIONS -> CONVERSATIONS_PATH;
            case NOTE -> NOTES_PATH;
            default -> TICKET;
        }).matcher(path);
        m.matches();
        TicketState s = ticket(m.group(1));
        if (s == null) {
            return new MockResponse().setResponseCode(404);
        }
        synchronized (s) {
            return switch (route) {
                case SHOW -> json(200, s.rendered.computeIfAbsent("show", k -> ticketJson(s, true).build().toString()));
                case CONVERSATIONS -> conversations(s, query(request));
                case NOTE -> note(s, body(request));
                default -> update(s, body(request));
            };
        }
    }

    // ---- reading --------------------------------------------------------------------------------

    private JsonArray fieldsJson() {
        JsonArrayBuilder arr = JSONP.createArrayBuilder();
        arr.add(JSONP.createObjectBuilder().add("id", 1).add("name", "status").add("label", "Status")
                .add("type", "default_status").add("default", true).add("choices", JSONP.createObjectBuilder()
                        .add("2", JSONP.createArrayBuilder().add("Open").add("Being Processed"))
                        .add("3", JSONP.createArrayBuilder().add("Pending").add("Awaiting your Reply"))
                        .add("4", JSONP.createArrayBuilder().add("Resolved").add("This ticket has been Resolved"))
                        .add("5", JSONP.createArrayBuilder().add("Closed").add("This ticket has been Closed"))
                        .add("6", JSONP.createArrayBuilder().add("Waiting on Customer").add("Awaiting your Reply"))
                        .add("7", JSONP.createArrayBuilder().add("Waiting on Third Party").add("Being Processed"))));
        arr.add(JSONP.createObjectBuilder().add("id", 2).add("name", "priority").add("label", "Priority")
                .add("type", "default_priority").add("default", true).add("choices", JSONP.createObjectBuilder()
                        .add("Low", 1).add("Medium", 2).add("High", 3).add("Urgent", 4)));
        int id = 10;
        for (FieldDef d : definitions.values()) {
            JsonObjectBuilder f = JSONP.createObjectBuilder().add("id", id++).add("name", d.name()).add("label", d.name())
                    .add("type", d.type()).add("default", !d.name().startsWith("cf_"));
            if (!d.choices().isEmpty()) {
                JsonArrayBuilder choices = JSONP.createArrayBuilder();
                d.choices().forEach(choices::add);
                f.add("choices", choices);
            }
            arr.add(f);
        }
        return arr.build();
    }

    private JsonObjectBuilder ticketJson(TicketState s, boolean withRequester) {
        JsonArrayBuilder tags = JSONP.createArrayBuilder();
        s.tags.forEach(tags::add);
        JsonObjectBuilder custom = JSONP.createObjectBuilder();
        for (FieldDef d : definitions.values()) {
            if (d.name().startsWith("cf_")) {
                String v = s.fields.get(d.name());
                custom.add(d.name(), v == null ? JsonValue.NULL : typed(d, v));
            }
        }
        JsonObjectBuilder t = JSONP.createObjectBuilder()
                .add("cc_emails", JSONP.createArrayBuilder()).add("fwd_emails", JSONP.createArrayBuilder())
                .add("reply_cc_emails", JSONP.createArrayBuilder()).add("fr_escalated", false).add("spam", false)
                .addNull("email_config_id")
                .add("group_id", s.group == null ? JsonValue.NULL : JSONP.createValue(Long.parseLong(s.group)))
                .add("priority", s.priority == null ? 1 : priorityCode(s.priority))
                .add("requester_id", Long.parseLong(s.requesterId)).addNull("responder_id").add("source", 1)
                .addNull("company_id").add("status", statusCode(s.status)).add("subject", s.subject)
                .addNull("to_emails").addNull("product_id").add("id", Long.parseLong(s.id))
                .add("type", s.fields.get("type") == null ? JsonValue.NULL : JSONP.createValue(s.fields.get("type")))
                .add("due_by", s.createdAt.plusSeconds(3 * 86_400).toString())
                .add("fr_due_by", s.createdAt.plusSeconds(86_400).toString()).add("is_escalated", false)
                .add("description", html(s.description)).add("description_text", s.description)
                .add("custom_fields", custom)
                .add("created_at", s.createdAt.toString()).add("updated_at", s.updatedAt.toString())
                .add("tags", tags).add("attachments", JSONP.createArrayBuilder());
        if (withRequester) {
            t.add("requester", JSONP.createObjectBuilder().add("id", Long.parseLong(s.requesterId))
                    .add("name", s.requesterName).add("email", s.requesterEmail).addNull("mobile").addNull("phone"));
        }
        return t;
    }

    private MockResponse conversations(TicketState s, Map<String, String> q) {
        int perPage = Math.min(100, Math.max(1, Integer.parseInt(q.getOrDefault("per_page", "30"))));
        int page = Math.max(1, Integer.parseInt(q.getOrDefault("page", "1")));
        int from = Math.min(s.comments.size(), (page - 1) * perPage);
        int to = Math.min(s.comments.size(), from + perPage);
        JsonArrayBuilder arr = JSONP.createArrayBuilder();
        for (FakeComment c : s.comments.subList(from, to)) {
            arr.add(conversation(s, c));
        }
        MockResponse r = json(200, arr.build().toString());
        if (to < s.comments.size()) {
            r.setHeader("Link", "<" + url() + "/api/v2/tickets/" + s.id + "/conversations?per_page=" + perPage
                    + "&page=" + (page + 1) + ">; rel=\"next\"");
        }
        return r;
    }

    private JsonObject conversation(TicketState s, FakeComment c) {
        boolean fromRequester = c.authorId().equals(s.requesterId);
        boolean note = c.authorId().equals(integrationUserId()) || !c.isPublic();
        return JSONP.createObjectBuilder().add("body", html(c.body())).add("body_text", text(c.body()))
                .add("id", c.id()).add("incoming", fromRequester).add("private", !c.isPublic())
                .add("user_id", Long.parseLong(c.authorId())).addNull("support_email").add("source", note ? 2 : 0)
                .add("ticket_id", Long.parseLong(s.id)).add("to_emails", JSONP.createArrayBuilder())
                .addNull("from_email").addNull("cc_emails").addNull("bcc_emails")
                .add("created_at", c.createdAt().toString()).add("updated_at", c.createdAt().toString())
                .add("attachments", JSONP.createArrayBuilder()).build();
    }

    private MockResponse list(Map<String, String> q) {
        Instant since = q.containsKey("updated_since") ? Instant.parse(q.get("updated_since")) : Instant.EPOCH;
        int perPage = Math.min(100, Math.max(1, Integer.parseInt(q.getOrDefault("per_page", "30"))));
        int page = Math.max(1, Integer.parseInt(q.getOrDefault("page", "1")));
        boolean desc = "desc".equals(q.getOrDefault("order_type", "desc"));
        List<JsonObject> matching = new ArrayList<>();
        List<TicketState> all = new ArrayList<>();
        for (String id : ids) {
            TicketState s = ticket(id);
            synchronized (s) {
                if (!s.updatedAt.isBefore(since)) {
                    all.add(s);
                }
            }
        }
        Comparator<TicketState> order = Comparator.comparing((TicketState s) -> s.updatedAt)
                .thenComparing(s -> Long.parseLong(s.id));
        all.sort(desc ? order.reversed() : order);
        for (TicketState s : all) {
            synchronized (s) {
                matching.add(ticketJson(s, false).build());
            }
        }
        int from = Math.min(matching.size(), (page - 1) * perPage);
        int to = Math.min(matching.size(), from + perPage);
        JsonArrayBuilder arr = JSONP.createArrayBuilder();
        matching.subList(from, to).forEach(arr::add);
        MockResponse r = json(200, arr.build().toString());
        if (to < matching.size()) {
            StringBuilder next = new StringBuilder(url()).append("/api/v2/tickets?");
            Map<String, String> nq = new LinkedHashMap<>(q);
            nq.put("page", String.valueOf(page + 1));
            nq.forEach((k, v) -> next.append(k).append('=')
                    .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
            next.setLength(next.length() - 1);
            r.setHeader("Link", "<" + next + ">; rel=\"next\"");
        }
        return r;
    }

    // ---- writing --------------------------------------------------------------------------------

    private MockResponse update(TicketState s, String body) {
        JsonObject t;
        try (JsonReader r = JSONP.createReader(new StringReader(body))) {
            t = r.readObject();
        } catch (RuntimeException e) {
            return validation("body", "Malformed JSON", "invalid_json");
        }
        for (String key : t.keySet()) {
            if (!UPDATABLE.contains(key)) {
                return validation(key, "Unexpected/invalid field in request", "invalid_field");
            }
        }
        if (t.get("type") instanceof JsonString type && !definitions.get("ticket_type").choices().contains(type.getString())) {
            return validation("type", "It should be one of these values: '"
                    + String.join(",", definitions.get("ticket_type").choices()) + "'", "invalid_value");
        }
        Map<String, String> custom = new LinkedHashMap<>();
        if (t.get("custom_fields") instanceof JsonObject cf) {
            for (Map.Entry<String, JsonValue> e : cf.entrySet()) {
                FieldDef d = definitions.get(e.getKey());
                if (d == null || !d.name().startsWith("cf_")) {
                    return validation(e.getKey(), "Unexpected/invalid field in request", "invalid_field");
                }
                MockResponse problem = check(d, e.getValue());
                if (problem != null) {
                    return problem;
                }
                custom.put(d.name(), e.getValue() instanceof JsonString str ? str.getString() : e.getValue().toString());
            }
        }
        if (t.containsKey("priority")) {
            if (!(t.get("priority") instanceof JsonNumber p) || p.intValue() < 1 || p.intValue() > 4) {
                return validation("priority", "It should be one of these values: '1,2,3,4'", "invalid_value");
            }
            s.priority = switch (p.intValue()) {
                case 1 -> Priority.LOW;
                case 2 -> Priority.NORMAL;
                case 3 -> Priority.HIGH;
                default -> Priority.URGENT;
            };
        }
        if (t.get("group_id") instanceof JsonNumber g) {
            s.group = g.toString();
        }
        if (t.get("type") instanceof JsonString type) {
            s.fields.put("type", type.getString());
        }
        s.fields.putAll(custom);
        if (t.get("tags") instanceof JsonArray tags) {
            s.tags.clear();
            s.tags.addAll(tags.getValuesAs(JsonString::getString));
        }
        applied(s);
        return json(200, ticketJson(s, false).build().toString());
    }

    private MockResponse check(FieldDef d, JsonValue v) {
        String type = d.type();
        boolean ok = switch (type) {
            case "custom_number" -> v instanceof JsonNumber n && n.isIntegral();
            case "custom_decimal" -> v instanceof JsonNumber;
            case "custom_checkbox" -> v == JsonValue.TRUE || v == JsonValue.FALSE;
            default -> v instanceof JsonString || v == JsonValue.NULL;
        };
        if (!ok) {
            String want = switch (type) {
                case "custom_number" -> "an Integer";
                case "custom_decimal" -> "a Number";
                case "custom_checkbox" -> "a Boolean";
                default -> "a String";
            };
            return validation(d.name(), "Value set is of type " + jsonType(v) + ". It should be a/an " + want,
                    "datatype_mismatch");
        }
        if (type.equals("custom_dropdown") && v instanceof JsonString s && !d.choices().contains(s.getString())) {
            return validation(d.name(), "It should be one of these values: '" + String.join(",", d.choices()) + "'",
                    "invalid_value");
        }
        return null;
    }

    private MockResponse note(TicketState s, String body) {
        JsonObject n;
        try (JsonReader r = JSONP.createReader(new StringReader(body))) {
            n = r.readObject();
        } catch (RuntimeException e) {
            return validation("body", "Malformed JSON", "invalid_json");
        }
        if (n.containsKey("notify_emails")) {
            // the captured answer to a notify_emails naming a non-agent; DeskAssist never notifies anyone
            return json(400, "{\"description\":\"Validation failed\",\"errors\":[{\"code\":\"invalid_value\","
                    + "\"field\":\"notify_emails\",\"message\":\"Accepts only emails of agents\"}]}");
        }
        if (!(n.get("body") instanceof JsonString text) || text.getString().isBlank()) {
            return validation("body", "It should be a/an String", "missing_field");
        }
        boolean isPrivate = n.getBoolean("private", true);
        FakeComment c = s.addComment(integrationUserId(), text.getString(), !isPrivate);
        applied(s);
        return json(201, conversation(s, c).toString());
    }

    private static MockResponse validation(String field, String message, String code) {
        return json(400, JSONP.createObjectBuilder().add("description", "Validation failed")
                .add("errors", JSONP.createArrayBuilder().add(JSONP.createObjectBuilder().add("field", field)
                        .add("message", message).add("code", code))).build().toString());
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static JsonValue typed(FieldDef d, String v) {
        try {
            return switch (d.type()) {
                case "custom_number" -> JSONP.createValue(Long.parseLong(v));
                case "custom_decimal" -> JSONP.createValue(new BigDecimal(v));
                case "custom_checkbox" -> Boolean.parseBoolean(v) ? JsonValue.TRUE : JsonValue.FALSE;
                default -> JSONP.createValue(v);
            };
        } catch (NumberFormatException e) {
            return JSONP.createValue(v);
        }
    }

    private static String jsonType(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> "String";
            case NUMBER -> "Number";
            case TRUE, FALSE -> "Boolean";
            case NULL -> "Null";
            default -> "Object";
        };
    }

    private static int priorityCode(Priority p) {
        return p.ordinal() + 1;
    }

    private static int statusCode(String status) {
        Integer code = STATUS_CODES.get(status == null ? "open" : status.toLowerCase(Locale.ROOT));
        if (code != null) {
            return code;
        }
        try {
            return Integer.parseInt(status);
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    private static String html(String text) {
        if (text == null) {
            return "";
        }
        if (text.contains("<p>") || text.contains("<div>") || text.contains("<br>")) {
            return text;
        }
        return "<div>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\n", "<br>") + "</div>";
    }

    private static String text(String body) {
        return body == null ? "" : body.replaceAll("<br>|</p>", "\n").replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").strip();
    }
}

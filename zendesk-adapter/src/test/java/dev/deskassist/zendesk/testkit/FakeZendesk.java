package dev.deskassist.zendesk.testkit;

import dev.deskassist.core.adapter.testkit.FakeHelpdesk;
import dev.deskassist.core.model.Priority;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Zendesk's routes on a {@link FakeHelpdesk}, for adapter tests, the simulation, the reliability
 * test and the benchmark: show ticket (users and organizations sideloaded), list comments with
 * cursor pagination ({@code page[size]} up to 100, {@code page[after]}), and update ticket with
 * {@code safe_update} (409 on a stale {@code updated_stamp}, 422 on a closed ticket, tags
 * replaced, at most one comment appended, authored by the integration user). The description is
 * rendered as the first comment, as Zendesk does.
 */
public final class FakeZendesk extends FakeHelpdesk {

    private static final jakarta.json.spi.JsonProvider JSONP = dev.deskassist.core.json.JsonCodec.jsonp();

    public static final String SHOW = "ticket.show";
    public static final String COMMENTS = "ticket.comments";
    public static final String UPDATE = "ticket.update";

    private static final Pattern TICKET = Pattern.compile("/api/v2/tickets/(\\d+)\\.json");
    private static final Pattern COMMENTS_PATH = Pattern.compile("/api/v2/tickets/(\\d+)/comments\\.json");
    private static final long ORGANIZATION = 500;

    public FakeZendesk(Faults faults) throws IOException {
        super(faults);
    }

    /** A fake without faults. */
    public FakeZendesk() throws IOException {
        this(Faults.NONE);
    }

    /** Adds a ticket with its opening message and optional follow-up customer messages. */
    public void addTicket(String id, String subject, String description, String requesterName, String email,
                          String organization, List<String> tags, List<String> followUps) {
        TicketState s = addTicket(id, subject, description);
        synchronized (s) {
            s.requesterId = String.valueOf(10_000 + Long.parseLong(id));
            s.requesterName = requesterName;
            s.requesterEmail = email;
            s.organization = organization;
            s.tags.addAll(tags);
            followUps.forEach(f -> s.addComment(s.requesterId, f, true));
        }
    }

    /** Simulates an agent editing the ticket's priority, so that our next safe update conflicts. */
    public void humanEdit(String id, String priority) {
        edit(id, s -> s.priority = Priority.parse(priority).orElse(null));
    }

    /** The comments of a ticket as Zendesk lists them, the description first. */
    public List<JsonObject> comments(String id) {
        TicketState s = ticket(id);
        synchronized (s) {
            return allComments(s);
        }
    }

    public List<String> tags(String id) {
        TicketState s = ticket(id);
        synchronized (s) {
            return List.copyOf(s.tags);
        }
    }

    @Override
    protected String route(RecordedRequest request) {
        String path = request.getRequestUrl() == null ? "" : request.getRequestUrl().encodedPath();
        String method = request.getMethod();
        if (TICKET.matcher(path).matches()) {
            return "GET".equals(method) ? SHOW : "PUT".equals(method) ? UPDATE : null;
        }
        return COMMENTS_PATH.matcher(path).matches() && "GET".equals(method) ? COMMENTS : null;
    }

    @Override
    protected boolean concerns(String path, String ticketId) {
        return path.startsWith("/api/v2/tickets/" + ticketId + ".json") || path.startsWith("/api/v2/tickets/" + ticketId
                + "/");
    }

    @Override
    protected MockResponse rateLimited(long retryAfterSeconds) {
        return new MockResponse().setResponseCode(429).setHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .setHeader("Content-Type", "text/html")
                .setBody("Rate limit for ticket updates exceeded, please wait before updating this ticket again");
    }

    @Override
    protected MockResponse answer(String route, RecordedRequest request) {
        String path = request.getRequestUrl().encodedPath();
        Matcher m = route.equals(COMMENTS) ? COMMENTS_PATH.matcher(path) : TICKET.matcher(path);
        m.matches();
        TicketState s = ticket(m.group(1));
        if (s == null) {
            return json(404, "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
        }
        synchronized (s) {
            return switch (route) {
                case SHOW -> json(200, s.rendered.computeIfAbsent("show", k -> showTicket(s).toString()));
                case COMMENTS -> json(200, commentPage(s, query(request)));
                default -> update(s, body(request));
            };
        }
    }

    private String commentPage(TicketState s, Map<String, String> q) {
        int size = Math.min(100, Math.max(1, Integer.parseInt(q.getOrDefault("page[size]", "100"))));
        int from = Integer.parseInt(q.getOrDefault("page[after]", "0"));
        // the first page at the usual size is what every event reads: kept rendered until a change
        if (from == 0 && size == 100) {
            return s.rendered.computeIfAbsent("comments", k -> comments(s, 0, 100).toString());
        }
        return comments(s, from, size).toString();
    }

    private JsonObject showTicket(TicketState s) {
        return JSONP.createObjectBuilder().add("ticket", ticketJson(s))
                .add("users", JSONP.createArrayBuilder().add(JSONP.createObjectBuilder()
                        .add("id", Long.parseLong(s.requesterId)).add("name", s.requesterName)
                        .add("email", s.requesterEmail).add("role", "end-user").add("organization_id", ORGANIZATION)))
                .add("organizations", JSONP.createArrayBuilder().add(JSONP.createObjectBuilder()
                        .add("id", ORGANIZATION).add("name", s.organization)))
                .build();
    }

    private JsonObjectBuilder ticketJson(TicketState s) {
        JsonArrayBuilder tags = JSONP.createArrayBuilder();
        s.tags.forEach(tags::add);
        JsonArrayBuilder fields = JSONP.createArrayBuilder();
        s.fields.forEach((id, v) -> fields.add(JSONP.createObjectBuilder().add("id", Long.parseLong(id)).add("value", v)));
        JsonObjectBuilder t = JSONP.createObjectBuilder().add("id", Long.parseLong(s.id))
                .add("url", url() + "/api/v2/tickets/" + s.id + ".json")
                .add("subject", s.subject)
                .add("description", s.description)
                .add("status", s.status)
                .add("requester_id", Long.parseLong(s.requesterId)).add("organization_id", ORGANIZATION)
                .add("tags", tags).add("custom_fields", fields)
                .add("via", JSONP.createObjectBuilder().add("channel", "email"))
                .add("created_at", s.createdAt.toString()).add("updated_at", s.updatedAt.toString());
        t.add("priority", s.priority == null ? JsonValue.NULL
                : JSONP.createValue(s.priority.name().toLowerCase(Locale.ROOT)));
        t.add("group_id", s.group == null ? JsonValue.NULL : JSONP.createValue(Long.parseLong(s.group)));
        return t;
    }

    private List<JsonObject> allComments(TicketState s) {
        List<JsonObject> all = new ArrayList<>(s.comments.size() + 1);
        all.add(comment(1, s.requesterId, s.description, true, s.createdAt.toString()));
        s.comments.forEach(c -> all.add(comment(c.id(), c.authorId(), c.body(), c.isPublic(), c.createdAt().toString())));
        return all;
    }

    private JsonObject comments(TicketState s, int from, int size) {
        List<JsonObject> all = allComments(s);
        int to = Math.min(all.size(), from + size);
        JsonArrayBuilder arr = JSONP.createArrayBuilder();
        all.subList(Math.min(from, to), to).forEach(arr::add);
        boolean more = to < all.size();
        JsonObjectBuilder b = JSONP.createObjectBuilder().add("comments", arr)
                .add("meta", JSONP.createObjectBuilder().add("has_more", more).add("after_cursor", String.valueOf(to)))
                .add("users", JSONP.createArrayBuilder()
                        .add(JSONP.createObjectBuilder().add("id", Long.parseLong(s.requesterId))
                                .add("name", s.requesterName).add("role", "end-user"))
                        .add(JSONP.createObjectBuilder().add("id", Long.parseLong(integrationUserId()))
                                .add("name", "DeskAssist bot").add("role", "agent")));
        if (more) {
            b.add("links", JSONP.createObjectBuilder().add("next", url() + "/api/v2/tickets/" + s.id
                    + "/comments.json?page[size]=" + size + "&page[after]=" + to));
        }
        return b.build();
    }

    private MockResponse update(TicketState s, String body) {
        JsonObject t;
        try (JsonReader r = JSONP.createReader(new StringReader(body))) {
            t = r.readObject().getJsonObject("ticket");
        } catch (RuntimeException e) {
            return json(400, "{\"error\":\"InvalidJSON\"}");
        }
        if (t == null) {
            return json(400, "{\"error\":\"InvalidJSON\"}");
        }
        if ("closed".equals(s.status)) {
            return json(422, "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\","
                    + "\"details\":{\"status\":[{\"description\":\"Status: closed prevents ticket update\"}]}}");
        }
        if (t.containsKey("safe_update") && !s.updatedAt.toString().equals(t.getString("updated_stamp", ""))) {
            return json(409, "{\"error\":\"UpdateConflict\",\"description\":\"ticket changed\"}");
        }
        if (t.get("tags") instanceof JsonArray tags) {
            s.tags.clear();
            s.tags.addAll(tags.getValuesAs(JsonString::getString));
        }
        if (t.get("priority") instanceof JsonString p) {
            s.priority = Priority.parse(p.getString()).orElse(null);
        }
        if (t.containsKey("group_id")) {
            s.group = t.get("group_id").toString();
        }
        if (t.get("custom_fields") instanceof JsonArray fields) {
            fields.getValuesAs(JsonObject.class).forEach(f -> s.fields.put(f.get("id").toString(),
                    f.get("value") instanceof JsonString v ? v.getString() : f.get("value").toString()));
        }
        if (t.get("comment") instanceof JsonObject c) {
            s.addComment(integrationUserId(), c.getString("body"), c.getBoolean("public", true));
        }
        applied(s);
        return json(200, JSONP.createObjectBuilder().add("ticket", ticketJson(s))
                .add("audit", JSONP.createObjectBuilder().add("events", JSONP.createArrayBuilder())).build().toString());
    }

    private static JsonObject comment(long id, String author, String body, boolean isPublic, String at) {
        return JSONP.createObjectBuilder().add("id", id).add("type", "Comment").add("author_id", Long.parseLong(author))
                .add("body", body).add("html_body", "").add("plain_body", body).add("public", isPublic)
                .add("created_at", at).build();
    }
}

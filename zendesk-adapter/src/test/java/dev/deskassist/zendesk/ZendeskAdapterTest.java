package dev.deskassist.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WriteBackException;
import dev.deskassist.core.adapter.testkit.Fixtures;
import dev.deskassist.core.http.NotFoundException;
import dev.deskassist.core.http.ValidationException;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZendeskAdapterTest {

    private static final TicketRef REF = TicketRef.of("zendesk", "35436");

    private MockWebServer server;
    private ZendeskAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        adapter = new ZendeskAdapter(config(Map.of()));
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        server.shutdown();
    }

    private ZendeskConfig config(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(Map.of(
                "zendesk.baseUrl", server.url("/").toString(),
                "zendesk.email", "bot@example.org",
                "zendesk.apiToken", "tok123",
                "zendesk.fieldIds", "category=27642",
                "zendesk.groupIds", "billing=98738,technical=555",
                "zendesk.initialBackoff", "10ms",
                "zendesk.maxBackoff", "50ms"));
        p.putAll(extra);
        return ZendeskConfig.of(p::get);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static String ticketJson(String updatedAt, String priority) {
        JsonObject base = ZendeskMappingTest.oasTicketWithSideloads();
        var t = Json.createObjectBuilder(base.getJsonObject("ticket")).add("updated_at", updatedAt);
        if (priority == null) {
            t.addNull("priority");
        } else {
            t.add("priority", priority);
        }
        return Json.createObjectBuilder(base).add("ticket", t).build().toString();
    }

    /** The ticket as Zendesk answers an update that applied {@code edit}. */
    private static String answered(String updatedAt, java.util.function.Consumer<jakarta.json.JsonObjectBuilder> edit) {
        JsonObject base = Fixtures.parse(ticketJson(updatedAt, null));
        var t = Json.createObjectBuilder(base.getJsonObject("ticket"));
        edit.accept(t);
        return Json.createObjectBuilder().add("ticket", t).add("audit", Json.createObjectBuilder()).build().toString();
    }

    private static String commentsJson(String next, boolean hasMore, JsonObject... comments) {
        var arr = Json.createArrayBuilder();
        for (JsonObject c : comments) {
            arr.add(c);
        }
        var b = Json.createObjectBuilder().add("comments", arr)
                .add("meta", Json.createObjectBuilder().add("has_more", hasMore).add("after_cursor", "c2"));
        if (next != null) {
            b.add("links", Json.createObjectBuilder().add("next", next));
        }
        return b.build().toString();
    }

    private void enqueueTicket(String updatedAt, String priority, JsonObject... comments) {
        server.enqueue(json(200, ticketJson(updatedAt, priority)));
        server.enqueue(json(200, commentsJson(null, false, comments)));
    }

    private static JsonObject first() {
        return ZendeskMappingTest.comment(1, 20978392, true, "The fire is very colorful.", "2009-07-20T22:55:29Z");
    }

    @Test
    void fetchFollowsCursorPagesAndSendsTokenAuth() throws Exception {
        server.enqueue(json(200, ticketJson("2011-05-05T10:38:52Z", "high")));
        String next = server.url("/api/v2/tickets/35436/comments.json?page[size]=100&page[after]=c2").toString();
        server.enqueue(json(200, commentsJson(next, true, first())));
        server.enqueue(json(200, commentsJson(null, false,
                ZendeskMappingTest.comment(2, 235323, false, "internal remark", "2009-07-21T22:55:29Z"))));

        Ticket t = adapter.fetch(REF);
        assertEquals("The fire is very colorful.", t.description().text());
        assertEquals(1, t.comments().size());
        assertTrue(t.comments().get(0).isInternal());

        RecordedRequest r1 = server.takeRequest();
        assertEquals("/api/v2/tickets/35436.json?include=users,organizations", r1.getPath());
        String expectedAuth = "Basic " + Base64.getEncoder().encodeToString(
                "bot@example.org/token:tok123".getBytes(StandardCharsets.UTF_8));
        assertEquals(expectedAuth, r1.getHeader("Authorization"));
        assertEquals("/api/v2/tickets/35436/comments.json?include=users&page[size]=100", server.takeRequest().getPath());
        assertEquals("/api/v2/tickets/35436/comments.json?page[size]=100&page[after]=c2", server.takeRequest().getPath());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void oauthBearerWhenConfigured() throws Exception {
        // one kind of credentials only, so that a forgotten API token cannot silently win or lose
        assertThrows(AdapterConfigException.class, () -> new ZendeskAdapter(config(Map.of("zendesk.oauthToken", "oa-1"))));
        try (ZendeskAdapter oauth = new ZendeskAdapter(config(Map.of("zendesk.oauthToken", "oa-1",
                "zendesk.apiToken", "")))) {
            enqueueTicket("2011-05-05T10:38:52Z", "high", first());
            oauth.fetch(REF);
            assertEquals("Bearer oa-1", server.takeRequest().getHeader("Authorization"));
        }
    }

    @Test
    void unknownTicketIsNotFound() {
        server.enqueue(json(404, Fixtures.text("oas_error_not_found.json")));
        NotFoundException e = assertThrows(NotFoundException.class, () -> adapter.fetch(REF));
        assertEquals("RecordNotFound", e.errorCode());
    }

    @Test
    void appliesOneSafeUpdate() throws Exception {
        enqueueTicket("2011-05-05T10:38:52Z", null, first());
        server.enqueue(json(200, answered("2011-05-05T10:39:00Z", t -> t.add("priority", "urgent")
                .add("group_id", 555).add("tags", Json.createArrayBuilder().add("ai_fire").add("enterprise")
                        .add("other_tag")).add("custom_fields", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("id", 27642).add("value", "hardware"))))));
        Ticket basis = adapter.fetch(REF);
        assertEquals("2011-05-05T10:38:52Z", basis.version());
        server.takeRequest();
        server.takeRequest();

        ApplyResult r = adapter.apply(REF, basis, WriteBack.builder("35436").addTag("ai_fire").priority(Priority.URGENT)
                .group("technical").field("category", "hardware").internalNote("AI triage: hardware").build());
        RecordedRequest put = server.takeRequest();
        assertEquals("PUT", put.getMethod());
        assertEquals("/api/v2/tickets/35436.json", put.getPath());
        JsonObject t = Fixtures.parse(put.getBody().readUtf8()).getJsonObject("ticket");
        assertEquals(3, t.getJsonArray("tags").size(), "existing tags kept: " + t.getJsonArray("tags"));
        assertEquals("urgent", t.getString("priority"));
        assertFalse(t.containsKey("group_id"), "the ticket's group was set by someone else");
        assertFalse(t.containsKey("custom_fields"), "so was its category (745)");
        assertFalse(t.getJsonObject("comment").getBoolean("public"));
        assertTrue(t.getJsonObject("comment").getString("body").contains("\n\nDeskAssist ref: da-"),
                "the note ends with its ref line");
        assertTrue(t.getBoolean("safe_update"));
        assertEquals("2011-05-05T10:38:52Z", t.getString("updated_stamp"));
        assertEquals(1, r.requests());
        assertEquals(0, r.conflictsRetried());
        assertEquals(List.of("tags +[ai_fire]", "priority urgent", "internal note"), r.changed());
        assertEquals(List.of("group", "field category"), r.keptHuman());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void valuesTheAnswerDoesNotHoldAreReportedAsIgnored() throws Exception {
        Ticket basis = Ticket.builder("35436").status("open").version("2011-05-05T10:38:52Z").build();
        // Zendesk's own example answer holds no priority and no fields
        server.enqueue(json(200, Fixtures.text("oas_update_ticket_response.json")));
        ApplyResult r = adapter.apply(REF, basis, WriteBack.builder("35436").priority(Priority.HIGH)
                .field("category", "hardware").internalNote("n").build());
        assertEquals(List.of("priority", "field category"), r.ignored());
        assertEquals(List.of("internal note"), r.changed());
    }

    @Test
    void aPriorityAHumanSetIsNotOverwrittenEvenWithoutAConflict() {
        Ticket basis = Ticket.builder("35436").priority(Priority.NORMAL).status("open").version("2011-05-05T10:38:52Z")
                .build();
        ApplyResult r = adapter.apply(REF, basis, WriteBack.builder("35436").priority(Priority.URGENT).build());
        assertEquals(List.of("priority"), r.keptHuman());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void nothingToChangeSendsNoRequest() {
        Ticket basis = Ticket.builder("35436").priority(Priority.HIGH).tag("ai_fire").group("98738")
                .version("2011-05-05T10:38:52Z").build();
        ApplyResult r = adapter.apply(REF, basis, WriteBack.builder("35436").addTag("AI_fire").priority(Priority.HIGH)
                .group("billing").build());
        assertEquals(0, r.requests());
        assertFalse(r.changedAnything());
        assertEquals(0, server.getRequestCount());
        assertEquals(0, adapter.apply(REF, basis, WriteBack.none("35436")).requests());
    }

    @Test
    void conflictRereadsReplansAndLeavesTheHumanEditAlone() throws Exception {
        Ticket basis = Ticket.builder("35436").status("open").version("2011-05-05T10:38:52Z").build();
        server.enqueue(json(409, Fixtures.text("captured_error_409_database_conflict.json")));
        // meanwhile an agent raised the priority to high
        enqueueTicket("2011-05-05T10:40:00Z", "high", first());
        server.enqueue(json(200, Fixtures.text("oas_update_ticket_response.json")));

        ApplyResult r = adapter.apply(REF, basis, WriteBack.builder("35436").addTag("ai_fire").priority(Priority.URGENT)
                .internalNote("AI triage").build());
        JsonObject firstPut = Fixtures.parse(server.takeRequest().getBody().readUtf8()).getJsonObject("ticket");
        assertEquals("urgent", firstPut.getString("priority"));
        server.takeRequest();
        server.takeRequest();
        JsonObject secondPut = Fixtures.parse(server.takeRequest().getBody().readUtf8()).getJsonObject("ticket");
        assertFalse(secondPut.containsKey("priority"), "the agent's priority wins");
        assertEquals("2011-05-05T10:40:00Z", secondPut.getString("updated_stamp"));
        assertTrue(secondPut.getJsonArray("tags").toString().contains("ai_fire"));
        assertEquals(1, r.conflictsRetried());
        assertEquals(3, r.requests(), "PUT, re-read, PUT");
        assertTrue(r.skipped().stream().anyMatch(s -> s.startsWith("priority (changed by someone else")));
        assertEquals(List.of("priority"), r.keptHuman());
    }

    @Test
    void conflictAfterOurOwnLostResponseDoesNotPostTwice() throws Exception {
        Ticket basis = Ticket.builder("35436").version("2011-05-05T10:38:52Z").build();
        server.enqueue(json(409, "{\"error\":\"UpdateConflict\"}"));
        // the re-read shows our own update already applied (its response was lost); Zendesk renders the note as HTML
        String applied = ticketJson("2011-05-05T10:39:00Z", "urgent").replace("\"other_tag\"", "\"other_tag\",\"ai_fire\"");
        server.enqueue(json(200, applied));
        String token = dev.deskassist.core.adapter.NoteRef.token("35436", "AI triage hardware", null);
        server.enqueue(json(200, commentsJson(null, false, first(), ZendeskMappingTest.comment(9, 1, false,
                "<p>AI triage hardware</p><p>DeskAssist ref: " + token + "</p>", "2011-05-05T10:39:00Z"))));

        ApplyResult r = adapter.apply(REF, basis, WriteBack.builder("35436").addTag("ai_fire").priority(Priority.URGENT)
                .internalNote("AI triage hardware").build());
        assertEquals(3, server.getRequestCount(), "no second PUT");
        assertEquals(1, r.conflictsRetried());
        assertTrue(r.skipped().contains("internal note (already posted)"));
    }

    @Test
    void conflictsAreBounded() {
        Ticket basis = Ticket.builder("35436").version("2011-05-05T10:38:52Z").build();
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(409, "{\"error\":\"UpdateConflict\"}"));
            enqueueTicket("2011-05-05T10:4" + i + ":00Z", "low", first());
        }
        WriteBackException e = assertThrows(WriteBackException.class,
                () -> adapter.apply(REF, basis, WriteBack.builder("35436").addTag("x").build()));
        assertEquals(WriteBackException.Kind.CONFLICT, e.kind());
        assertTrue(e.isRetryable());
        assertEquals(4 + 3 * 2, server.getRequestCount(), "1+3 PUTs and 3 re-reads of 2 requests");
    }

    @Test
    void closedTicketIsATypedRejection() {
        Ticket basis = Ticket.builder("35436").status("open")
                .version("2011-05-05T10:38:52Z").build();
        server.enqueue(json(422, Fixtures.text("captured_error_422_closed_ticket_update.json")));
        WriteBackException e = assertThrows(WriteBackException.class,
                () -> adapter.apply(REF, basis, WriteBack.builder("35436").internalNote("n").build()));
        assertEquals(WriteBackException.Kind.REJECTED, e.kind());
        assertFalse(e.isRetryable());
        ValidationException v = (ValidationException) e.getCause();
        assertEquals(List.of("Status: closed prevents ticket update"), v.fieldErrors().get("status"));
        assertEquals(1, e.partial().requests());
        assertEquals(1, server.getRequestCount(), "a validation error is not retried");
    }

    @Test
    void closedStatusKnownBeforehandSendsNothing() {
        Ticket basis = Ticket.builder("35436").status("closed")
                .version("2011-05-05T10:38:52Z").build();
        WriteBackException e = assertThrows(WriteBackException.class,
                () -> adapter.apply(REF, basis, WriteBack.builder("35436").internalNote("n").build()));
        assertEquals(WriteBackException.Kind.REJECTED, e.kind());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void rateLimitHonoursRetryAfter() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1")
                .setHeader("Content-Type", "text/html").setBody("Rate limit for ticket updates exceeded"));
        enqueueTicket("2011-05-05T10:38:52Z", "high", first());
        long start = System.nanoTime();
        Ticket t = adapter.fetch(REF);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("35436", t.id());
        assertTrue(tookMs >= 900, "waited " + tookMs + " ms");
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void publicReplyOnlyWhenPlannedAndInItsOwnUpdate() throws Exception {
        Ticket basis = Ticket.builder("35436").version("2011-05-05T10:38:52Z").build();
        String after = ticketJson("2011-05-05T10:39:30Z", "high");
        server.enqueue(json(200, after));
        server.enqueue(json(200, after));
        ApplyResult r = adapter.apply(REF, basis, WriteBack.builder("35436").internalNote("note")
                .publicReply("Dear customer").build());
        JsonObject first = Fixtures.parse(server.takeRequest().getBody().readUtf8()).getJsonObject("ticket");
        JsonObject second = Fixtures.parse(server.takeRequest().getBody().readUtf8()).getJsonObject("ticket");
        assertFalse(first.getJsonObject("comment").getBoolean("public"));
        assertTrue(second.getJsonObject("comment").getBoolean("public"));
        assertEquals("2011-05-05T10:39:30Z", second.getString("updated_stamp"));
        assertEquals(List.of("internal note", "public reply"), r.changed());
    }

    @Test
    void missingRequiredConfigIsNamed() {
        AdapterConfigException e = assertThrows(AdapterConfigException.class,
                () -> new ZendeskAdapter(ZendeskConfig.of(Map.<String, String>of()::get)));
        assertTrue(e.getMessage().contains("zendesk.baseUrl"), e.getMessage());
        AdapterConfigException w = assertThrows(AdapterConfigException.class,
                () -> adapter.parseWebhook(dev.deskassist.core.adapter.WebhookRequest.ofSingleValued("POST", "/", Map.of(),
                        new byte[0], java.time.Instant.now())));
        assertTrue(w.getMessage().contains("zendesk.webhookSecret"));
    }
}

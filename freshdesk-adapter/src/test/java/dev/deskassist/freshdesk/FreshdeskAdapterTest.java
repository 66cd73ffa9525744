package dev.deskassist.freshdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The adapter's requests, one by one, on MockWebServer with the real payloads: what a fetch reads,
 * the write-back sequence (re-read, PUT of the changed keys, private note), human edits, and how
 * each error answer is typed.
 */
@Timeout(30)
class FreshdeskAdapterTest {

    private static final TicketRef REF = TicketRef.of("freshdesk", "1");
    private static final String UPDATED_AT = "2016-05-18T23:42:50Z";

    private MockWebServer server;
    private FreshdeskAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        adapter = new FreshdeskAdapter(config(Map.of()));
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        server.shutdown();
    }

    private FreshdeskConfig config(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(Map.of(
                "freshdesk.baseUrl", server.url("/").toString(),
                "freshdesk.apiToken", "MyApiKey",
                "freshdesk.fieldIds", "category=cf_issue_type_297457,count=cf_count,bank=cf_bank964807",
                "freshdesk.groupIds", "billing=42",
                "freshdesk.integrationUserIds", "7000",
                "freshdesk.initialBackoff", "5ms",
                "freshdesk.maxBackoff", "20ms"));
        p.putAll(extra);
        return FreshdeskConfig.of(p::get);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static String ticket(java.util.function.Consumer<jakarta.json.JsonObjectBuilder> edit) {
        var t = Json.createObjectBuilder(Fixtures.json("pyfreshdesk_ticket_1.json"));
        edit.accept(t);
        return t.build().toString();
    }

    private static String fields() {
        JsonArray defs = FreshdeskMappingTest.fieldDefinitions();
        return Json.createArrayBuilder(defs).add(Json.createObjectBuilder().add("name", "cf_count")
                .add("type", "custom_number")).build().toString();
    }

    private Ticket basis() {
        return new FreshdeskMapping(config(Map.of()).fieldIds(), Map.of(), Set.of()).toTicket(
                Fixtures.json("pyfreshdesk_ticket_1.json"), FreshdeskMappingTest.objects(FreshdeskMappingTest.conversations()),
                TicketFields.EMPTY);
    }

    private static JsonObject body(RecordedRequest r) {
        return Fixtures.parse(r.getBody().readUtf8());
    }

    // ---- reading ------------------------------------------------------------------------------

    @Test
    void fetchReadsEveryConversationPageWithTheApiKey() throws Exception {
        server.enqueue(json(200, Fixtures.text("pyfreshdesk_ticket_1.json")));
        String next = server.url("/api/v2/tickets/1/conversations?per_page=100&page=2").toString();
        server.enqueue(json(200, Fixtures.text("pyfreshdesk_conversations.json"))
                .setHeader("Link", "<" + next + ">; rel=\"next\""));
        server.enqueue(json(200, Json.createArrayBuilder().add(Json.createObjectBuilder(
                FreshdeskMappingTest.conversations().getJsonObject(1)).add("id", 3).add("body", "<div>third</div>")
                .add("created_at", "2016-05-20T00:00:00Z")).build().toString()));

        Ticket t = adapter.fetch(REF);
        assertEquals(3, t.comments().size());
        assertEquals("third", t.comments().get(2).body().text());
        assertEquals(UPDATED_AT, t.version());

        RecordedRequest first = server.takeRequest();
        assertEquals("/api/v2/tickets/1?include=requester", first.getPath());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("MyApiKey:X".getBytes(StandardCharsets.UTF_8)),
                first.getHeader("Authorization"));
        assertEquals("/api/v2/tickets/1/conversations?per_page=100", server.takeRequest().getPath());
        assertEquals("/api/v2/tickets/1/conversations?per_page=100&page=2", server.takeRequest().getPath());
        assertEquals(3, server.getRequestCount(), "no field definitions needed for a built-in status");
    }

    @Test
    void aCustomStatusIsLabelledFromDefinitionsReadOnceForTheirLifetime() throws Exception {
        String statusFields = Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "status")
                .add("type", "default_status").add("choices", Json.createObjectBuilder()
                        .add("7", Json.createArrayBuilder().add("Waiting on Third Party").add("Being Processed"))))
                .build().toString();
        for (int i = 0; i < 2; i++) {
            server.enqueue(json(200, ticket(t -> t.add("status", 7))));
            server.enqueue(json(200, "[]"));
            if (i == 0) {
                server.enqueue(json(200, statusFields));
            }
        }
        assertEquals("Waiting on Third Party", adapter.fetch(REF).status());
        assertEquals("Waiting on Third Party", adapter.fetch(REF).status());
        assertEquals(5, server.getRequestCount(), "ticket_fields once, then cached");
    }

    @Test
    void anUnknownTicketIsNotFound() {
        server.enqueue(new MockResponse().setResponseCode(404));
        assertThrows(NotFoundException.class, () -> adapter.fetch(REF));
        server.enqueue(new MockResponse().setResponseCode(404));
        WriteBackException e = assertThrows(WriteBackException.class,
                () -> adapter.apply(REF, WriteBack.builder("1").internalNote("n").build()));
        assertEquals(WriteBackException.Kind.NOT_FOUND, e.kind());
    }

    // ---- writing ------------------------------------------------------------------------------

    @Test
    void theSafeSequenceRereadsThenPutsOnlyChangedKeysThenPostsThePrivateNote() throws Exception {
        server.enqueue(json(200, fields()));
        server.enqueue(json(200, Fixtures.text("pyfreshdesk_ticket_1.json")));
        server.enqueue(json(200, Fixtures.text("pyfreshdesk_conversations.json")));
        server.enqueue(json(200, ticket(t -> t.add("priority", 3).add("group_id", 42).add("updated_at", "2016-05-19T00:00:00Z")
                .add("tags", Json.createArrayBuilder().add("bar").add("foo").add("ai_refund"))
                .add("custom_fields", Json.createObjectBuilder().add("cf_issue_type_297457", "Faulty Product")
                        .add("cf_count", 3)))));
        server.enqueue(json(201, Fixtures.text("pyfreshdesk_note_1.json")));

        WriteBack plan = WriteBack.builder("1").priority(Priority.HIGH).group("billing").addTag("ai_refund")
                .field("category", "faulty product").field("count", "3").field("bank", "Barclays")
                .internalNote("AI triage: <b>refund</b>\nsee <a href=\"https://x.example\">this</a>")
                .publicReply("Dear customer, …").idempotencyKey("run-123456789").build();
        ApplyResult r = adapter.apply(REF, basis(), plan);

        assertEquals("/api/v2/ticket_fields", server.takeRequest().getPath());
        assertEquals("/api/v2/tickets/1?include=requester", server.takeRequest().getPath(), "re-read before writing");
        assertEquals("/api/v2/tickets/1/conversations?per_page=100", server.takeRequest().getPath());
        RecordedRequest put = server.takeRequest();
        assertEquals("PUT", put.getMethod());
        assertEquals("/api/v2/tickets/1", put.getPath());
        JsonObject t = body(put);
        assertEquals(Set.of("priority", "group_id", "custom_fields", "tags"), t.keySet(), "only changed keys, no status");
        assertEquals(3, t.getInt("priority"));
        assertEquals(42, t.getInt("group_id"));
        assertEquals(Map.of("cf_issue_type_297457", "\"Faulty Product\"", "cf_count", "3"),
                Map.of("cf_issue_type_297457", t.getJsonObject("custom_fields").get("cf_issue_type_297457").toString(),
                        "cf_count", t.getJsonObject("custom_fields").get("cf_count").toString()),
                "a choice in its spelling, a number as a number");
        assertFalse(t.getJsonObject("custom_fields").containsKey("cf_bank964807"), "not a choice: not sent");
        assertEquals(List.of("bar", "foo", "ai_refund"), t.getJsonArray("tags").getValuesAs(JsonString::getString));

        RecordedRequest post = server.takeRequest();
        assertEquals("POST", post.getMethod());
        assertEquals("/api/v2/tickets/1/notes", post.getPath());
        JsonObject note = body(post);
        assertEquals(Set.of("body", "private"), note.keySet());
        assertTrue(note.getBoolean("private"));
        assertEquals("<p>AI triage: &lt;b&gt;refund&lt;/b&gt;<br>see &lt;a href=&quot;https://x.example&quot;&gt;"
                + "this&lt;/a&gt;</p><p>DeskAssist ref: run-123456789</p>", note.getString("body"));
        assertEquals(5, server.getRequestCount(), "no reply, nothing else");

        assertEquals(List.of("tags +[ai_refund]", "priority high", "group 42", "field category", "field count",
                "internal note"), r.changed());
        assertTrue(r.skipped().contains("field bank (not one of the field's choices)"), r.skipped().toString());
        assertTrue(r.skipped().stream().anyMatch(s -> s.startsWith("public reply (never sent")), r.skipped().toString());
        assertEquals(3, r.requests(), "re-read, PUT, POST");
        assertEquals(0, r.conflictsRetried());
    }

    @Test
    void aHumanEditBetweenReadAndWriteWins() throws Exception {
        server.enqueue(json(200, fields()));
        // meanwhile an agent set priority Urgent and an issue type
        server.enqueue(json(200, ticket(t -> t.add("priority", 4).add("updated_at", "2016-05-19T08:00:00Z")
                .add("custom_fields", Json.createObjectBuilder().add("cf_issue_type_297457", "Item Not Delivered")))));
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, ticket(t -> t.add("priority", 4).add("updated_at", "2016-05-19T08:01:00Z")
                .add("tags", Json.createArrayBuilder().add("bar").add("foo").add("ai_refund")))));

        ApplyResult r = adapter.apply(REF, basis(), WriteBack.builder("1").priority(Priority.HIGH)
                .field("category", "refund").addTag("ai_refund").build());
        server.takeRequest();
        server.takeRequest();
        server.takeRequest();
        JsonObject put = body(server.takeRequest());
        assertEquals(Set.of("tags"), put.keySet(), "the agent's priority and type stay");
        assertEquals(List.of("priority", "field category"), r.keptHuman());
        assertEquals(1, r.conflictsRetried(), "the version moved");
        assertEquals(List.of("tags +[ai_refund]"), r.changed());
    }

    @Test
    void theDefaultPriorityCountsAsEmptyButAChosenOneIsKept() {
        Ticket low = basis();
        assertEquals(Priority.LOW, low.priority());
        server.enqueue(json(200, Fixtures.text("pyfreshdesk_ticket_1.json")));
        server.enqueue(json(200, "[]"));
        server.enqueue(json(200, ticket(t -> t.add("priority", 3))));
        assertEquals(List.of("priority high"), adapter.apply(REF, low, WriteBack.builder("1").priority(Priority.HIGH)
                .build()).changed());

        Ticket medium = low.toBuilder().priority(Priority.NORMAL).build();
        ApplyResult kept = adapter.apply(REF, medium, WriteBack.builder("1").priority(Priority.HIGH).build());
        assertEquals(List.of("priority"), kept.keptHuman());
        assertEquals(0, kept.requests());
    }

    @Test
    void nothingToChangeSendsNoRequest() {
        String token = dev.deskassist.core.adapter.NoteRef.token("1", "AI triage", "run-123456789");
        Ticket done = basis().toBuilder().priority(Priority.HIGH).tag("ai_refund")
                .addComment(dev.deskassist.core.model.Comment.internalNote(dev.deskassist.core.model.AuthorRole.SYSTEM,
                        FreshdeskMapping.noteHtml("AI triage\n\nDeskAssist ref: " + token)))
                .build();
        ApplyResult r = adapter.apply(REF, done, WriteBack.builder("1").priority(Priority.HIGH).addTag("AI_Refund")
                .internalNote("AI triage").idempotencyKey("run-123456789").build());
        assertFalse(r.changedAnything());
        assertEquals(0, server.getRequestCount());
    }

    // ---- errors ------------------------------------------------------------------------------

    @Test
    void aValidationErrorIsRejectedWithTheFieldNamed() {
        server.enqueue(json(200, Fixtures.text("pyfreshdesk_ticket_1.json")));
        server.enqueue(json(200, "[]"));
        server.enqueue(json(400, Fixtures.text("captured_error_400_invalid_field.json")));
        WriteBackException e = assertThrows(WriteBackException.class, () -> adapter.apply(REF, basis(),
                WriteBack.builder("1").priority(Priority.HIGH).internalNote("note").build()));
        assertEquals(WriteBackException.Kind.REJECTED, e.kind());
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("priorty") && e.getMessage().contains("invalid_field"), e.getMessage());
        ValidationException cause = assertInstanceOf(ValidationException.class, e.getCause());
        assertEquals(Set.of("priorty"), cause.fieldErrors().keySet());
        assertEquals(3, server.getRequestCount(), "no note after a refused update");
    }

    @Test
    void aRefusedNoteNamesItsField() {
        server.enqueue(json(400, Fixtures.text("captured_error_400_notes_notify_emails.json")));
        WriteBackException e = assertThrows(WriteBackException.class, () -> adapter.apply(REF, basis(),
                WriteBack.builder("1").internalNote("note").build()));
        assertEquals(WriteBackException.Kind.REJECTED, e.kind());
        assertTrue(e.getMessage().contains("notify_emails"), e.getMessage());
    }

    @Test
    void aRateLimitIsTransientWithItsRetryAfter() throws Exception {
        server.enqueue(json(200, Fixtures.text("pyfreshdesk_ticket_1.json")));
        server.enqueue(json(200, "[]"));
        server.enqueue(json(429, "{}").setHeader("Retry-After", "58"));
        WriteBackException e = assertThrows(WriteBackException.class, () -> adapter.apply(REF, basis(),
                WriteBack.builder("1").priority(Priority.HIGH).build()));
        assertEquals(WriteBackException.Kind.TRANSIENT, e.kind());
        assertTrue(e.isRetryable());
        assertEquals(Duration.ofSeconds(58), e.retryAfter().orElseThrow(), "longer than maxRetryAfter: handed back whole");
        assertEquals(3, server.getRequestCount(), "not slept on in-process");
    }

    @Test
    void badCredentialsAreAuthenticationAndAForbiddenIsAPermissionOrPlanRefusal() {
        server.enqueue(json(401, "{\"code\":\"invalid_credentials\",\"message\":\"You have to be logged in to perform "
                + "this action.\"}"));
        WriteBackException unauthorized = assertThrows(WriteBackException.class, () -> adapter.apply(REF, basis(),
                WriteBack.builder("1").internalNote("note").build()));
        assertEquals(WriteBackException.Kind.AUTHENTICATION, unauthorized.kind());
        assertTrue(unauthorized.getMessage().contains("freshdesk.apiToken"), unauthorized.getMessage());

        server.enqueue(json(403, "{\"code\":\"access_denied\",\"message\":\"You are not authorized to perform this "
                + "action.\"}"));
        WriteBackException forbidden = assertThrows(WriteBackException.class, () -> adapter.apply(REF, basis(),
                WriteBack.builder("1").internalNote("note").build()));
        assertEquals(WriteBackException.Kind.REJECTED, forbidden.kind());
        assertFalse(forbidden.isRetryable());
        assertTrue(forbidden.getMessage().contains("lacks a permission, or the Freshdesk plan lacks the feature")
                && forbidden.getMessage().contains("access_denied"), forbidden.getMessage());
    }

    @Test
    void unreadableFieldDefinitionsFailTheApplyWithTheirKind() {
        server.enqueue(json(403, "{\"code\":\"access_denied\",\"message\":\"no\"}"));
        WriteBackException e = assertThrows(WriteBackException.class, () -> adapter.apply(REF, basis(),
                WriteBack.builder("1").field("category", "refund").build()));
        assertEquals(WriteBackException.Kind.REJECTED, e.kind());
        assertTrue(e.getMessage().contains("ticket field definitions"), e.getMessage());
    }
}

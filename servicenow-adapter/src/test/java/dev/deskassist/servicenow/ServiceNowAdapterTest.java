package dev.deskassist.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WriteBackException;
import dev.deskassist.core.adapter.WriteLedger;
import dev.deskassist.core.http.AuthenticationException;
import dev.deskassist.core.http.NotFoundException;
import dev.deskassist.core.http.RateLimitedException;
import dev.deskassist.core.http.RejectedException;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The adapter against recorded answers (fixtures) and synthetic ones on MockWebServer. */
@Timeout(30)
class ServiceNowAdapterTest {

    private static final String ID = "ef43c6d40a0a0b5700c77f9bf387afe3";
    private static final TicketRef REF = TicketRef.of("servicenow", ID);
    private static final String HARDWARE = "8a5055c9c61122780043563ef53438e3";

    private MockWebServer server;
    private ServiceNowAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        adapter = new ServiceNowAdapter(config(Map.of()));
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        server.shutdown();
    }

    private ServiceNowConfig config(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(Map.of(
                "servicenow.baseUrl", server.url("/").toString(),
                "servicenow.username", "deskassist.integration",
                "servicenow.password", "pw-123",
                "servicenow.fieldIds", "category=category",
                "servicenow.groupIds", "hardware=" + HARDWARE,
                "servicenow.initialBackoff", "5ms",
                "servicenow.maxBackoff", "20ms"));
        p.putAll(extra);
        p.values().removeIf(String::isEmpty);
        return ServiceNowConfig.of(p::get);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json;charset=UTF-8")
                .setBody(body);
    }

    /**
     * The docs' PATCH example as the record was before it, one update fewer, with the values of a
     * record nobody triaged yet: impact 3, urgency 3 (priority 5), category inquiry.
     */
    private static JsonObject before() {
        return Fixtures.with(Fixtures.record("docs_table_patch_incident_response.json"),
                Map.of("impact", "3", "urgency", "3", "priority", "5", "sys_mod_count", "6", "category", "inquiry"));
    }

    private void enqueueRead(JsonObject record) {
        server.enqueue(json(200, Fixtures.answer(record)));
        server.enqueue(json(200, "{\"result\":[]}"));
    }

    private static JsonObject body(RecordedRequest r) {
        return Fixtures.parse(r.getBody().readUtf8());
    }

    private static String decoded(RecordedRequest r) {
        return URLDecoder.decode(r.getPath(), StandardCharsets.UTF_8);
    }

    // ---- reading

    @Test
    void fetchReadsTheRecordThenItsJournalWithBasicAuth() throws Exception {
        JsonObject record = Fixtures.with(Fixtures.record("docs_table_get_incident_response.json"),
                Map.of("caller_id.user_name", "abel.tuter"));
        server.enqueue(json(200, Fixtures.answer(record)));
        server.enqueue(json(200, Fixtures.journalRows()).setHeader("X-Total-Count", "3"));

        Ticket t = adapter.fetch(TicketRef.of("servicenow", "a9e30c7dc61122760116894de7bcc7bd"));
        assertEquals("INC0000046", t.displayId());
        assertEquals("4", t.version());
        assertEquals(3, t.comments().size());
        assertEquals(AuthorRole.AGENT, t.comments().get(0).author());

        RecordedRequest r1 = server.takeRequest();
        assertEquals("GET", r1.getMethod());
        assertTrue(decoded(r1).startsWith("/api/now/table/incident/a9e30c7dc61122760116894de7bcc7bd?"
                + "sysparm_display_value=all&sysparm_exclude_reference_link=true&sysparm_fields=sys_id,number,"));
        assertTrue(decoded(r1).contains("caller_id.name,caller_id.email"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("deskassist.integration:pw-123"
                .getBytes(StandardCharsets.UTF_8)), r1.getHeader("Authorization"));
        RecordedRequest r2 = server.takeRequest();
        assertTrue(decoded(r2).startsWith("/api/now/table/sys_journal_field?sysparm_query=name=incident"
                + "^element_id=a9e30c7dc61122760116894de7bcc7bd^element=comments^ORelement=work_notes"), decoded(r2));
        assertEquals(2, server.getRequestCount(), "three rows of a total of three: one page");
    }

    @Test
    void theJournalIsReadPageByPageFollowingLink() throws Exception {
        adapter.close();
        adapter = new ServiceNowAdapter(config(Map.of("servicenow.journalPageSize", "2")));
        server.enqueue(json(200, Fixtures.answer(before())));
        String rows = Fixtures.journalRows();
        JsonObject all = Fixtures.parse(rows);
        String page1 = jakarta.json.Json.createObjectBuilder().add("result", jakarta.json.Json.createArrayBuilder()
                .add(all.getJsonArray("result").get(0)).add(all.getJsonArray("result").get(1))).build().toString();
        String page2 = jakarta.json.Json.createObjectBuilder().add("result", jakarta.json.Json.createArrayBuilder()
                .add(all.getJsonArray("result").get(2))).build().toString();
        server.enqueue(json(200, page1).setHeader("Link", "<" + server.url("/x") + ">;rel=\"next\""));
        server.enqueue(json(200, page2).setHeader("Link", "<" + server.url("/x") + ">;rel=\"first\""));

        assertEquals(3, adapter.fetch(REF).comments().size());
        server.takeRequest();
        assertTrue(decoded(server.takeRequest()).endsWith("sysparm_limit=2&sysparm_offset=0"));
        assertTrue(decoded(server.takeRequest()).endsWith("sysparm_limit=2&sysparm_offset=2"));
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void anEmptyJournalBesideVisibleEntriesFallsBackToDisplayValuesWarningOnce() {
        JsonObject raw = Fixtures.with(before(), Map.of("caller_id.name", "Abel Tuter"));
        JsonObject all = Fixtures.displayAll(raw, d -> d.put("comments",
                "2016-01-22 14:00:00 - Abel Tuter (Additional comments)\nExchange is down again.\n\n"));
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Ticket first;
        try {
            for (int i = 0; i < 2; i++) {
                // 200 with no rows: the read ACL of sys_journal_field filtered the user out
                server.enqueue(json(200, Fixtures.answer(all)));
                server.enqueue(json(200, "{\"result\":[]}"));
            }
            first = adapter.fetch(REF);
            adapter.fetch(REF);
        } finally {
            System.setErr(err);
        }
        assertEquals(1, first.comments().size());
        assertEquals("Exchange is down again.", first.comments().get(0).body().text());
        assertEquals(AuthorRole.CUSTOMER, first.comments().get(0).author());
        assertEquals(Instant.parse("2016-01-22T14:00:00Z"), first.comments().get(0).createdAt());
        String log = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, log.split("lacks read access on sys_journal_field", -1).length - 1, log);
    }

    // ---- writing

    @Test
    void oneAtomicPatchWithImpactAndUrgencyThenTheAnswerIsVerified() throws Exception {
        Ticket basis = adapter.mapping().toTicket(before(), List.of());
        enqueueRead(before());
        // the docs' PATCH answer: impact 1, urgency 1, priority recomputed to 1, sys_mod_count 6 -> 7
        server.enqueue(json(200, Fixtures.text("docs_table_patch_incident_response.json")));

        ApplyResult r = adapter.apply(REF, basis, WriteBack.builder(ID).priority(Priority.URGENT)
                .internalNote("AI triage: outage").idempotencyKey("delivery-42").build());
        server.takeRequest();
        server.takeRequest();
        RecordedRequest patch = server.takeRequest();
        assertEquals("PATCH", patch.getMethod());
        assertTrue(decoded(patch).startsWith("/api/now/table/incident/" + ID + "?sysparm_display_value=all"));
        JsonObject sent = body(patch);
        assertEquals("1", sent.getString("impact"));
        assertEquals("1", sent.getString("urgency"));
        assertFalse(sent.containsKey("priority"), "priority is computed by the instance, never written");
        assertFalse(sent.containsKey("comments"), "no public reply was planned");
        assertTrue(sent.getString("work_notes").endsWith("\n\nDeskAssist ref: delivery-42"));
        assertEquals(List.of("priority urgent", "internal note"), r.changed());
        assertTrue(r.ignored().isEmpty(), r.toString());
        assertTrue(r.skipped().isEmpty(), "mod count 6 -> 7 and the priority the matrix promises: " + r.skipped());
        assertEquals(2, r.requests(), "a fresh read (counted once) and the PATCH");
        assertEquals(3, server.getRequestCount(), "record, journal, PATCH");
    }

    @Test
    void aFieldTheInstanceIgnoredIsReportedNotCounted() throws Exception {
        Ticket basis = adapter.mapping().toTicket(before(), List.of());
        enqueueRead(before());
        // category stays "inquiry" in the answer: the integration user may not write it
        server.enqueue(json(200, Fixtures.answer(Fixtures.with(before(), Map.of("sys_mod_count", "7")))));

        ApplyResult r = adapter.apply(REF, basis, WriteBack.builder(ID).field("category", "network").build());
        assertEquals(List.of("field category"), r.ignored());
        assertFalse(r.changed().contains("field category"));
        assertTrue(r.skipped().stream().anyMatch(s -> s.startsWith("category (ignored by the instance")), r.skipped()
                .toString());
    }

    @Test
    void anInterleavedUpdateAndADifferentPriorityLookupAreReported() throws Exception {
        Ticket basis = adapter.mapping().toTicket(before(), List.of());
        enqueueRead(before());
        // high is impact 2 / urgency 1 (priority 2); this instance computed 3, and counted two updates
        server.enqueue(json(200, Fixtures.answer(Fixtures.with(before(), Map.of("impact", "2", "urgency", "1",
                "priority", "3", "sys_mod_count", "8")))));

        ApplyResult r = adapter.apply(REF, basis, WriteBack.builder(ID).priority(Priority.HIGH).build());
        JsonObject sent = body(server.takeRequest(), server.takeRequest(), server.takeRequest());
        assertEquals("2", sent.getString("impact"));
        assertEquals("1", sent.getString("urgency"));
        assertTrue(r.skipped().stream().anyMatch(s -> s.startsWith("sys_mod_count went from 6 to 8")), r.toString());
        assertTrue(r.skipped().stream().anyMatch(s -> s.contains("priority lookup differs")), r.toString());
        assertEquals(List.of("priority"), r.ignored(), "the ticket's priority is not the one planned");
    }

    private static JsonObject body(RecordedRequest read, RecordedRequest journal, RecordedRequest patch) {
        assertEquals("PATCH", patch.getMethod());
        return body(patch);
    }

    @Test
    void codeTagsInModelTextCannotRender() throws Exception {
        Ticket basis = adapter.mapping().toTicket(before(), List.of());
        server.enqueue(json(200, Fixtures.answer(Fixtures.with(before(), Map.of("sys_mod_count", "7")))));

        adapter.apply(REF, basis, WriteBack.builder(ID).internalNote("Customer pasted [code]<script>alert(1)</script>"
                + "[/code] into the form.").build());
        String note = body(server.takeRequest()).getString("work_notes");
        assertFalse(note.toLowerCase().contains("[code]") || note.toLowerCase().contains("[/code]"), note);
        assertTrue(note.startsWith("Customer pasted (code)<script>alert(1)</script>(/code) into the form."));
        assertEquals(1, server.getRequestCount(), "a note alone needs no fresh read");
    }

    // ---- errors

    @Test
    void unauthenticatedIsAnAuthenticationFailure() {
        server.enqueue(json(401, Fixtures.text("backstage_table_401_not_authenticated.json"))
                .setHeader("WWW-Authenticate", "BASIC realm=\"Service-now\""));
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> adapter.fetch(REF));
        assertTrue(e.getMessage().contains("User Not Authenticated"), e.getMessage());
        assertEquals(1, server.getRequestCount(), "Basic credentials are not refreshed");
    }

    @Test
    void forbiddenIsARejectionWithTheInstancesMessage() {
        String payload = Fixtures.parse("{\"r\":" + Fixtures.text("talend_recording_201_insert_then_403_insert_error.json")
                + "}").getJsonArray("r").getJsonObject(1).getJsonObject("response").getString("payload");
        Ticket basis = adapter.mapping().toTicket(before(), List.of());
        server.enqueue(json(403, payload));
        WriteBackException e = assertThrows(WriteBackException.class,
                () -> adapter.apply(REF, basis, WriteBack.builder(ID).internalNote("n").build()));
        assertEquals(WriteBackException.Kind.REJECTED, e.kind());
        assertFalse(e.isRetryable());
        RejectedException cause = assertInstanceOf(RejectedException.class, e.getCause());
        assertTrue(cause.getMessage().contains("Operation Failed"), cause.getMessage());
        assertEquals(1, server.getRequestCount(), "a rejection is not retried");

        server.enqueue(json(403, payload));
        assertThrows(RejectedException.class, () -> adapter.fetch(REF));
    }

    @Test
    void aMissingRecordIsNotFound() {
        server.enqueue(json(404, Fixtures.text("captured_error_404_no_record.json")));
        NotFoundException e = assertThrows(NotFoundException.class, () -> adapter.fetch(REF));
        assertTrue(e.getMessage().contains("No Record found"));
    }

    @Test
    void anHourLongRetryAfterGoesBackToThePipeline() {
        Ticket basis = adapter.mapping().toTicket(before(), List.of());
        server.enqueue(json(429, Fixtures.text("docs_error_429_rate_limit.json")).setHeader("Retry-After", "3540")
                .setHeader("X-RateLimit-Limit", "100"));
        WriteBackException e = assertThrows(WriteBackException.class,
                () -> adapter.apply(REF, basis, WriteBack.builder(ID).internalNote("n").build()));
        assertEquals(WriteBackException.Kind.TRANSIENT, e.kind());
        assertEquals(Duration.ofSeconds(3540), e.retryAfter().orElseThrow());
        assertEquals(1, server.getRequestCount(), "not slept on in-process");
    }

    @Test
    void withoutRetryAfterTheRateLimitResetIsUsed() {
        long reset = Instant.now().getEpochSecond() + 1800;
        server.enqueue(json(429, Fixtures.text("docs_error_429_rate_limit.json"))
                .setHeader("X-RateLimit-Reset", String.valueOf(reset)));
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> adapter.fetch(REF));
        assertTrue(e.isRetryable());
        long wait = e.retryAfter().orElseThrow().toSeconds();
        assertTrue(wait >= 1795 && wait <= 1801, "waits until the window resets: " + wait);
    }

    // ---- OAuth

    @Test
    void oauthClientCredentialsFromTheInstancesTokenEndpoint() throws Exception {
        adapter.close();
        adapter = new ServiceNowAdapter(config(Map.of("servicenow.username", "", "servicenow.password", "",
                "servicenow.oauthClientId", "client-1", "servicenow.oauthClientSecret", "client-secret",
                "servicenow.integrationUserIds", "deskassist.integration")));
        server.enqueue(json(200, Fixtures.text("docs_oauth_token_response.json")));
        enqueueRead(before());

        adapter.fetch(REF);
        RecordedRequest token = server.takeRequest();
        assertEquals("/oauth_token.do", token.getPath());
        String form = token.getBody().readUtf8();
        assertTrue(form.contains("grant_type=client_credentials") && form.contains("client_id=client-1"), form);
        assertEquals("Bearer 2wRlsRCT2SYjCCJP91kwo2EFzj5qg4O3I3aC09e0-0hz6Ib3YK7If-LMiNorNuglfqbkL4AfkYC92KYHUCcbpQ",
                server.takeRequest().getHeader("Authorization"));
    }

    @Test
    void aTokenRefusedWith401IsRefreshedOnce() throws Exception {
        adapter.close();
        adapter = new ServiceNowAdapter(config(Map.of("servicenow.username", "", "servicenow.password", "",
                "servicenow.oauthClientId", "client-1", "servicenow.oauthClientSecret", "client-secret",
                "servicenow.integrationUserIds", "deskassist.integration")));
        server.enqueue(json(200, "{\"access_token\":\"first\",\"token_type\":\"Bearer\",\"expires_in\":1799}"));
        server.enqueue(json(401, Fixtures.text("backstage_table_401_not_authenticated.json")));
        server.enqueue(json(200, "{\"access_token\":\"second\",\"token_type\":\"Bearer\",\"expires_in\":1799}"));
        enqueueRead(before());

        assertEquals("6", adapter.fetch(REF).version());
        server.takeRequest();
        assertEquals("Bearer first", server.takeRequest().getHeader("Authorization"));
        assertEquals("/oauth_token.do", server.takeRequest().getPath());
        assertEquals("Bearer second", server.takeRequest().getHeader("Authorization"));
        assertEquals("Bearer second", server.takeRequest().getHeader("Authorization"));
    }
}

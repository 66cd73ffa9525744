package dev.deskassist.freshdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.TicketPoller;
import dev.deskassist.core.adapter.WriteBackDiff;
import dev.deskassist.core.adapter.testkit.Fixtures;
import dev.deskassist.core.http.ErrorDetails;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.MessageText;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The mapping on real payloads (see {@code src/test/resources/fixtures/README.md}): python-freshdesk's
 * ticket, conversations and updated ticket, a real ticket captured by FreshdeskApiDotnet, its ticket
 * field definitions, and captured 400 bodies.
 */
class FreshdeskMappingTest {

    private static final FreshdeskMapping MAPPING = new FreshdeskMapping(
            Map.of("category", "cf_issue_type_297457", "language", "cf_feedback"),
            Map.of("billing", "42"), Set.of("7000"));

    static JsonArray conversations() {
        return Fixtures.array("pyfreshdesk_conversations.json");
    }

    static List<JsonObject> objects(JsonArray a) {
        return a.getValuesAs(JsonObject.class);
    }

    /** The three field definitions FreshdeskApiDotnet captured, as one ticket_fields answer. */
    static JsonArray fieldDefinitions() {
        return Json.createArrayBuilder().add(Fixtures.json("freshdeskapidotnet_ticket_field_custom_dropdown.json"))
                .add(Fixtures.json("freshdeskapidotnet_ticket_field_custom_text.json"))
                .add(Fixtures.json("freshdeskapidotnet_ticket_field_nested_field.json")).build();
    }

    @Test
    void readsTheTicketWithRequesterAndThread() {
        Ticket t = MAPPING.toTicket(Fixtures.json("pyfreshdesk_ticket_1.json"), objects(conversations()),
                TicketFields.EMPTY);
        assertEquals("1", t.id());
        assertEquals("This is a sample ticket", t.subject());
        assertEquals("This is a sample ticket, feel free to delete it.", t.description().text(),
                "the HTML description becomes text");
        assertEquals("43026449322", t.requester().id(), "the embedded requester");
        assertEquals("Dummyname", t.requester().name());
        assertEquals("dummyname@example.com", t.requester().email());
        assertEquals(Set.of("foo", "bar"), t.tags());
        assertEquals(Priority.LOW, t.priority());
        assertEquals("open", t.status());
        assertEquals("portal", t.channel());
        assertNull(t.group());
        assertEquals("2016-05-18T23:42:50Z", t.version(), "updated_at is the version");
        assertEquals(Instant.parse("2016-05-18T23:36:04Z"), t.slaDueAt());
        assertTrue(t.customFields().isEmpty(), "null custom fields are left out: " + t.customFields());

        assertEquals(2, t.comments().size());
        Comment note = t.comments().get(0);
        assertTrue(note.isInternal(), "private:true is an internal note");
        assertEquals(AuthorRole.AGENT, note.author());
        assertEquals("This is a private note", note.body().text());
        Comment reply = t.comments().get(1);
        assertTrue(reply.isPublic());
        assertEquals(AuthorRole.AGENT, reply.author(), "user 1 is neither the requester nor incoming");
        assertEquals("This is a reply", reply.body().text());
    }

    @Test
    void authorsAreTheIntegrationAgentTheCustomerOrAnAgent() {
        FreshdeskMapping ours = new FreshdeskMapping(Map.of(), Map.of(), Set.of("1"));
        Ticket t = ours.toTicket(Fixtures.json("pyfreshdesk_ticket_1.json"), objects(conversations()),
                TicketFields.EMPTY);
        assertEquals(AuthorRole.SYSTEM, t.comments().get(0).author(), "the configured integration agent");

        JsonObject fromRequester = Json.createObjectBuilder(conversations().getJsonObject(1))
                .add("user_id", 6012691534L).add("id", 3).build();
        JsonObject incoming = Json.createObjectBuilder(conversations().getJsonObject(1))
                .add("user_id", 99).add("incoming", true).add("id", 4).build();
        Ticket t2 = MAPPING.toTicket(Fixtures.json("pyfreshdesk_ticket_1.json"), List.of(incoming, fromRequester),
                TicketFields.EMPTY);
        assertEquals(List.of(AuthorRole.CUSTOMER, AuthorRole.CUSTOMER),
                t2.comments().stream().map(Comment::author).toList());
        assertEquals(List.of("3", "4"), t2.comments().stream().map(Comment::id).toList(), "same time: by id");
    }

    @Test
    void readsARealCapturedTicketAndTheUpdatedOne() {
        FreshdeskMapping typeAsCategory = new FreshdeskMapping(Map.of("category", "type"), Map.of(), Set.of());
        Ticket t = typeAsCategory.toTicket(Fixtures.json("freshdeskapidotnet_ticket.json"), List.of(),
                TicketFields.EMPTY);
        assertEquals("49548", t.id());
        assertEquals(Priority.NORMAL, t.priority(), "2 is Medium");
        assertEquals("Question", t.customFields().get("category"), "the built-in type, mapped to a logical field");
        assertEquals("This is a test ticket.", t.description().text());
        assertEquals("36012621950", t.requester().id(), "no requester embedded: its id");
        assertEquals("2025-01-08T09:43:50Z", t.version());

        Ticket updated = MAPPING.toTicket(Fixtures.json("pyfreshdesk_ticket_1_updated.json"), List.of(),
                TicketFields.EMPTY);
        assertEquals(Priority.HIGH, updated.priority());
        assertEquals("resolved", updated.status());
        assertEquals(Set.of("hello", "world"), updated.tags());
    }

    @Test
    void customStatusesTakeTheirLabelFromTheFieldDefinitions() {
        JsonObject ticket = Json.createObjectBuilder(Fixtures.json("freshdeskapidotnet_ticket.json")).add("status", 6)
                .build();
        assertTrue(FreshdeskMapping.hasCustomStatus(ticket));
        assertEquals("6", MAPPING.toTicket(ticket, List.of(), TicketFields.EMPTY).status());
        TicketFields defs = TicketFields.parse(Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("name", "status").add("type", "default_status").add("choices", Json.createObjectBuilder()
                        .add("2", Json.createArrayBuilder().add("Open").add("Being Processed"))
                        .add("6", Json.createArrayBuilder().add("Waiting on Customer").add("Awaiting your Reply"))))
                .build());
        assertEquals("Waiting on Customer", MAPPING.toTicket(ticket, List.of(), defs).status());
    }

    @Test
    void fieldDefinitionsTypeAndCheckValues() {
        TicketFields defs = TicketFields.parse(fieldDefinitions());
        assertEquals("custom_dropdown", defs.field("cf_issue_type_297457").type());
        assertEquals(List.of("Refund", "Faulty Product", "Item Not Delivered"), defs.field("cf_issue_type_297457").choices());
        assertEquals(List.of("HDFC", "SBI", "ICICI"), defs.field("cf_bank964807").choices(),
                "a nested field wrapped in ticket_field: its first level");

        assertEquals("Faulty Product", defs.coerce("cf_issue_type_297457", "faulty_product").text(),
                "matched ignoring case and separators, sent in the choice's spelling");
        assertFalse(defs.coerce("cf_issue_type_297457", "Broken").ok());
        assertEquals("not one of the field's choices", defs.coerce("cf_issue_type_297457", "Broken").reason());
        assertEquals("anything, \"quoted\"", defs.coerce("cf_feedback", "anything, \"quoted\"").text());
        assertEquals("longer than 255 characters; use a paragraph field",
                defs.coerce("cf_feedback", "x".repeat(256)).reason());
        assertEquals("SBI", defs.coerce("cf_bank964807", "sbi").text());
        assertEquals("Freshdesk has no field cf_nope", defs.coerce("cf_nope", "x").reason());
    }

    @Test
    void numbersDecimalsCheckboxesAndDatesAreTyped() {
        TicketFields defs = TicketFields.parse(Json.createArrayBuilder()
                .add(field("cf_count", "custom_number")).add(field("cf_score", "custom_decimal"))
                .add(field("cf_flag", "custom_checkbox")).add(field("cf_due", "custom_date")).build());
        assertEquals("3", defs.coerce("cf_count", "3.0").text());
        assertEquals("not a whole number", defs.coerce("cf_count", "3.5").reason());
        assertEquals("not a whole number", defs.coerce("cf_count", "three").reason());
        assertEquals("0.87", defs.coerce("cf_score", "0.870").text());
        assertEquals("true", defs.coerce("cf_flag", "Yes").text());
        assertEquals("not true or false", defs.coerce("cf_flag", "maybe").reason());
        assertEquals("2026-01-05", defs.coerce("cf_due", "2026-01-05").text());
        assertFalse(defs.coerce("cf_due", "5 Jan").ok());

        assertEquals("3", defs.json("cf_count", "3").toString());
        assertEquals("0.87", defs.json("cf_score", "0.87").toString());
        assertEquals("true", defs.json("cf_flag", "true").toString());
        assertEquals("\"2026-01-05\"", defs.json("cf_due", "2026-01-05").toString());
    }

    private static JsonObject field(String name, String type) {
        return Json.createObjectBuilder().add("name", name).add("type", type).build();
    }

    @Test
    void translateCoercesValuesMapsGroupsAndDropsReplies() {
        TicketFields defs = TicketFields.parse(fieldDefinitions());
        List<String> skipped = new ArrayList<>();
        WriteBack plan = WriteBack.builder("1").priority(Priority.HIGH).group("Billing").field("category", "refund")
                .field("language", "de").field("sentiment", "angry").internalNote("note").publicReply("Dear customer")
                .addTag("ai_refund").build();
        WriteBack out = MAPPING.translate(plan, skipped, defs);
        assertEquals("42", out.group());
        assertEquals(Map.of("category", "Refund", "language", "de", "sentiment", "angry"), out.fields(),
                "an unmapped field stays, for the diff to report");
        assertNull(out.publicReply(), "never a reply");
        assertEquals("note", out.internalNote());
        assertEquals(List.of("public reply (never sent to Freshdesk; drafts go into the private note)"), skipped);

        skipped.clear();
        WriteBack bad = MAPPING.translate(WriteBack.builder("1").group("nowhere").field("category", "Broken").build(),
                skipped, defs);
        assertNull(bad.group());
        assertTrue(bad.fields().isEmpty());
        assertEquals(List.of("group nowhere (no group id configured)",
                "field category (not one of the field's choices)"), skipped);
    }

    @Test
    void updateBodyCarriesOnlyChangedKeysTypedAndNeverStatus() {
        FreshdeskMapping m = new FreshdeskMapping(Map.of("category", "type", "confidence", "cf_score",
                "count", "cf_count"), Map.of(), Set.of());
        TicketFields defs = TicketFields.parse(Json.createArrayBuilder().add(field("cf_score", "custom_decimal"))
                .add(field("cf_count", "custom_number")).build());
        Ticket current = m.toTicket(Fixtures.json("pyfreshdesk_ticket_1.json"), List.of(), TicketFields.EMPTY);
        WriteBack plan = WriteBack.builder("1").priority(Priority.URGENT).group("42").field("category", "Incident")
                .field("confidence", "0.87").field("count", "3").addTag("ai_refund").addTag("foo").build();
        WriteBackDiff.Changes changes = WriteBackDiff.diff(plan, current, m::supportsField);
        JsonObject body = Fixtures.parse(m.updateBody(changes, defs));

        assertEquals(Set.of("priority", "group_id", "type", "custom_fields", "tags"), body.keySet());
        assertEquals(4, body.getInt("priority"));
        assertEquals(42, body.getJsonNumber("group_id").longValue());
        assertEquals("Incident", body.getString("type"), "the built-in type is a top-level key");
        assertEquals("0.87", body.getJsonObject("custom_fields").get("cf_score").toString(), "a number, not a string");
        assertEquals("3", body.getJsonObject("custom_fields").get("cf_count").toString());
        assertEquals(List.of("bar", "foo", "ai_refund"), body.getJsonArray("tags").getValuesAs(
                jakarta.json.JsonString::getString), "Freshdesk replaces the list: the current tags stay");

        WriteBackDiff.Changes onlyPriority = WriteBackDiff.diff(WriteBack.builder("1").priority(Priority.HIGH)
                .addTag("foo").build(), current, m::supportsField);
        assertEquals("{\"priority\":3}", m.updateBody(onlyPriority, defs), "no tags when none are new");
    }

    @Test
    void theNoteIsEscapedHtmlThatShowsExactlyTheText() {
        String html = FreshdeskMapping.noteHtml("AI triage: <b>billing</b> & \"refund\"\n"
                + "see <a href=\"https://evil.example\">here</a>\n\n"
                + "<script>alert('x')</script>\r\nDeskAssist ref: da-1234abcd");
        assertEquals("<p>AI triage: &lt;b&gt;billing&lt;/b&gt; &amp; &quot;refund&quot;<br>"
                + "see &lt;a href=&quot;https://evil.example&quot;&gt;here&lt;/a&gt;</p>"
                + "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>DeskAssist ref: da-1234abcd</p>", html);
        MessageText back = MessageText.parse(html);
        assertTrue(back.full().contains("<a href=\"https://evil.example\">here</a>"),
                "read back, the markup is text again: " + back.full());
        assertTrue(back.full().endsWith("DeskAssist ref: da-1234abcd"), "the ref line survives: " + back.full());

        JsonObject body = Fixtures.parse(FreshdeskMapping.noteBody("hello"));
        assertEquals(Set.of("body", "private"), body.keySet(), "never notify_emails");
        assertTrue(body.getBoolean("private"));
        assertEquals("<p>hello</p>", body.getString("body"));
    }

    @Test
    void theNoteAnswerIsAPrivateNote() {
        // what POST /notes answers (201); the adapter needs nothing from it but the status
        JsonObject note = Fixtures.json("pyfreshdesk_note_1.json");
        assertTrue(note.getBoolean("private"));
        assertEquals(2, note.getInt("source"));
        Ticket t = MAPPING.toTicket(Fixtures.json("pyfreshdesk_ticket_1.json"), List.of(note), TicketFields.EMPTY);
        assertTrue(t.comments().get(0).isInternal());
    }

    @Test
    void pathsAndLinks() {
        assertEquals("api/v2/tickets/7?include=requester", FreshdeskMapping.ticketPath("7"));
        assertEquals("api/v2/tickets/7/conversations?per_page=100", FreshdeskMapping.conversationsPath("7"));
        assertEquals("api/v2/tickets?updated_since=2026-01-05T08%3A59%3A59Z&order_by=updated_at&order_type=asc"
                + "&per_page=100", FreshdeskMapping.changedTicketsPath(Instant.parse("2026-01-05T09:00:00.750Z")),
                "a second of overlap, whatever updated_since does with its own second");
        assertEquals("https://acme.freshdesk.com/api/v2/tickets/7/conversations?page=2&per_page=100",
                FreshdeskMapping.nextLink("<https://acme.freshdesk.com/api/v2/tickets/7/conversations?page=2&per_page=100>; "
                        + "rel=\"next\""));
        assertEquals("https://x/b", FreshdeskMapping.nextLink("<https://x/a>; rel=\"prev\", <https://x/b>; rel=next"));
        assertNull(FreshdeskMapping.nextLink("<https://x/a>; rel=\"prev\""));
        assertNull(FreshdeskMapping.nextLink(null));
    }

    @Test
    void aListPageGivesTicketsWithTheirVersions() {
        // python-freshdesk's list sample: only its shape (an array of tickets) is v2's
        List<TicketPoller.Changed> changed = MAPPING.changedTickets(Fixtures.array("pyfreshdesk_all_tickets.json"));
        assertEquals(1, changed.size());
        assertEquals("1", changed.get(0).ref().ticketId());
        assertEquals("freshdesk", changed.get(0).ref().helpdesk());
        assertEquals("2015-01-01T10:58:39+10:00", changed.get(0).version());
    }

    @Test
    void validationErrorsNameTheFields() {
        FreshdeskErrors errors = new FreshdeskErrors();
        ErrorDetails invalid = errors.parse(400, "application/json", Fixtures.text("captured_error_400_invalid_field.json"));
        assertEquals("Validation failed", invalid.message());
        assertEquals(Map.of("priorty", List.of("Unexpected/invalid field in request [invalid_field]")),
                invalid.fieldErrors());
        ErrorDetails notify = errors.parse(400, "application/json",
                Fixtures.text("captured_error_400_notes_notify_emails.json"));
        assertEquals(List.of("Accepts only emails of agents [invalid_value]"), notify.fieldErrors().get("notify_emails"));
    }

    @Test
    void authenticationAndPermissionFailuresAreNamed() {
        FreshdeskErrors errors = new FreshdeskErrors();
        ErrorDetails forbidden = errors.parse(403, "application/json",
                "{\"code\":\"access_denied\",\"message\":\"You are not authorized to perform this action.\"}");
        assertEquals("access_denied", forbidden.code());
        assertTrue(forbidden.message().startsWith(FreshdeskErrors.FORBIDDEN), forbidden.message());
        assertTrue(forbidden.message().contains("You are not authorized"));
        assertTrue(errors.parse(401, null, "").message().contains("freshdesk.apiToken"));
    }
}

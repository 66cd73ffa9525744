package dev.deskassist.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.WriteBackDiff;
import dev.deskassist.core.adapter.testkit.Fixtures;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZendeskMappingTest {

    private final ZendeskMapping mapping = new ZendeskMapping(Map.of("category", "27642", "language", "27650"),
            Map.of("billing", "98738", "technical", "555"), Set.of("900"));

    /** The OAS ticket with users and organizations sideloads added, as {@code include=users,organizations} returns. */
    static JsonObject oasTicketWithSideloads() {
        JsonObject base = Fixtures.json("oas_show_ticket_response.json");
        return Json.createObjectBuilder(base)
                .add("users", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("id", 20978392).add("name", "Jane Roe")
                                .add("email", "jane@example.org").add("role", "end-user").add("organization_id", 509974)
                                .add("tags", Json.createArrayBuilder().add("VIP")))
                        .add(Json.createObjectBuilder().add("id", 235323).add("name", "Agent Smith").add("role", "agent")))
                .add("organizations", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("id", 509974).add("name", "Acme GmbH")))
                .build();
    }

    static JsonObject comment(long id, long author, boolean isPublic, String body, String at) {
        return Json.createObjectBuilder().add("id", id).add("type", "Comment").add("author_id", author)
                .add("body", body).add("html_body", "").add("plain_body", body).add("public", isPublic)
                .add("created_at", at).build();
    }

    @Test
    void mapsTicketRequesterAndFields() {
        Ticket t = mapping.toTicket(oasTicketWithSideloads(), List.of(), Map.of());
        assertEquals("35436", t.id());
        assertEquals("Help, my printer is on fire!", t.subject());
        assertEquals(Priority.HIGH, t.priority());
        assertEquals("open", t.status());
        assertEquals("98738", t.group());
        assertEquals("web", t.channel());
        assertEquals(Set.of("enterprise", "other_tag"), t.tags());
        assertEquals("745", t.customFields().get("category"), "configured ids are keyed by logical name");
        assertEquals("yes", t.customFields().get("27648"), "others by id");
        assertEquals(Instant.parse("2011-05-05T10:38:52Z"), t.updatedAt());
        assertEquals("2011-05-05T10:38:52Z", t.version(), "updated_at as written is the safe-update stamp");
        assertEquals("35436", t.displayId());
        assertEquals("Jane Roe", t.requester().name());
        assertEquals("jane@example.org", t.requester().email());
        assertEquals("Acme GmbH", t.requester().organization());
        assertTrue(t.requester().inSegment("vip"));
        assertEquals("The fire is very colorful.", t.description().text(), "no comments: description is used");
    }

    @Test
    void firstCommentIsTheDescriptionAndNotRepeated() {
        List<JsonObject> comments = new ArrayList<>(List.of(
                comment(3, 235323, false, "Checked the logs, printer firmware 1.2", "2009-07-21T09:00:00Z"),
                comment(1, 20978392, true, "The fire is very colorful.", "2009-07-20T22:55:29Z"),
                comment(4, 20978392, true, "Still burning!", "2009-07-21T10:00:00Z"),
                comment(5, 900, false, "AI triage: hardware", "2009-07-21T10:01:00Z")));
        Ticket t = mapping.toTicket(oasTicketWithSideloads(), comments, Map.of());
        assertEquals("The fire is very colorful.", t.description().text());
        assertEquals(3, t.comments().size());
        assertEquals("3", t.comments().get(0).id(), "sorted by time");
        assertTrue(t.comments().get(0).isInternal());
        assertEquals(AuthorRole.AGENT, t.comments().get(0).author());
        assertEquals("Agent Smith", t.comments().get(0).authorName());
        assertEquals(AuthorRole.CUSTOMER, t.comments().get(1).author());
        assertFalse(t.comments().get(1).isInternal());
        assertEquals(AuthorRole.SYSTEM, t.comments().get(2).author(), "the integration user writes as system");
        assertEquals(List.of("The fire is very colorful.", "Still burning!"), t.customerMessages());
    }

    @Test
    void realCapturedTicketAndCommentPage() {
        JsonObject ticket = Fixtures.json("gozendesk_GET_ticket.json");
        ZendeskMapping.CommentPage page = mapping.commentPage(Fixtures.json("gozendesk_GET_ticket_comments.json"), "2");
        assertEquals(2, page.comments().size());
        assertEquals("api/v2/tickets/2/comments.json?include=users&page[size]=100&page[after]=xxx", page.next(),
                "has_more without links.next: built from after_cursor");
        Ticket t = mapping.toTicket(ticket, page.comments(), page.users());
        assertEquals("2", t.id());
        assertEquals("solved", t.status());
        assertNull(t.priority());
        assertEquals("email", t.channel());
        assertEquals(1, t.comments().size());
        assertEquals(AuthorRole.CUSTOMER, t.comments().get(0).author(), "author is the requester");
        assertEquals("377922500012", t.requester().id());
        assertNull(t.requester().name(), "no users sideload: unknown name, no crash");
    }

    @Test
    void oasCommentsPageWithoutMetaIsTheLastPage() {
        ZendeskMapping.CommentPage page = mapping.commentPage(Fixtures.json("oas_list_ticket_comments_response.json"),
                "35436");
        assertEquals(1, page.comments().size());
        assertNull(page.next());
    }

    @Test
    void updateBodyMergesTagsAndKeepsNotesInternal() {
        Ticket current = mapping.toTicket(oasTicketWithSideloads(), List.of(), Map.of());
        WriteBack plan = mapping.translate(WriteBack.builder("35436").addTag("ai_billing").priority(Priority.URGENT)
                .group("billing").field("category", "refund").field("language", "de").field("summary", "x")
                .internalNote("AI triage: billing").build(), new ArrayList<>());
        WriteBackDiff.Changes c = WriteBackDiff.diff(plan, current, mapping::supportsField);
        JsonObject body = Fixtures.parse(mapping.updateBody(c, "2011-05-05T10:38:52Z")).getJsonObject("ticket");
        assertEquals(List.of("enterprise", "other_tag", "ai_billing"), // existing tags kept, sorted; new ones after
                body.getJsonArray("tags").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("urgent", body.getString("priority"));
        assertFalse(body.containsKey("group_id"), "group 98738 is already set");
        assertEquals(2, body.getJsonArray("custom_fields").size());
        assertEquals(27642, body.getJsonArray("custom_fields").getJsonObject(0).getInt("id"));
        assertEquals("refund", body.getJsonArray("custom_fields").getJsonObject(0).getString("value"));
        assertFalse(body.getJsonObject("comment").getBoolean("public"));
        assertEquals("AI triage: billing", body.getJsonObject("comment").getString("body"));
        assertTrue(body.getBoolean("safe_update"));
        assertEquals("2011-05-05T10:38:52Z", body.getString("updated_stamp"));
        assertTrue(c.skipped().stream().anyMatch(s -> s.startsWith("field summary")));
    }

    @Test
    void noTagsKeyWhenNoTagIsNew() {
        Ticket current = mapping.toTicket(oasTicketWithSideloads(), List.of(), Map.of());
        WriteBackDiff.Changes c = WriteBackDiff.diff(WriteBack.builder("35436").addTag("enterprise")
                .priority(Priority.LOW).build(), current, mapping::supportsField);
        JsonObject body = Fixtures.parse(mapping.updateBody(c, "s")).getJsonObject("ticket");
        assertFalse(body.containsKey("tags"), "tags replace in Zendesk: never send them without need");
        assertFalse(body.containsKey("comment"));
    }

    @Test
    void unknownGroupIsSkippedNumericGroupIsAnId() {
        List<String> skipped = new ArrayList<>();
        assertNull(mapping.translate(WriteBack.builder("1").group("sales").build(), skipped).group());
        assertEquals(1, skipped.size());
        assertEquals("777", mapping.translate(WriteBack.builder("1").group("777").build(), skipped).group());
        assertEquals("555", mapping.translate(WriteBack.builder("1").group("Technical").build(), skipped).group());
    }
}

package dev.deskassist.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    static String resource(String name) {
        try (InputStream in = JsonFieldsTest.class.getResourceAsStream("/dev/deskassist/core/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final JsonObject zendeskEvent = JsonFields.parseObject(resource("json/zendesk_webhook_event_ticket_created_captured.json"));
    private final JsonObject incident = JsonFields.object(
            JsonFields.parseObject(resource("json/servicenow_docs_table_get_incident_response.json")), "result");

    @Test
    void textReadsStringsAndNumbersAlikeAndTreatsBlankAsAbsent() {
        assertEquals("22129848", JsonFields.text(zendeskEvent, "account_id"));
        assertEquals("5158", JsonFields.textAt(zendeskEvent, "detail", "id"));
        assertEquals("web_service", JsonFields.textAt(zendeskEvent, "detail", "via", "channel"));
        assertNull(JsonFields.textAt(zendeskEvent, "detail", "external_id"), "JSON null");
        assertNull(JsonFields.textAt(zendeskEvent, "nothing", "here", "id"));
        assertNull(JsonFields.text(incident, "description"), "ServiceNow sends empty fields as \"\"");
        assertEquals("n/a", JsonFields.text(incident, "description", "n/a"));
        assertNull(JsonFields.text(zendeskEvent, "detail"), "an object is not text");
        assertNull(JsonFields.text(null, "x"));
    }

    @Test
    void longsFromNumbersAndNumericStrings() {
        assertEquals(OptionalLong.of(22129848), JsonFields.longValue(zendeskEvent, "account_id"));
        JsonObject detail = JsonFields.object(zendeskEvent, "detail");
        assertEquals(8447388090494L, JsonFields.longValue(detail, "actor_id", -1));
        assertEquals(4, JsonFields.longValue(incident, "sys_mod_count", -1));
        assertEquals(OptionalLong.empty(), JsonFields.longValue(detail, "priority"));
        assertEquals(OptionalLong.empty(), JsonFields.longValue(JsonFields.parseObject("{\"x\":1.5}"), "x"));
        assertEquals(OptionalLong.empty(),
                JsonFields.longValue(JsonFields.parseObject("{\"x\":123456789012345678901234567890}"), "x"));
        assertEquals(7, JsonFields.longValue(null, "x", 7));
    }

    @Test
    void booleansFromJsonAndFromServiceNowStrings() {
        assertTrue(JsonFields.bool(JsonFields.object(zendeskEvent, "detail"), "is_public", false));
        assertTrue(JsonFields.bool(incident, "active", false));
        assertFalse(JsonFields.bool(incident, "made_sla", true));
        assertTrue(JsonFields.bool(incident, "number", true), "not a boolean: fallback");
        assertFalse(JsonFields.bool(incident, "missing", false));
    }

    @Test
    void instantsInIsoOffsetAndServiceNowForms() {
        JsonObject detail = JsonFields.object(zendeskEvent, "detail");
        assertEquals(Instant.parse("2025-01-08T10:12:07Z"), JsonFields.instant(detail, "created_at"));
        assertEquals(Instant.parse("2025-01-08T10:12:07.672717030Z"), JsonFields.instant(zendeskEvent, "time"));
        assertEquals(Instant.parse("2015-11-01T22:05:30Z"), JsonFields.instant(incident, "sys_created_on"));
        assertEquals(Instant.parse("2026-01-05T09:00:00Z"), JsonFields.instant("2026-01-05T10:00:00+01:00"));
        assertNull(JsonFields.instant(incident, "closed_at"), "empty");
        assertNull(JsonFields.instant("2026-02-30T10:00:00Z"), "impossible date");
        assertNull(JsonFields.instant("2026-02-30 10:00:00"), "impossible date");
        assertNull(JsonFields.instant("yesterday"));
        assertNull(JsonFields.instant((String) null));
    }

    @Test
    void nestedAccessNeverYieldsNull() {
        assertEquals("8a4dde73c6112278017a6a4baf547aa7",
                JsonFields.text(JsonFields.object(incident, "assignment_group"), "value"));
        assertTrue(JsonFields.object(incident, "parent").isEmpty(), "an empty reference is \"\", not an object");
        assertTrue(JsonFields.array(incident, "number").isEmpty());
        assertTrue(JsonFields.objects(null, "users").isEmpty());
        assertTrue(JsonFields.isNull(JsonFields.object(zendeskEvent, "detail"), "external_id"));
        assertFalse(JsonFields.isNull(JsonFields.object(zendeskEvent, "detail"), "missing"));
    }

    @Test
    void stringListsAndIndexes() {
        assertEquals(List.of("ticket-info-test-tag"), JsonFields.strings(JsonFields.object(zendeskEvent, "detail"), "tags"));
        JsonObject o = JsonFields.parseObject("{\"tags\":[\"a\",\"\",null,2,{\"x\":1},\"b\"],"
                + "\"users\":[{\"id\":1,\"name\":\"A\"},{\"name\":\"no id\"},{\"id\":\"2\"},{\"id\":1,\"name\":\"dup\"},3]}");
        assertEquals(List.of("a", "2", "b"), JsonFields.strings(o, "tags"));
        assertEquals(List.of(), JsonFields.strings(o, "users.none"));
        var users = JsonFields.indexBy(o, "users", "id");
        assertEquals(List.of("1", "2"), List.copyOf(users.keySet()));
        assertEquals("A", JsonFields.text(users.get("1"), "name"));
        assertEquals(4, JsonFields.objects(o, "users").size());
    }

    @Test
    void parseErrorsDoNotQuoteTheInput() {
        JsonException e = assertThrows(JsonException.class, () -> JsonFields.parseObject("[\"secret text\"]"));
        assertFalse(e.getMessage().contains("secret"));
        assertThrows(JsonException.class, () -> JsonFields.parseObject("{broken"));
        assertThrows(JsonException.class, () -> JsonFields.parseObject(null));
    }
}

package dev.deskassist.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.WriteBackDiff;
import dev.deskassist.core.json.JsonFields;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import jakarta.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mapping on the real payloads in {@code src/test/resources/fixtures} (provenance in the README there). */
class ServiceNowMappingTest {

    static final String GROUP = "8a5055c9c61122780043563ef53438e3";

    static ServiceNowMapping mapping(Set<String> integrationUsers) {
        return new ServiceNowMapping("incident", "caller_id", Map.of("category", "category", "language", "u_language"),
                Map.of("Network", GROUP), Map.of("category.billing", "inquiry"), Map.of("category", "inquiry"),
                PriorityMatrix.standard(), null, Set.of("7", "8"), integrationUsers);
    }

    private final ServiceNowMapping mapping = mapping(Set.of("deskassist.integration"));

    private static List<JsonObject> rows() {
        return JsonFields.objects(Fixtures.parse(Fixtures.journalRows()), "result");
    }

    @Test
    void theDocsIncidentBecomesATicket() {
        Ticket t = mapping.toTicket(Fixtures.record("docs_table_get_incident_response.json"), List.of());
        assertEquals("a9e30c7dc61122760116894de7bcc7bd", t.id());
        assertEquals("INC0000046", t.displayId());
        assertEquals("4", t.version(), "sys_mod_count is the version");
        assertEquals("Can't access SFA software", t.subject());
        assertEquals(Priority.NORMAL, t.priority(), "3 (Moderate) from impact 1 and urgency 3");
        assertEquals("8a4dde73c6112278017a6a4baf547aa7", t.group());
        assertEquals("software", t.customFields().get("category"));
        assertEquals("46c6f9efa9fe198101ddf5eed9adf6e7", t.requester().id());
        assertEquals("phone", t.channel());
        assertEquals(Instant.parse("2015-11-01T22:05:30Z"), t.createdAt());
        assertEquals(Instant.parse("2015-11-01T22:37:27Z"), t.updatedAt());
        assertEquals(Instant.parse("2015-11-11T22:04:15Z"), t.slaDueAt());
        assertFalse("closed".equals(t.status()));
    }

    @Test
    void displayValuesReadTheSameAsRawValues() {
        JsonObject raw = Fixtures.with(Fixtures.record("docs_table_get_incident_response.json"),
                Map.of("caller_id.name", "Fred Luddy", "caller_id.email", "fred.luddy@example.com",
                        "caller_id.user_name", "fred.luddy", "caller_id.vip", "true"));
        JsonObject all = Fixtures.displayAll(raw, d -> {
            d.put("priority", "3 - Moderate");
            d.put("state", "New");
            d.put("company", "ACME North America");
            d.put("sys_created_on", "11-01-2015 02:05:30 PM");
        });
        Ticket fromRaw = mapping.toTicket(raw, List.of());
        Ticket fromAll = mapping.toTicket(all, List.of());
        assertEquals(fromRaw.priority(), fromAll.priority());
        assertEquals(fromRaw.version(), fromAll.version());
        assertEquals(fromRaw.createdAt(), fromAll.createdAt(), "dates come from raw values, never display values");
        assertEquals("new", fromAll.status());
        assertEquals("Fred Luddy", fromAll.requester().name());
        assertEquals("fred.luddy@example.com", fromAll.requester().email());
        assertEquals("ACME North America", fromAll.requester().organization());
        assertTrue(fromAll.requester().inSegment("vip"));
    }

    @Test
    void priorityFiveIsLowAndTheUnchosenDefaultsCountAsEmpty() {
        // impact 3 / urgency 3 stored with priority 5 on a real developer instance
        Ticket t = mapping.toTicket(Fixtures.record("backstage_table_put_incident_200.json"), List.of());
        assertEquals(Priority.LOW, t.priority());
        assertEquals("1", t.version());
        assertEquals("INC0010003", t.displayId());
        assertNull(t.group(), "an empty reference is \"\"");
        assertNull(t.requester().id());
        assertTrue(mapping.isDefault("priority", t.priority().name()));
        assertTrue(mapping.isDefault("field:category", t.customFields().get("category")), "inquiry is the default");
        assertFalse(mapping.isDefault("field:category", "network"));
        assertFalse(mapping.isDefault("priority", "HIGH"));
    }

    @Test
    void aCaseReadsItsOwnStatesAndCaller() {
        ServiceNowMapping cases = new ServiceNowMapping("sn_customerservice_case", "contact", Map.of(), Map.of(),
                Map.of(), Map.of(), PriorityMatrix.standard(), null, Set.of("3", "7"), Set.of());
        JsonObject record = Fixtures.record("docs_csm_case_get_response.json");
        Ticket t = cases.toTicket(record, List.of());
        assertEquals("CS0000871", t.displayId());
        assertEquals(Priority.URGENT, t.priority(), "a case's priority is its own, not derived from impact 3/urgency 3");
        assertEquals("2", t.version());
        assertFalse("closed".equals(t.status()));
        assertEquals("closed", cases.toTicket(Fixtures.with(record, Map.of("state", "3")), List.of()).status());
        assertTrue(cases.recordFields().containsAll(List.of("contact.name", "contact.email", "account")));
    }

    @Test
    void journalRowsBecomeTheThreadOldestFirstWithRolesByUserName() {
        JsonObject record = Fixtures.with(Fixtures.record("docs_table_get_incident_response.json"),
                Map.of("caller_id.user_name", "abel.tuter"));
        List<Comment> thread = mapping.journal(rows(), record);
        assertEquals(List.of("Testing comments", "This is Sev1 incident.", "Team is actively looking into it."),
                thread.stream().map(c -> c.body().text()).toList());
        assertTrue(thread.get(0).isPublic(), "comments are public");
        assertTrue(thread.get(2).isInternal(), "work_notes are internal");
        assertEquals(AuthorRole.AGENT, thread.get(0).author(), "admin is neither the caller nor DeskAssist");
        assertEquals(Instant.parse("2019-09-26T21:00:43Z"), thread.get(0).createdAt());
        assertEquals("f92024471b0000506a4a85507e4bcb78", thread.get(0).id());

        List<Comment> asUs = mapping(Set.of("admin")).journal(rows(), record);
        assertTrue(asUs.stream().allMatch(c -> c.author() == AuthorRole.SYSTEM), "the integration user is SYSTEM");
        JsonObject callerIsAdmin = Fixtures.with(record, Map.of("caller_id.user_name", "admin"));
        assertTrue(mapping.journal(rows(), callerIsAdmin).stream().allMatch(c -> c.author() == AuthorRole.CUSTOMER));
    }

    @Test
    void theThreadFallsBackToDisplayValues() {
        JsonObject raw = Fixtures.with(Fixtures.record("backstage_table_put_incident_200.json"),
                Map.of("caller_id.name", "Abel Tuter"));
        JsonObject all = Fixtures.displayAll(raw, d -> {
            // the reading user is on Europe/Berlin (+02:00 in September) with a German date format
            d.put("sys_updated_on", "26.09.2023 22:52:14");
            d.put("comments", "26.09.2023 22:40:00 - Abel Tuter (Additional comments)\nStill broken.\n\n"
                    + "26.09.2023 21:00:00 - Beth Anglin (Additional comments)\nPlease restart.\n\n");
            d.put("work_notes", "26.09.2023 22:45:00 - DeskAssist Integration (Work notes)\nAI triage: network\n\n"
                    + "DeskAssist ref: da-0123456789ab\n\n");
        });
        assertTrue(mapping.displayShowsJournal(all));
        assertFalse(mapping.displayShowsJournal(Fixtures.record("backstage_table_put_incident_200.json")));
        List<Comment> thread = mapping.fromDisplayValues(all);
        assertEquals(3, thread.size());
        assertEquals("Please restart.", thread.get(0).body().text());
        assertEquals(AuthorRole.AGENT, thread.get(0).author());
        assertEquals(Instant.parse("2023-09-26T19:00:00Z"), thread.get(0).createdAt(), "Berlin time read back as UTC");
        assertEquals(AuthorRole.CUSTOMER, thread.get(1).author());
        assertTrue(thread.get(1).isPublic());
        assertEquals(AuthorRole.SYSTEM, thread.get(2).author(), "our stamped note");
        assertTrue(thread.get(2).isInternal());
        assertTrue(thread.get(2).body().full().contains("DeskAssist ref: da-0123456789ab"));
    }

    @Test
    void translateUsesSysIdsChoiceValuesAndBreaksCodeTags() {
        List<String> skipped = new ArrayList<>();
        WriteBack t = mapping.translate(WriteBack.builder("x").group("network").field("category", "Billing")
                .addTag("ai_billing").priority(Priority.HIGH)
                .internalNote("Seen: [code]<img src=x onerror=alert(1)>[/code] and [ CODE ]x[/Code]")
                .publicReply("Dear customer").build(), skipped);
        assertEquals(GROUP, t.group(), "group names match ignoring case");
        assertEquals("inquiry", t.fields().get("category"), "logical values become the instance's choice values");
        assertEquals(Priority.HIGH, t.priority());
        assertTrue(t.tagsToAdd().isEmpty());
        assertEquals(List.of("tags +[ai_billing] (no tags field: set servicenow.tagsField, e.g. u_ai_labels)"), skipped);
        assertEquals("Seen: (code)<img src=x onerror=alert(1)>(/code) and (code)x(/code)", t.internalNote());
        assertFalse(t.internalNote().toLowerCase().contains("[code]"));

        List<String> more = new ArrayList<>();
        WriteBack u = mapping.translate(WriteBack.builder("x").group("Unknown team").build(), more);
        assertNull(u.group());
        assertEquals(List.of("group Unknown team (no sys_id configured in servicenow.groupIds)"), more);
        assertEquals(GROUP, mapping.translate(WriteBack.builder("x").group(GROUP).build(), more).group(),
                "a sys_id is taken as one");
    }

    @Test
    void aPatchCarriesImpactAndUrgencyNeverPriorityAndNoReplyUnlessPlanned() {
        Ticket current = Ticket.builder("a9e30c7dc61122760116894de7bcc7bd").tag("old").build();
        WriteBackDiff.Changes c = WriteBackDiff.diff(WriteBack.builder("x").priority(Priority.URGENT).group(GROUP)
                .field("language", "de").internalNote("note").build(), current, mapping::supportsField);
        Map<String, String> fields = mapping.patchFields(c);
        assertEquals(List.of("impact", "urgency", "assignment_group", "u_language", "work_notes"),
                List.copyOf(fields.keySet()));
        assertEquals("1", fields.get("impact"));
        assertEquals("1", fields.get("urgency"));
        assertFalse(fields.containsKey("priority"));
        assertFalse(fields.containsKey("comments"));
        JsonObject body = Fixtures.parse(ServiceNowMapping.body(fields));
        assertTrue(body.values().stream().allMatch(v -> v.getValueType() == jakarta.json.JsonValue.ValueType.STRING),
                "every value is a string: " + body);

        WriteBackDiff.Changes reply = WriteBackDiff.diff(WriteBack.builder("x").publicReply("Hello").build(), current,
                mapping::supportsField);
        assertEquals(Map.of("comments", "Hello"), mapping.patchFields(reply));
    }

    @Test
    void pathsAskForWhatIsNeeded() {
        String record = URLDecoder.decode(mapping.recordPath("a9e30c7dc61122760116894de7bcc7bd"), StandardCharsets.UTF_8);
        assertTrue(record.startsWith("api/now/table/incident/a9e30c7dc61122760116894de7bcc7bd?sysparm_display_value=all"
                + "&sysparm_exclude_reference_link=true&sysparm_fields="), record);
        for (String f : List.of("sys_mod_count", "number", "caller_id.name", "caller_id.email", "caller_id.user_name",
                "impact", "urgency", "priority", "u_language", "comments", "work_notes")) {
            assertTrue(record.contains(f), f);
        }
        String journal = URLDecoder.decode(mapping.journalPath("a9e30c7dc61122760116894de7bcc7bd", 100, 100),
                StandardCharsets.UTF_8);
        assertTrue(journal.contains("sysparm_query=name=incident^element_id=a9e30c7dc61122760116894de7bcc7bd"
                + "^element=comments^ORelement=work_notes^ORDERBYsys_created_on"), journal);
        assertTrue(journal.endsWith("&sysparm_limit=100&sysparm_offset=100"));
        String poll = mapping.pollPath(Instant.parse("2026-01-05T09:00:00Z"), 100, "active=true");
        assertFalse(poll.contains("+") || poll.contains(" "), "spaces are %20: " + poll);
        assertTrue(URLDecoder.decode(poll, StandardCharsets.UTF_8).contains("sysparm_query=sys_updated_on>=2026-01-05 "
                + "09:00:00^sys_updated_by!=deskassist.integration^active=true^ORDERBYsys_updated_on"
                + "&sysparm_fields=sys_id,sys_updated_on,sys_mod_count&sysparm_limit=100"), poll);
    }
}

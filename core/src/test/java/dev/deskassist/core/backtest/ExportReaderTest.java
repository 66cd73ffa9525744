package dev.deskassist.core.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.Priority;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reads each export format from real payloads (see the README beside the fixtures). */
@Timeout(30)
class ExportReaderTest {

    static String fixture(String name) {
        try (InputStream in = ExportReaderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("missing fixture " + name, e);
        }
    }

    private static List<HistoricalTicket> read(ExportFormat f, ExportMapping m, String text, ReadSummary[] out) {
        List<HistoricalTicket> all = new ArrayList<>();
        ReadSummary s = ExportReader.of(f, m).read(new StringReader(text), all::add);
        if (out != null) {
            out[0] = s;
        }
        return all;
    }

    @Test
    void zendeskIncrementalPageWithCustomFieldCategory() {
        ExportMapping m = ExportMapping.fromJson("{\"category\": \"field:27642\", \"categoryValues\": {\"745\": \"Billing\"},"
                + " \"groupValues\": {\"98738\": \"Billing\"}}", "mapping.json", ExportFormat.ZENDESK);
        ReadSummary[] s = new ReadSummary[1];
        List<HistoricalTicket> t = read(ExportFormat.ZENDESK, m, fixture("oas_incremental_tickets_time_based.json"), s);
        assertEquals(1, t.size());
        HistoricalTicket x = t.get(0);
        assertEquals("35436", x.id());
        assertEquals(Instant.parse("2009-07-20T22:55:29Z"), x.createdAt());
        assertEquals("Help, my printer is on fire!", x.subject());
        assertEquals("billing", x.human().category());
        assertEquals("Billing", x.human().group());
        assertEquals(Priority.HIGH, x.human().priority());
        assertEquals(Boolean.FALSE, x.human().escalated(), "tags present, no 'escalated' tag");
        assertEquals("web", x.channel());
        assertNull(x.firstAgentReply(), "a ticket page carries no comments");
        assertFalse(s[0].truncated());
        assertEquals(1, s[0].records());
    }

    @Test
    void zendeskSingleTicketBodyAndTagCategory() {
        ExportMapping m = ExportMapping.defaults(ExportFormat.ZENDESK).withKnownCategories(Set.of("enterprise"));
        List<HistoricalTicket> t = read(ExportFormat.ZENDESK, m, fixture("oas_show_ticket_response.json"), null);
        assertEquals(1, t.size());
        assertEquals("enterprise", t.get(0).human().category());
    }

    @Test
    void zendeskNdjsonFindsTheFirstPublicAgentReply() {
        ExportMapping m = ExportMapping.fromJson("{\"category\": \"field:360001\"}", "m", ExportFormat.ZENDESK_NDJSON);
        ReadSummary[] s = new ReadSummary[1];
        List<HistoricalTicket> t = read(ExportFormat.ZENDESK_NDJSON, m, fixture("zendesk_export.ndjson"), s);
        assertEquals(4, t.size(), "the reader passes duplicates on; the run counts them");
        assertEquals("2", t.get(0).id());
        assertNull(t.get(0).firstAgentReply(), "both comments are the requester's");
        assertNull(t.get(0).human().category());
        HistoricalTicket billing = t.get(1);
        assertEquals("billing", billing.human().category());
        assertTrue(billing.firstAgentReply().startsWith("Guten Tag"), "the private note is skipped");
        assertEquals(Boolean.TRUE, t.get(2).human().escalated());
        assertEquals(Priority.URGENT, t.get(2).human().priority());
        assertEquals(0, s[0].malformed());
    }

    @Test
    void ndjsonCutOffInTheLastRecordIsReportedAndTheRestKept() {
        String all = fixture("zendesk_export.ndjson");
        String cut = all.substring(0, all.length() - 40);
        ReadSummary[] s = new ReadSummary[1];
        List<HistoricalTicket> t = read(ExportFormat.ZENDESK_NDJSON, ExportMapping.defaults(ExportFormat.ZENDESK_NDJSON),
                cut, s);
        assertEquals(3, t.size());
        assertTrue(s[0].truncated());
        assertEquals(1, s[0].malformed());
        assertTrue(s[0].truncation().contains("line 4"), s[0].truncation());
    }

    @Test
    void truncatedJsonKeepsTheRecordsBeforeTheBreak() {
        String two = "[" + fixture("freshdeskapidotnet_ticket.json") + "," + fixture("freshdeskapidotnet_ticket.json")
                .replace("49548", "49549") + "]";
        String cut = two.substring(0, two.length() - 200);
        ReadSummary[] s = new ReadSummary[1];
        List<HistoricalTicket> t = read(ExportFormat.FRESHDESK, ExportMapping.defaults(ExportFormat.FRESHDESK), cut, s);
        assertEquals(1, t.size());
        assertTrue(s[0].truncated());
        assertTrue(s[0].truncation().contains("after 1 records"), s[0].truncation());
    }

    @Test
    void freshdeskTicketTypeAndNumericPriorityAndConversations() {
        String ticket = fixture("freshdeskapidotnet_ticket.json").strip();
        String withConversations = ticket.substring(0, ticket.lastIndexOf('}')) + ", \"conversations\": "
                + fixture("pyfreshdesk_conversations.json") + "}";
        List<HistoricalTicket> t = read(ExportFormat.FRESHDESK, ExportMapping.defaults(ExportFormat.FRESHDESK),
                "[" + withConversations + "]", null);
        HistoricalTicket x = t.get(0);
        assertEquals("49548", x.id());
        assertEquals("question", x.human().category());
        assertEquals(Priority.NORMAL, x.human().priority());
        assertEquals(Boolean.FALSE, x.human().escalated());
        assertEquals("This is a test ticket.", x.description());
        assertEquals("This is a reply", x.firstAgentReply(), "the private note is not a reply");
        assertEquals("portal", x.channel());
    }

    @Test
    void freshdeskListShape() {
        ReadSummary[] s = new ReadSummary[1];
        List<HistoricalTicket> t = read(ExportFormat.FRESHDESK, ExportMapping.defaults(ExportFormat.FRESHDESK),
                fixture("pyfreshdesk_all_tickets.json"), s);
        assertEquals(1, t.size());
        assertEquals(Instant.parse("2014-12-31T02:27:09Z"), t.get(0).createdAt(), "offset +10:00 honoured");
        assertEquals(Priority.LOW, t.get(0).human().priority());
        assertNull(t.get(0).human().category(), "a v1 body has ticket_type, not type");
    }

    @Test
    void serviceNowTableList() {
        List<HistoricalTicket> t = read(ExportFormat.SERVICENOW, ExportMapping.defaults(ExportFormat.SERVICENOW),
                fixture("backstage_table_get_incident_list_200.json"), null);
        assertEquals(1, t.size());
        HistoricalTicket x = t.get(0);
        assertEquals("INC0010003", x.id());
        assertEquals(Instant.parse("2023-09-22T18:53:21Z"), x.createdAt());
        assertEquals("inquiry", x.human().category());
        assertEquals(Priority.LOW, x.human().priority());
        assertEquals(Boolean.FALSE, x.human().escalated());
        assertNull(x.human().group(), "an empty reference is no decision");
    }

    @Test
    void serviceNowJournalGivesTheOldestAgentComment() {
        String journal = "2024-03-02 10:00:00 - Beth Agent (Additional comments)\nSecond answer\n\n"
                + "2024-03-01 12:00:00 - Beth Agent (Work notes)\ninternal\n\n"
                + "2024-03-01 11:00:00 - Beth Agent (Additional comments)\nFirst answer\n\n"
                + "2024-03-01 10:00:00 - Carl Caller (Additional comments)\nMore detail\n";
        String body = "{\"result\":[{\"number\":\"INC1\",\"short_description\":\"x\",\"caller_id\":{\"display_value\":"
                + "\"Carl Caller\",\"value\":\"abc\"},\"comments\":" + jakarta.json.Json.createValue(journal) + "}]}";
        List<HistoricalTicket> t = read(ExportFormat.SERVICENOW, ExportMapping.defaults(ExportFormat.SERVICENOW), body,
                null);
        assertEquals("First answer", t.get(0).firstAgentReply());
    }

    @Test
    void csvWithOwnColumnsCountsWhatItCannotUse() {
        ExportMapping m = ExportMapping.fromJson("""
                {"category": "field:Kategorie", "categoryValues": {"Rechnung": "billing"},
                 "group": "field:Team", "priority": "field:Prio", "escalation": "field:Escalated",
                 "columns": {"id": "Ticket ID", "created": "Opened", "subject": "Title", "description": "Body",
                             "reply": "First reply"}}
                """, "m", ExportFormat.CSV);
        ReadSummary[] s = new ReadSummary[1];
        List<HistoricalTicket> t = read(ExportFormat.CSV, m, fixture("tickets_mapped.csv"), s);
        assertEquals(List.of("T-1", "T-2", "T-3"), t.stream().map(HistoricalTicket::id).toList());
        assertEquals("billing", t.get(0).human().category());
        assertEquals(Priority.HIGH, t.get(0).human().priority());
        assertEquals("Billing", t.get(0).human().group());
        assertEquals(Boolean.TRUE, t.get(1).human().escalated());
        assertTrue(t.get(1).description().contains("\n"), "quoted multi-line cell");
        assertNull(t.get(2).createdAt());
        assertNull(t.get(2).human().category());
        assertTrue(s[0].unknownColumns().contains("satisfaction"), s[0].unknownColumns().toString());
        assertEquals(1, s[0].missingId());
        assertEquals(1, s[0].malformed(), "the short row");
        assertEquals(1, s[0].unreadableTimes());
        assertFalse(s[0].truncated());
    }

    @Test
    void csvWithAnUnclosedQuoteIsTruncatedNotACrash() {
        String csv = "id,created_at,subject,description,category\n1,2024-01-01,a,b,login\n2,2024-01-02,\"broken,x,y\n";
        ReadSummary[] s = new ReadSummary[1];
        List<HistoricalTicket> t = read(ExportFormat.CSV, ExportMapping.defaults(ExportFormat.CSV), csv, s);
        assertEquals(1, t.size());
        assertTrue(s[0].truncated());
    }

    @Test
    void aLargeExportIsStreamed() {
        int n = 50_000;
        // generated lazily: the whole export never exists as one string
        Reader lazy = new Reader() {
            int line;
            String pending = "";
            int pos;

            @Override
            public int read(char[] buf, int off, int len) {
                if (pos == pending.length()) {
                    if (line == n) {
                        return -1;
                    }
                    pending = "{\"id\": " + (line++) + ", \"created_at\": \"2024-01-01T00:00:00Z\", \"subject\": \"s\","
                            + " \"description\": \"" + "x".repeat(200) + "\", \"tags\": [\"login\"]}\n";
                    pos = 0;
                }
                int k = Math.min(len, pending.length() - pos);
                pending.getChars(pos, pos + k, buf, off);
                pos += k;
                return k;
            }

            @Override
            public void close() {
            }
        };
        long[] count = new long[1];
        ReadSummary s = ExportReader.of(ExportFormat.ZENDESK_NDJSON, ExportMapping.defaults(ExportFormat.ZENDESK_NDJSON)
                .withKnownCategories(Set.of("login"))).read(lazy, x -> {
                    if ("login".equals(x.human().category())) {
                        count[0]++;
                    }
                });
        assertEquals(n, s.tickets());
        assertEquals(n, count[0]);
    }

    @Test
    void aHugeTextIsCutAndCounted() {
        String line = "{\"id\": 1, \"subject\": \"log\", \"description\": \"" + "a".repeat(100_000) + "\"}\n";
        ReadSummary[] s = new ReadSummary[1];
        List<HistoricalTicket> t = read(ExportFormat.ZENDESK_NDJSON, ExportMapping.defaults(ExportFormat.ZENDESK_NDJSON),
                line, s);
        assertEquals(ExportReader.MAX_TEXT_CHARS, t.get(0).description().length());
        assertEquals(1, s[0].textsCut());
    }

    @Test
    void aMappingWithATypoIsRejected() {
        BacktestInputException e = assertThrows(BacktestInputException.class,
                () -> ExportMapping.fromJson("{\"categroy\": \"field:x\"}", "m.json", ExportFormat.CSV));
        assertTrue(e.getMessage().contains("categroy"));
        assertThrows(BacktestInputException.class,
                () -> ExportMapping.fromJson("{\"category\": \"column:x\"}", "m.json", ExportFormat.CSV));
        assertEquals(Map.of(), ExportMapping.defaults(ExportFormat.ZENDESK).groupValues());
    }
}

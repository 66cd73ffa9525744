package dev.deskassist.core.backtest.internal;

import dev.deskassist.core.backtest.ExportFormat;
import dev.deskassist.core.backtest.ExportMapping;
import dev.deskassist.core.backtest.HistoricalTicket;
import dev.deskassist.core.backtest.HumanDecisions;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one helpdesk JSON record (Zendesk, Freshdesk or ServiceNow) into a {@link HistoricalTicket}. */
final class JsonRecords {

    /** ServiceNow journal entries as the display value shows them: "2024-03-01 10:00:00 - Name (Additional comments)". */
    private static final Pattern JOURNAL_HEADER = Pattern.compile(
            "(?m)^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) - (.+?) \\((Additional comments|Work notes)\\)\\s*$");
    private static final Map<Integer, String> FRESHDESK_SOURCES = Map.of(1, "email", 2, "portal", 3, "phone",
            7, "chat", 9, "feedback_widget", 10, "outbound_email");

    private final ExportFormat format;
    private final ExportMapping mapping;
    private final ReadCounter counter;
    private final int maxChars;

    JsonRecords(ExportFormat format, ExportMapping mapping, ReadCounter counter, int maxChars) {
        this.format = format;
        this.mapping = mapping;
        this.counter = counter;
        this.maxChars = maxChars;
    }

    /** The ticket, or {@code null} (counted) when the record has no id. */
    HistoricalTicket map(JsonObject o) {
        String id = switch (format) {
            case SERVICENOW -> first(str(o, "number"), str(o, "sys_id"));
            default -> str(o, "id");
        };
        if (id == null || id.isBlank()) {
            counter.missingId++;
            return null;
        }
        return switch (format) {
            case SERVICENOW -> serviceNow(id, o);
            case FRESHDESK -> freshdesk(id, o);
            default -> zendesk(id, o);
        };
    }

    private HistoricalTicket zendesk(String id, JsonObject o) {
        List<String> tags = strings(o, "tags");
        HumanDecisions human = Decisions.read(mapping, name -> zendeskField(o, name), tags);
        String reply = null;
        if (o.get("comments") instanceof JsonArray comments) {
            String requester = str(o, "requester_id");
            for (int i = 1; i < comments.size() && reply == null; i++) {
                if (!(comments.get(i) instanceof JsonObject c)) {
                    continue;
                }
                boolean isPublic = !JsonValue.FALSE.equals(c.get("public"));
                String author = str(c, "author_id");
                if (isPublic && author != null && !author.equals(requester)) {
                    reply = first(str(c, "plain_body"), str(c, "body"), str(c, "html_body"));
                }
            }
        }
        String channel = o.get("via") instanceof JsonObject via ? str(via, "channel") : null;
        return ticket(id, str(o, "created_at"), str(o, "subject"), first(str(o, "description"), null), channel, human,
                reply);
    }

    private static String zendeskField(JsonObject o, String name) {
        for (String list : new String[] {"custom_fields", "fields"}) {
            if (o.get(list) instanceof JsonArray fields) {
                for (JsonValue v : fields) {
                    if (v instanceof JsonObject f && name.equals(str(f, "id"))) {
                        return str(f, "value");
                    }
                }
            }
        }
        return str(o, name);
    }

    private HistoricalTicket freshdesk(String id, JsonObject o) {
        List<String> tags = strings(o, "tags");
        HumanDecisions human = Decisions.read(mapping, name -> {
            if (o.get("custom_fields") instanceof JsonObject cf && cf.containsKey(name)) {
                return str(cf, name);
            }
            return str(o, name);
        }, tags);
        String reply = null;
        if (o.get("conversations") instanceof JsonArray conv) {
            for (JsonValue v : conv) {
                if (v instanceof JsonObject c && JsonValue.FALSE.equals(c.get("incoming"))
                        && JsonValue.FALSE.equals(c.get("private"))) {
                    reply = first(str(c, "body_text"), str(c, "body"));
                    break;
                }
            }
        }
        String channel = o.get("source") instanceof JsonNumber n ? FRESHDESK_SOURCES.get(n.intValue()) : null;
        return ticket(id, str(o, "created_at"), str(o, "subject"),
                first(str(o, "description_text"), str(o, "description")), channel, human, reply);
    }

    private HistoricalTicket serviceNow(String id, JsonObject o) {
        HumanDecisions human = Decisions.read(mapping, name -> str(o, name), null);
        String reply = journalReply(str(o, "comments"), str(o, "caller_id"));
        return ticket(id, str(o, "sys_created_on"), str(o, "short_description"), str(o, "description"),
                str(o, "contact_type"), human, reply);
    }

    /** The oldest "Additional comments" entry not written by the caller, from a journal display value (newest first). */
    static String journalReply(String journal, String caller) {
        if (journal == null || journal.isBlank()) {
            return null;
        }
        Matcher m = JOURNAL_HEADER.matcher(journal);
        List<int[]> heads = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        List<Boolean> publicEntry = new ArrayList<>();
        while (m.find()) {
            heads.add(new int[] {m.start(), m.end()});
            authors.add(m.group(2));
            publicEntry.add(m.group(3).equals("Additional comments"));
        }
        String reply = null;
        for (int i = 0; i < heads.size(); i++) {
            int end = i + 1 < heads.size() ? heads.get(i + 1)[0] : journal.length();
            if (publicEntry.get(i) && (caller == null || !caller.equals(authors.get(i)))) {
                reply = journal.substring(heads.get(i)[1], end).strip(); // keeps overwriting: the last is the oldest
            }
        }
        return reply;
    }

    private HistoricalTicket ticket(String id, String created, String subject, String description, String channel,
                                    HumanDecisions human, String reply) {
        return new HistoricalTicket(id, counter.time(created), counter.cut(subject, maxChars),
                counter.cut(description, maxChars), channel, human, counter.cut(reply, maxChars));
    }

    /** A string, number or boolean as text; a ServiceNow reference as its display value, else its value. */
    static String str(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.isIntegral() ? n.bigIntegerValue().toString() : n.toString();
        }
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v.toString();
        }
        if (v instanceof JsonObject ref) {
            String d = str(ref, "display_value");
            return d != null && !d.isBlank() ? d : str(ref, "value");
        }
        return null;
    }

    private static List<String> strings(JsonObject o, String key) {
        if (!(o.get(key) instanceof JsonArray a)) {
            return null;
        }
        List<String> out = new ArrayList<>(a.size());
        for (JsonValue v : a) {
            if (v instanceof JsonString s) {
                out.add(s.getString());
            }
        }
        return out;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}

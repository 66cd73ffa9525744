package dev.deskassist.servicenow;

import dev.deskassist.core.adapter.ConfigValues;
import dev.deskassist.core.adapter.NoteRef;
import dev.deskassist.core.adapter.WriteBackDiff;
import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.json.JsonException;
import dev.deskassist.core.json.JsonFields;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.MessageText;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Requester;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ServiceNow Table API JSON to and from the core model, as pure functions (no I/O), so that each
 * rule can be checked on real payloads:
 * <ul>
 *   <li>the record ({@code GET /api/now/table/<table>/<sys_id>} with
 *       {@code sysparm_display_value=all}: every field {@code {"display_value","value"}}; raw
 *       records, as the docs' examples are, read the same) → {@link Ticket}: {@code sys_id} is the
 *       id, {@code number} the display id, {@code sys_mod_count} the version, {@code short_description}
 *       the subject, {@code description} the opening message, priority 1–5 read through the
 *       {@link PriorityMatrix} (1 = Critical = urgent), {@code assignment_group} the group (a sys_id),
 *       configured fields by logical name (raw choice values), the caller dot-walked
 *       ({@code caller_id.name}, {@code .email}, {@code .user_name}, {@code .vip}) the requester;</li>
 *   <li>{@code sys_journal_field} rows → the thread: {@code comments} public, {@code work_notes}
 *       internal; authors by user name: an integration user is {@link AuthorRole#SYSTEM}, the caller
 *       {@link AuthorRole#CUSTOMER}, anyone else {@link AuthorRole#AGENT}. When those rows cannot be
 *       read, the journal fields' display values ({@link JournalDisplay});</li>
 *   <li>{@link WriteBackDiff.Changes} → the string values of one PATCH: {@code impact} and
 *       {@code urgency} for a priority (never {@code priority}, which the instance computes),
 *       {@code assignment_group}, mapped fields, the tags field, {@code work_notes} for the
 *       internal note and {@code comments} only for a public reply the plan carries.</li>
 * </ul>
 * {@code [code]…[/code]} renders as HTML in a journal entry; {@link #neutralize} breaks the tag in
 * anything DeskAssist writes there.
 */
public final class ServiceNowMapping {

    private static final jakarta.json.spi.JsonProvider JSONP = JsonCodec.jsonp();
    private static final DateTimeFormatter QUERY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final Pattern CODE_TAG = Pattern.compile("(?i)\\[\\s*(/?)\\s*code\\s*]");
    private static final Pattern TAG_SPLIT = Pattern.compile("[,\\s]+");
    private static final String TABLE_API = "api/now/table/";

    private final String table;
    private final String caller;
    private final Map<String, String> fieldIds;
    private final Map<String, String> groupIds;
    private final Map<String, String> choiceValues;
    private final Map<String, String> fieldDefaults;
    private final PriorityMatrix matrix;
    private final PriorityMatrix reading;
    private final String tagsField;
    private final Set<String> closedStates;
    private final Set<String> integrationUsers;
    /** Fixed by the configuration, so built once rather than per request. */
    private final List<String> recordFields;
    private final String recordQuery;

    /**
     * @param matrix {@code null} when priority is never written ({@code priorityMatrix=off}); priorities
     *               are then read with the standard levels
     */
    public ServiceNowMapping(String table, String callerField, Map<String, String> fieldIds,
                             Map<String, String> groupIds, Map<String, String> choiceValues,
                             Map<String, String> fieldDefaults, PriorityMatrix matrix, String tagsField,
                             Set<String> closedStates, Set<String> integrationUsers) {
        this.table = Objects.requireNonNull(table, "table");
        this.caller = Objects.requireNonNull(callerField, "callerField");
        this.fieldIds = Map.copyOf(fieldIds);
        this.groupIds = Map.copyOf(groupIds);
        this.choiceValues = Map.copyOf(choiceValues);
        this.fieldDefaults = Map.copyOf(fieldDefaults);
        this.matrix = matrix;
        this.reading = matrix != null ? matrix : PriorityMatrix.standard();
        this.tagsField = tagsField;
        this.closedStates = Set.copyOf(closedStates);
        this.integrationUsers = Set.copyOf(integrationUsers);
        this.recordFields = recordFields(table, caller, this.fieldIds, tagsField);
        this.recordQuery = "?sysparm_display_value=all&sysparm_exclude_reference_link=true&sysparm_fields="
                + encode(String.join(",", recordFields));
    }

    public static ServiceNowMapping of(ServiceNowConfig c) {
        return new ServiceNowMapping(c.table(), c.callerField(), c.fieldIds(), c.groupIds(), c.choiceValues(),
                c.fieldDefaults(), c.priorityMatrix().orElse(null), c.tagsField().orElse(null), c.closedStates(),
                c.integrationUserIds());
    }

    public String table() {
        return table;
    }

    // ---- paths

    /** The fields read with every record (and every PATCH answer), dot-walks included. */
    public List<String> recordFields() {
        return recordFields;
    }

    private static List<String> recordFields(String table, String caller, Map<String, String> fieldIds,
                                             String tagsField) {
        Set<String> f = new LinkedHashSet<>(List.of("sys_id", "number", "short_description", "description", "state",
                "active", "priority", "impact", "urgency", "assignment_group", "contact_type", "sla_due",
                "sys_created_on", "sys_updated_on", "sys_updated_by", "sys_mod_count", "company", caller,
                caller + ".user_name", caller + ".name", caller + ".email", caller + ".vip"));
        if (ServiceNowConfig.CASE.equals(table)) {
            f.add("account");
        }
        f.addAll(fieldIds.values());
        if (tagsField != null) {
            f.add(tagsField);
        }
        // their display values are the thread when sys_journal_field cannot be read
        f.add("comments");
        f.add("work_notes");
        return List.copyOf(f);
    }

    /** {@code GET} (and {@code PATCH}) path of one record, with display and raw values of the fields read. */
    public String recordPath(String sysId) {
        return TABLE_API + table + "/" + sysId + recordQuery;
    }

    /** One page of the record's journal (comments and work notes), oldest first, raw values. */
    public String journalPath(String sysId, int offset, int limit) {
        String query = "name=" + table + "^element_id=" + sysId + "^element=comments^ORelement=work_notes"
                + "^ORDERBYsys_created_on^ORDERBYsys_id";
        return TABLE_API + "sys_journal_field?sysparm_query=" + encode(query)
                + "&sysparm_fields=" + encode("sys_id,element,value,sys_created_on,sys_created_by")
                + "&sysparm_limit=" + limit + "&sysparm_offset=" + offset;
    }

    /**
     * The poll: records updated at or after {@code since} (whole seconds, UTC: the integration user's
     * time zone must be UTC) by anyone but the integration users, oldest first.
     */
    public String pollPath(Instant since, int limit, String filter) {
        StringBuilder q = new StringBuilder("sys_updated_on>=").append(QUERY_TIME.format(since));
        new java.util.TreeSet<>(integrationUsers).forEach(u -> q.append("^sys_updated_by!=").append(u));
        if (filter != null && !filter.isBlank()) {
            q.append('^').append(filter.strip());
        }
        q.append("^ORDERBYsys_updated_on");
        return TABLE_API + table + "?sysparm_query=" + encode(q.toString())
                + "&sysparm_fields=" + encode("sys_id,sys_updated_on,sys_mod_count") + "&sysparm_limit=" + limit;
    }

    /** Percent-encodes a query value; a space is {@code %20}, never {@code +}. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- reading

    /** The object under {@code result}, as every Table API answer wraps it. */
    public static JsonObject result(JsonObject response) {
        if (!(response.get("result") instanceof JsonObject r)) {
            throw new JsonException("ServiceNow answer has no 'result' object");
        }
        return r;
    }

    /** A field's raw value: {@code value} of a display-value-all pair, else the plain string; blank is null. */
    public static String value(JsonObject record, String field) {
        JsonValue v = record == null ? null : record.get(field);
        if (v instanceof JsonObject pair) {
            return JsonFields.text(pair, "value");
        }
        return JsonFields.text(record, field);
    }

    /** A field's display value, or its raw value when the answer holds no display value. */
    public static String display(JsonObject record, String field) {
        JsonValue v = record == null ? null : record.get(field);
        if (v instanceof JsonObject pair) {
            String d = JsonFields.text(pair, "display_value");
            return d != null ? d : JsonFields.text(pair, "value");
        }
        return JsonFields.text(record, field);
    }

    /** Builds the core ticket from a record and its thread (oldest first). */
    public Ticket toTicket(JsonObject record, List<Comment> thread) {
        String id = value(record, "sys_id");
        if (id == null) {
            throw new JsonException("ServiceNow record has no sys_id");
        }
        Ticket.Builder b = Ticket.builder(id)
                .displayId(value(record, "number"))
                .version(value(record, "sys_mod_count"))
                .subject(value(record, "short_description"))
                .description(MessageText.parse(value(record, "description")))
                .requester(requester(record))
                .priority(reading.read(value(record, "priority")).orElse(null))
                .status(status(record))
                .group(value(record, "assignment_group"))
                .channel(value(record, "contact_type"))
                .createdAt(JsonFields.instant(value(record, "sys_created_on")))
                .updatedAt(JsonFields.instant(value(record, "sys_updated_on")))
                .slaDueAt(JsonFields.instant(value(record, "sla_due")))
                .tags(tags(record))
                .comments(thread);
        fieldIds.forEach((logical, field) -> {
            String v = value(record, field);
            if (v != null) {
                b.customField(logical, v);
            }
        });
        return b.build();
    }

    private Requester requester(JsonObject record) {
        String org = display(record, ServiceNowConfig.CASE.equals(table) ? "account" : "company");
        if (org == null) {
            org = display(record, "company");
        }
        Set<String> segments = "true".equalsIgnoreCase(value(record, caller + ".vip")) ? Set.of("vip") : Set.of();
        return new Requester(value(record, caller), value(record, caller + ".name"), value(record, caller + ".email"),
                org, segments);
    }

    private String status(JsonObject record) {
        String state = value(record, "state");
        if (state != null && closedStates.contains(state)) {
            return "closed";
        }
        String shown = display(record, "state");
        return shown == null ? null : shown.strip().toLowerCase(Locale.ROOT);
    }

    private Set<String> tags(JsonObject record) {
        String v = tagsField == null ? null : value(record, tagsField);
        if (v == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String t : TAG_SPLIT.split(v.strip())) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** The thread from {@code sys_journal_field} rows (in any order), oldest first. */
    public List<Comment> journal(List<JsonObject> rows, JsonObject record) {
        String callerUser = value(record, caller + ".user_name");
        List<Comment> out = new ArrayList<>(rows.size());
        for (JsonObject row : rows) {
            String element = JsonFields.text(row, "element");
            if (!"comments".equals(element) && !"work_notes".equals(element)) {
                continue;
            }
            String author = JsonFields.text(row, "sys_created_by");
            AuthorRole role = author != null && integrationUsers.contains(author) ? AuthorRole.SYSTEM
                    : author != null && author.equals(callerUser) ? AuthorRole.CUSTOMER : AuthorRole.AGENT;
            out.add(new Comment(JsonFields.text(row, "sys_id"), role, author, "comments".equals(element),
                    JsonFields.instant(row, "sys_created_on"), MessageText.parse(JsonFields.text(row, "value", ""))));
        }
        out.sort(Comparator.comparing(Comment::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return List.copyOf(out);
    }

    /** Whether the record's journal fields show entries in their display values. */
    public boolean displayShowsJournal(JsonObject record) {
        return notBlank(display(record, "comments")) || notBlank(display(record, "work_notes"));
    }

    /**
     * The thread read from the display values of {@code comments} (public) and {@code work_notes}
     * (internal), oldest first. Authors are display names: the caller's name is the customer, an
     * entry carrying DeskAssist's note stamp or written by an integration user is ours, anyone else
     * an agent.
     */
    public List<Comment> fromDisplayValues(JsonObject record) {
        JournalDisplay dates = JournalDisplay.calibrate(value(record, "sys_updated_on"),
                record.get("sys_updated_on") instanceof JsonObject ? display(record, "sys_updated_on") : null);
        String callerName = value(record, caller + ".name");
        List<Comment> out = new ArrayList<>();
        for (String field : List.of("comments", "work_notes")) {
            boolean isPublic = field.equals("comments");
            for (JournalDisplay.Entry e : dates.entries(display(record, field))) {
                String text = e.text();
                AuthorRole role = e.author().equals(callerName) ? AuthorRole.CUSTOMER
                        : text.contains(NoteRef.LABEL) || integrationUsers.contains(e.author()) ? AuthorRole.SYSTEM
                        : AuthorRole.AGENT;
                out.add(new Comment(null, role, e.author(), isPublic, e.at(), MessageText.parse(text)));
            }
        }
        // stable: entries without a readable date keep their place after the dated ones of their field
        out.sort(Comparator.comparing(Comment::createdAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(out);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    // ---- writing

    /**
     * The plan in ServiceNow's terms: a group name becomes its sys_id, a field value its choice value,
     * {@code [code]} is broken in the note and the reply; what cannot be written is left out and
     * described in {@code skipped}: tags without a tags field, a priority no impact and urgency give,
     * a group without a sys_id.
     */
    public WriteBack translate(WriteBack plan, List<String> skipped) {
        WriteBack.Builder b = WriteBack.builder(plan.ticketId()).idempotencyKey(plan.idempotencyKey())
                .internalNote(neutralize(plan.internalNote())).publicReply(neutralize(plan.publicReply()));
        if (!plan.tagsToAdd().isEmpty()) {
            if (tagsField != null) {
                plan.tagsToAdd().forEach(b::addTag);
            } else {
                skipped.add("tags +" + new java.util.TreeSet<>(plan.tagsToAdd())
                        + " (no tags field: set servicenow.tagsField, e.g. u_ai_labels)");
            }
        }
        Priority p = plan.priority();
        if (p != null) {
            if (matrix == null) {
                skipped.add("priority (servicenow.priorityMatrix is off)");
            } else if (matrix.pairFor(p).isEmpty()) {
                skipped.add("priority " + p.name().toLowerCase(Locale.ROOT) + " (no impact and urgency give priority "
                        + matrix.level(p) + " in servicenow.priorityMatrix)");
            } else {
                b.priority(p);
            }
        }
        if (plan.group() != null) {
            String id = ConfigValues.idFor(groupIds, plan.group(), ServiceNowConfig.SYS_ID);
            if (id == null) {
                skipped.add("group " + plan.group() + " (no sys_id configured in servicenow.groupIds)");
            }
            b.group(id);
        }
        plan.fields().forEach((name, v) -> b.field(name, choiceValue(name, v)));
        return b.build();
    }

    private String choiceValue(String logical, String value) {
        String c = choiceValues.get(logical + "." + value.strip().toLowerCase(Locale.ROOT));
        return c != null ? c : value;
    }

    /** Whether a logical field has a ServiceNow field configured. */
    public boolean supportsField(String logicalName) {
        return fieldIds.containsKey(logicalName);
    }

    /** Whether a value is what the instance puts into a field nobody chose (see {@code WriteTarget#isDefault}). */
    public boolean isDefault(String writeKey, String value) {
        if (value == null) {
            return false;
        }
        if (writeKey.equals("priority")) {
            return reading.unchosen().name().equalsIgnoreCase(value.strip());
        }
        if (writeKey.startsWith("field:")) {
            String field = fieldIds.get(writeKey.substring("field:".length()));
            String def = field == null ? null : fieldDefaults.get(field);
            return def != null && def.equalsIgnoreCase(value.strip());
        }
        return false;
    }

    /** The impact and urgency written for a priority; empty when priority is not written. */
    public Optional<PriorityMatrix.Pair> pairFor(Priority p) {
        return matrix == null || p == null ? Optional.empty() : matrix.pairFor(p);
    }

    public Optional<PriorityMatrix> matrix() {
        return Optional.ofNullable(matrix);
    }

    /**
     * The string values of one PATCH carrying all of {@code changes}, by ServiceNow field, in a
     * fixed order: impact, urgency, assignment_group, mapped fields, tags, work_notes, comments.
     */
    public Map<String, String> patchFields(WriteBackDiff.Changes changes) {
        Map<String, String> m = new LinkedHashMap<>();
        if (changes.priority() != null) {
            PriorityMatrix.Pair pair = pairFor(changes.priority()).orElseThrow(() ->
                    new IllegalStateException("translate lets through only priorities with a pair"));
            m.put("impact", String.valueOf(pair.impact()));
            m.put("urgency", String.valueOf(pair.urgency()));
        }
        if (changes.group() != null) {
            m.put("assignment_group", changes.group());
        }
        changes.fields().forEach((name, v) -> m.put(fieldIds.get(name), v));
        if (!changes.newTags().isEmpty() && tagsField != null) {
            m.put(tagsField, String.join(",", changes.resultingTags()));
        }
        if (changes.internalNote() != null) {
            m.put("work_notes", changes.internalNote());
        }
        if (changes.publicReply() != null) {
            m.put("comments", changes.publicReply());
        }
        return m;
    }

    /** A JSON object of string values. */
    public static String body(Map<String, String> fields) {
        JsonObjectBuilder o = JSONP.createObjectBuilder();
        fields.forEach(o::add);
        return o.build().toString();
    }

    /**
     * The text with every {@code [code]} and {@code [/code]} tag (any case, blanks inside) turned
     * into {@code (code)} / {@code (/code)}, so that nothing DeskAssist writes renders as HTML.
     */
    public static String neutralize(String text) {
        if (text == null || text.indexOf('[') < 0) {
            return text;
        }
        return CODE_TAG.matcher(text).replaceAll("($1code)");
    }
}

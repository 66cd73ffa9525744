package dev.deskassist.freshdesk;

import dev.deskassist.core.adapter.ConfigValues;
import dev.deskassist.core.adapter.TicketPoller;
import dev.deskassist.core.adapter.TicketRef;
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
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Freshdesk API v2 JSON to and from the core model, as pure functions (no I/O), so that each rule
 * can be checked on real payloads:
 * <ul>
 *   <li>ticket ({@code GET /api/v2/tickets/{id}?include=requester}) plus every conversation page →
 *       {@link Ticket}: the HTML {@code description} is the opening message; {@code private}
 *       conversations become internal comments; an author is {@link AuthorRole#SYSTEM} when they are
 *       a configured integration agent, the customer when they are the requester or the message came
 *       in from outside ({@code incoming}), an agent otherwise; priority 1–4 is low, normal, high,
 *       urgent; status 2–5 is open, pending, resolved, closed, custom statuses take their label from
 *       the {@link TicketFields}; {@code updated_at} is the version. Custom fields ({@code cf_…},
 *       and the built-in {@code type}) with a configured logical name are keyed by it.</li>
 *   <li>{@link WriteBackDiff.Changes} → one {@code PUT /api/v2/tickets/{id}} with only the changed
 *       keys (priority, {@code group_id}, {@code type}, typed {@code custom_fields}, the merged tag
 *       list, which Freshdesk replaces whole), never {@code status}; and the private note
 *       {@code POST /api/v2/tickets/{id}/notes} with the text rendered as escaped HTML.</li>
 * </ul>
 */
public final class FreshdeskMapping {

    private static final jakarta.json.spi.JsonProvider JSONP = JsonCodec.jsonp();
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;[^,]*rel\\s*=\\s*\"?next\"?",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> STATUSES = Map.of("2", "open", "3", "pending", "4", "resolved",
            "5", "closed");
    private static final Map<String, String> SOURCES = Map.of("1", "email", "2", "portal", "3", "phone", "7", "chat",
            "9", "feedback_widget", "10", "outbound_email");

    /** Conversations per page; Freshdesk's maximum (its default is 30). */
    static final int PAGE_SIZE = 100;

    private final Map<String, String> fieldIds;
    private final Map<String, String> fieldNames;
    private final Map<String, String> groupIds;
    private final Set<String> integrationUserIds;

    /**
     * @param fieldIds logical field name to Freshdesk field name ({@code cf_…} or {@code type}), as
     *                 {@link FreshdeskConfig#fieldIds()} gives them
     * @param groupIds group name to group id
     * @param integrationUserIds the agents DeskAssist writes as
     */
    public FreshdeskMapping(Map<String, String> fieldIds, Map<String, String> groupIds,
                            Set<String> integrationUserIds) {
        Map<String, String> names = new HashMap<>();
        fieldIds.forEach((logical, name) -> names.put(name, logical));
        this.fieldIds = Map.copyOf(fieldIds);
        this.fieldNames = Map.copyOf(names);
        this.groupIds = Map.copyOf(groupIds);
        this.integrationUserIds = Set.copyOf(integrationUserIds);
    }

    public static FreshdeskMapping of(FreshdeskConfig config) {
        return new FreshdeskMapping(config.fieldIds(), config.groupIds(), config.integrationUserIds());
    }

    // ---- paths

    /** The ticket with its requester embedded (one extra API credit). */
    public static String ticketPath(String ticketId) {
        return "api/v2/tickets/" + ticketId + "?include=requester";
    }

    /** The first page of a ticket's conversations; further pages come in the {@code Link} header. */
    public static String conversationsPath(String ticketId) {
        return "api/v2/tickets/" + ticketId + "/conversations?per_page=" + PAGE_SIZE;
    }

    public static String updatePath(String ticketId) {
        return "api/v2/tickets/" + ticketId;
    }

    public static String notesPath(String ticketId) {
        return "api/v2/tickets/" + ticketId + "/notes";
    }

    public static String ticketFieldsPath() {
        return "api/v2/ticket_fields";
    }

    /**
     * The tickets changed at or after {@code since}, oldest change first. Without
     * {@code updated_since} Freshdesk lists only the last 30 days' new tickets. {@code updated_at}
     * counts whole seconds and whether {@code updated_since} includes its own second is not
     * documented, so the list starts a second earlier; a ticket version listed twice is enqueued once.
     */
    public static String changedTicketsPath(Instant since) {
        String at = since.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1).toString();
        return "api/v2/tickets?updated_since=" + URLEncoder.encode(at, StandardCharsets.UTF_8)
                + "&order_by=updated_at&order_type=asc&per_page=" + PAGE_SIZE;
    }

    /** The URL of the {@code rel="next"} entry of a {@code Link} header, or null. */
    public static String nextLink(String linkHeader) {
        if (linkHeader == null) {
            return null;
        }
        Matcher m = NEXT_LINK.matcher(linkHeader);
        return m.find() ? m.group(1).strip() : null;
    }

    // ---- reading

    /**
     * Builds the core ticket from the ticket response and its conversations.
     *
     * @param ticket        a ticket object, with {@code requester} when it was included
     * @param conversations every conversation, in any order
     * @param fields        the field definitions, for the labels of custom statuses
     */
    public Ticket toTicket(JsonObject ticket, List<JsonObject> conversations, TicketFields fields) {
        String id = JsonFields.text(ticket, "id");
        if (id == null) {
            throw new JsonException("Freshdesk ticket has no 'id'");
        }
        String requesterId = JsonFields.text(ticket, "requester_id");
        String description = JsonFields.text(ticket, "description", JsonFields.text(ticket, "description_text"));
        Ticket.Builder b = Ticket.builder(id)
                .subject(JsonFields.text(ticket, "subject"))
                .description(description)
                .requester(requester(requesterId, JsonFields.object(ticket, "requester")))
                .tags(new LinkedHashSet<>(JsonFields.strings(ticket, "tags")))
                .priority(priority(JsonFields.text(ticket, "priority")))
                .status(status(JsonFields.text(ticket, "status"), fields))
                .group(JsonFields.text(ticket, "group_id"))
                .channel(channel(JsonFields.text(ticket, "source")))
                .customFields(customFields(ticket))
                .createdAt(JsonFields.instant(ticket, "created_at"))
                .updatedAt(JsonFields.instant(ticket, "updated_at"))
                .version(JsonFields.text(ticket, "updated_at"))
                .slaDueAt(JsonFields.instant(ticket, "due_by"));

        List<JsonObject> sorted = new ArrayList<>(conversations);
        sorted.sort(Comparator.comparing((JsonObject c) -> {
            Instant at = JsonFields.instant(c, "created_at");
            return at == null ? Instant.MAX : at;
        }).thenComparingLong(c -> JsonFields.longValue(c, "id", Long.MAX_VALUE)));
        for (JsonObject c : sorted) {
            b.addComment(comment(c, requesterId));
        }
        return b.build();
    }

    private Comment comment(JsonObject c, String requesterId) {
        String userId = JsonFields.text(c, "user_id");
        AuthorRole role;
        if (userId != null && integrationUserIds.contains(userId)) {
            role = AuthorRole.SYSTEM;
        } else if (userId != null && userId.equals(requesterId) || JsonFields.bool(c, "incoming", false)) {
            role = AuthorRole.CUSTOMER;
        } else {
            role = AuthorRole.AGENT;
        }
        String body = JsonFields.text(c, "body", JsonFields.text(c, "body_text", ""));
        return new Comment(JsonFields.text(c, "id"), role, null, !JsonFields.bool(c, "private", false),
                JsonFields.instant(c, "created_at"), MessageText.parse(body));
    }

    private static Requester requester(String id, JsonObject embedded) {
        String embeddedId = JsonFields.text(embedded, "id");
        return new Requester(embeddedId != null ? embeddedId : id, JsonFields.text(embedded, "name"),
                JsonFields.text(embedded, "email"), null, Set.of());
    }

    static Priority priority(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "1" -> Priority.LOW;
            case "2" -> Priority.NORMAL;
            case "3" -> Priority.HIGH;
            case "4" -> Priority.URGENT;
            default -> null;
        };
    }

    static int priorityCode(Priority p) {
        return switch (p) {
            case LOW -> 1;
            case NORMAL -> 2;
            case HIGH -> 3;
            case URGENT -> 4;
        };
    }

    private static String status(String code, TicketFields fields) {
        if (code == null) {
            return null;
        }
        String builtIn = STATUSES.get(code);
        if (builtIn != null) {
            return builtIn;
        }
        String label = fields.statusLabel(code);
        return label != null ? label : code;
    }

    /** Whether a ticket's raw status is a custom one, whose label only the field definitions know. */
    static boolean hasCustomStatus(JsonObject ticket) {
        String code = JsonFields.text(ticket, "status");
        return code != null && !STATUSES.containsKey(code);
    }

    private static String channel(String source) {
        return source == null ? null : SOURCES.getOrDefault(source, "source_" + source);
    }

    private Map<String, String> customFields(JsonObject ticket) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonFields.object(ticket, "custom_fields").forEach((name, v) -> {
            String value = v instanceof JsonString s ? s.getString()
                    : v instanceof JsonNumber || v == JsonValue.TRUE || v == JsonValue.FALSE ? v.toString() : null;
            if (value != null) {
                out.put(fieldNames.getOrDefault(name, name), value);
            }
        });
        String type = JsonFields.text(ticket, "type");
        String typeName = fieldNames.get(FreshdeskConfig.TYPE_FIELD);
        if (type != null && typeName != null) {
            out.put(typeName, type);
        }
        return out;
    }

    /** One entry of a {@code GET /api/v2/tickets} page: the ticket, and its {@code updated_at} as version. */
    public List<TicketPoller.Changed> changedTickets(JsonArray page) {
        List<TicketPoller.Changed> out = new ArrayList<>();
        for (JsonValue v : page) {
            if (v instanceof JsonObject t) {
                String id = JsonFields.text(t, "id");
                String at = JsonFields.text(t, "updated_at");
                if (id != null && ID.matcher(id).matches() && at != null) {
                    out.add(new TicketPoller.Changed(TicketRef.of(FreshdeskAdapter.NAME, id), at));
                }
            }
        }
        return out;
    }

    // ---- writing

    /**
     * The plan in Freshdesk's terms: a group name becomes its id (by the configured map; a numeric
     * name is an id), each field value is coerced to the field's type ({@link TicketFields#coerce});
     * a public reply is dropped, since this adapter never answers the customer. Whatever cannot be
     * translated is left out and described in {@code skipped}.
     */
    public WriteBack translate(WriteBack plan, List<String> skipped, TicketFields fields) {
        WriteBack.Builder b = WriteBack.builder(plan.ticketId()).priority(plan.priority())
                .internalNote(plan.internalNote()).idempotencyKey(plan.idempotencyKey());
        plan.tagsToAdd().forEach(b::addTag);
        if (plan.group() != null) {
            String id = ConfigValues.idFor(groupIds, plan.group(), ID);
            if (id == null) {
                skipped.add("group " + plan.group() + " (no group id configured)");
            }
            b.group(id);
        }
        plan.fields().forEach((logical, value) -> {
            String name = fieldIds.get(logical);
            if (name == null) {
                // the diff reports it as having no field id configured
                b.field(logical, value);
                return;
            }
            TicketFields.Coerced c = fields.coerce(name, value);
            if (c.ok()) {
                b.field(logical, c.text());
            } else {
                skipped.add("field " + logical + " (" + c.reason() + ")");
            }
        });
        if (plan.publicReply() != null) {
            skipped.add("public reply (never sent to Freshdesk; drafts go into the private note)");
        }
        return b.build();
    }

    /** Whether a logical field has a Freshdesk field configured. */
    public boolean supportsField(String logicalName) {
        return fieldIds.containsKey(logicalName);
    }

    /**
     * The body of the {@code PUT} carrying the values of {@code changes}: only what changes, the tags
     * as the full merged list (only when new ones come), never {@code status}.
     *
     * @throws IllegalArgumentException when {@code changes} holds no values
     */
    public String updateBody(WriteBackDiff.Changes changes, TicketFields fields) {
        if (!changes.hasValues()) {
            throw new IllegalArgumentException("no values to update");
        }
        JsonObjectBuilder t = JSONP.createObjectBuilder();
        if (changes.priority() != null) {
            t.add("priority", priorityCode(changes.priority()));
        }
        if (changes.group() != null) {
            t.add("group_id", Long.parseLong(changes.group()));
        }
        JsonObjectBuilder custom = JSONP.createObjectBuilder();
        boolean anyCustom = false;
        for (Map.Entry<String, String> e : changes.fields().entrySet()) {
            String name = Objects.requireNonNull(fieldIds.get(e.getKey()), "no field for " + e.getKey());
            if (name.equals(FreshdeskConfig.TYPE_FIELD)) {
                t.add("type", e.getValue());
            } else {
                custom.add(name, fields.json(name, e.getValue()));
                anyCustom = true;
            }
        }
        if (anyCustom) {
            t.add("custom_fields", custom);
        }
        if (!changes.newTags().isEmpty()) {
            JsonArrayBuilder tags = JSONP.createArrayBuilder();
            changes.resultingTags().forEach(tags::add);
            t.add("tags", tags);
        }
        return t.build().toString();
    }

    /** The body of {@code POST …/notes}: the note as escaped HTML, always private, nobody notified. */
    public static String noteBody(String note) {
        return JSONP.createObjectBuilder().add("body", noteHtml(note)).add("private", true).build().toString();
    }

    /**
     * Plain text as HTML that shows exactly that text: every character that could start markup or
     * an entity is escaped, so text a model wrote cannot add links, images or scripts; blank lines
     * separate paragraphs, single line breaks become {@code <br>}.
     */
    public static String noteHtml(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        StringBuilder out = new StringBuilder(normalized.length() + 64);
        for (String paragraph : normalized.split("\\n[ \\t]*\\n\\s*")) {
            out.append("<p>");
            String[] lines = paragraph.split("\\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("<br>");
                }
                escape(lines[i], out);
            }
            out.append("</p>");
        }
        return out.toString();
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}

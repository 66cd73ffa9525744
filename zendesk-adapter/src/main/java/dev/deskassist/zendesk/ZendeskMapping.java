package dev.deskassist.zendesk;

import dev.deskassist.core.adapter.ConfigValues;
import dev.deskassist.core.adapter.WriteBackDiff;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.MessageText;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Requester;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.json.JsonException;
import dev.deskassist.core.json.JsonFields;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Zendesk JSON to and from the core model, as pure functions (no I/O), so that each rule can be
 * checked on real payloads:
 * <ul>
 *   <li>ticket ({@code GET /tickets/{id}.json?include=users,organizations}) plus all comment pages
 *       ({@code include=users}) → {@link Ticket}. The first comment <em>is</em> the description in
 *       Zendesk, so it becomes {@link Ticket#description()} and is not repeated as a comment;
 *       {@code public:false} comments become internal notes; {@code html_body} is preferred
 *       (quote and signature splitting reads its structure), then {@code body}, then
 *       {@code plain_body}. Custom fields with a configured id are keyed by their logical name.</li>
 *   <li>{@link WriteBackDiff.Changes} → the body of one {@code PUT /tickets/{id}.json} with
 *       {@code safe_update} and {@code updated_stamp}; tags are sent as the full merged list, since
 *       {@code tags} in an update replaces, and the safe update guards that list against races.</li>
 * </ul>
 */
public final class ZendeskMapping {

    private static final jakarta.json.spi.JsonProvider JSONP = JsonCodec.jsonp();
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");

    private final Map<String, Long> fieldIds;
    private final Map<Long, String> fieldNames;
    private final Map<String, String> groupIds;
    private final Set<String> integrationUserIds;

    /**
     * @param fieldIds logical field name to custom field id, as {@link ZendeskConfig#fieldIds()} gives them
     * @param groupIds group name to group id, as {@link ZendeskConfig#groupIds()} gives them
     * @throws NumberFormatException when a field id is not a number ({@link ZendeskConfig} reports that first)
     */
    public ZendeskMapping(Map<String, String> fieldIds, Map<String, String> groupIds, Set<String> integrationUserIds) {
        Map<String, Long> ids = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        fieldIds.forEach((name, id) -> {
            ids.put(name, Long.parseLong(id));
            names.put(Long.parseLong(id), name);
        });
        this.fieldIds = Map.copyOf(ids);
        this.fieldNames = Map.copyOf(names);
        this.groupIds = Map.copyOf(groupIds);
        this.integrationUserIds = Set.copyOf(integrationUserIds);
    }

    public static ZendeskMapping of(ZendeskConfig config) {
        return new ZendeskMapping(config.fieldIds(), config.groupIds(), config.integrationUserIds());
    }

    /** One page of {@code GET /tickets/{id}/comments}: its comments, sideloaded users and the next page, if any. */
    public record CommentPage(List<JsonObject> comments, Map<String, JsonObject> users, String next) {

        public CommentPage {
            comments = List.copyOf(comments);
            users = Map.copyOf(users);
        }
    }

    /** Reads a comments page; the next page is {@code links.next}, or {@code page[after]} from {@code meta}. */
    public CommentPage commentPage(JsonObject page, String ticketId) {
        String next = null;
        JsonObject meta = JsonFields.object(page, "meta");
        if (JsonFields.bool(meta, "has_more", false)) {
            next = JsonFields.textAt(page, "links", "next");
            String after = JsonFields.text(meta, "after_cursor");
            if (next == null && after != null) {
                next = commentsPath(ticketId) + "&page[after]=" + URLEncoder.encode(after, StandardCharsets.UTF_8);
            }
        } else if (!(page.get("meta") instanceof JsonObject) && page.get("next_page") instanceof JsonString s) {
            // offset pagination, in case a proxy or an old client answers in that style
            next = s.getString();
        }
        return new CommentPage(JsonFields.objects(page, "comments"), JsonFields.indexBy(page, "users", "id"), next);
    }

    /** The first page of a ticket's comments, 100 per page (the maximum), with comment authors sideloaded. */
    public static String commentsPath(String ticketId) {
        return "api/v2/tickets/" + ticketId + "/comments.json?include=users&page[size]=100";
    }

    /** The ticket with requester and organization sideloaded. */
    public static String ticketPath(String ticketId) {
        return "api/v2/tickets/" + ticketId + ".json?include=users,organizations";
    }

    public static String updatePath(String ticketId) {
        return "api/v2/tickets/" + ticketId + ".json";
    }

    /**
     * Builds the core ticket from the ticket response and every comment with its author.
     *
     * @param ticketResponse {@code {"ticket":{…},"users":[…],"organizations":[…]}}
     * @param comments       all comments, in any order
     * @param commentUsers   users sideloaded with the comments, by id
     */
    public Ticket toTicket(JsonObject ticketResponse, List<JsonObject> comments, Map<String, JsonObject> commentUsers) {
        JsonObject t = JsonFields.object(ticketResponse, "ticket");
        String id = JsonFields.text(t, "id");
        if (id == null) {
            throw new JsonException("Zendesk response has no 'ticket' with an 'id'");
        }
        Map<String, JsonObject> users = new HashMap<>(commentUsers);
        users.putAll(JsonFields.indexBy(ticketResponse, "users", "id"));
        Map<String, JsonObject> orgs = JsonFields.indexBy(ticketResponse, "organizations", "id");

        String requesterId = JsonFields.text(t, "requester_id");
        Requester requester = requester(requesterId, users.get(requesterId),
                JsonFields.text(t, "organization_id"), orgs);

        Ticket.Builder b = Ticket.builder(id)
                .subject(JsonFields.text(t, "subject"))
                .requester(requester)
                .tags(new LinkedHashSet<>(JsonFields.strings(t, "tags")))
                .priority(Priority.parse(JsonFields.text(t, "priority")).orElse(null))
                .status(JsonFields.text(t, "status"))
                .group(JsonFields.text(t, "group_id"))
                .channel(JsonFields.textAt(t, "via", "channel"))
                .customFields(customFields(t))
                .createdAt(JsonFields.instant(t, "created_at"))
                .updatedAt(JsonFields.instant(t, "updated_at"))
                .version(JsonFields.text(t, "updated_at"))
                .slaDueAt(JsonFields.instant(t, "due_at"));

        List<JsonObject> sorted = new ArrayList<>(comments);
        sorted.sort(Comparator.comparing((JsonObject c) -> {
            Instant at = JsonFields.instant(c, "created_at");
            return at == null ? Instant.MAX : at;
        }).thenComparing(c -> Objects.requireNonNullElse(JsonFields.text(c, "id"), "")));
        if (sorted.isEmpty()) {
            b.description(JsonFields.text(t, "description"));
        } else {
            b.description(MessageText.parse(commentBody(sorted.get(0))));
            for (JsonObject c : sorted.subList(1, sorted.size())) {
                b.addComment(comment(c, requesterId, users));
            }
        }
        return b.build();
    }

    private Comment comment(JsonObject c, String requesterId, Map<String, JsonObject> users) {
        String authorId = JsonFields.text(c, "author_id");
        JsonObject author = authorId == null ? null : users.get(authorId);
        boolean isPublic = JsonFields.bool(c, "public", true);
        return new Comment(JsonFields.text(c, "id"), role(authorId, requesterId, author),
                author == null ? null : JsonFields.text(author, "name"), isPublic,
                JsonFields.instant(c, "created_at"), MessageText.parse(commentBody(c)));
    }

    private AuthorRole role(String authorId, String requesterId, JsonObject author) {
        if (authorId != null && integrationUserIds.contains(authorId)) {
            return AuthorRole.SYSTEM;
        }
        if (authorId != null && authorId.equals(requesterId)) {
            return AuthorRole.CUSTOMER;
        }
        String role = author == null ? null : JsonFields.text(author, "role");
        if (role == null) {
            // Zendesk's own automations write as user -1; unknown authors are most often agents
            return "-1".equals(authorId) ? AuthorRole.SYSTEM : AuthorRole.AGENT;
        }
        return role.equalsIgnoreCase("end-user") ? AuthorRole.CUSTOMER : AuthorRole.AGENT;
    }

    private static String commentBody(JsonObject c) {
        return JsonFields.text(c, "html_body", JsonFields.text(c, "body", JsonFields.text(c, "plain_body", "")));
    }

    private static Requester requester(String id, JsonObject user, String ticketOrgId, Map<String, JsonObject> orgs) {
        if (user == null) {
            return new Requester(id, null, null, orgName(ticketOrgId, orgs), Set.of());
        }
        String orgId = JsonFields.text(user, "organization_id");
        String org = orgName(orgId != null ? orgId : ticketOrgId, orgs);
        return new Requester(id, JsonFields.text(user, "name"), JsonFields.text(user, "email"), org,
                new LinkedHashSet<>(JsonFields.strings(user, "tags")));
    }

    private static String orgName(String orgId, Map<String, JsonObject> orgs) {
        JsonObject o = orgId == null ? null : orgs.get(orgId);
        return o == null ? null : JsonFields.text(o, "name");
    }

    private Map<String, String> customFields(JsonObject t) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonObject f : JsonFields.objects(t, "custom_fields")) {
            JsonValue v = f.get("value");
            // multi-select fields hold arrays, checkboxes booleans
            String value = v instanceof JsonArray a ? String.join(",", JsonFields.strings(a))
                    : v instanceof JsonString s ? s.getString() : v == null || v == JsonValue.NULL ? null : v.toString();
            JsonFields.longValue(f, "id").ifPresent(id -> {
                if (value != null) {
                    out.put(fieldNames.getOrDefault(id, String.valueOf(id)), value);
                }
            });
        }
        return out;
    }

    /**
     * Translates a plan's group name into a Zendesk group id (by the configured map; a numeric
     * name is taken as an id). An unknown group is left out and reported in {@code skipped}.
     */
    public WriteBack translate(WriteBack plan, List<String> skipped) {
        if (plan.group() == null) {
            return plan;
        }
        String id = ConfigValues.idFor(groupIds, plan.group(), ID);
        if (id == null) {
            skipped.add("group " + plan.group() + " (no group id configured)");
        }
        return plan.toBuilder().group(id).build();
    }

    /** Whether a logical field has a Zendesk custom field id configured. */
    public boolean supportsField(String logicalName) {
        return fieldIds.containsKey(logicalName);
    }

    /**
     * The body of one safe update carrying {@code changes}: tags (full merged list, only when new
     * ones come), priority, group, custom fields and at most one comment, whose {@code public} is
     * always explicit. When both an internal note and a public reply are due, this carries the
     * note; the reply goes in a second update (one comment per update).
     */
    public String updateBody(WriteBackDiff.Changes changes, String updatedStamp) {
        Objects.requireNonNull(updatedStamp, "updatedStamp");
        JsonObjectBuilder t = JSONP.createObjectBuilder();
        if (!changes.newTags().isEmpty()) {
            JsonArrayBuilder tags = JSONP.createArrayBuilder();
            changes.resultingTags().forEach(tags::add);
            t.add("tags", tags);
        }
        if (changes.priority() != null) {
            t.add("priority", changes.priority().name().toLowerCase(Locale.ROOT));
        }
        if (changes.group() != null) {
            t.add("group_id", Long.parseLong(changes.group()));
        }
        if (!changes.fields().isEmpty()) {
            JsonArrayBuilder fields = JSONP.createArrayBuilder();
            changes.fields().forEach((name, value) -> fields.add(JSONP.createObjectBuilder()
                    .add("id", fieldIds.get(name)).add("value", fieldValue(value))));
            t.add("custom_fields", fields);
        }
        if (changes.internalNote() != null) {
            t.add("comment", JSONP.createObjectBuilder().add("body", changes.internalNote()).add("public", false));
        } else if (changes.publicReply() != null) {
            t.add("comment", JSONP.createObjectBuilder().add("body", changes.publicReply()).add("public", true));
        }
        t.add("safe_update", true).add("updated_stamp", updatedStamp);
        return JSONP.createObjectBuilder().add("ticket", t).build().toString();
    }

    /** Whether {@link #updateBody} leaves a public reply for a second update. */
    public static boolean needsSecondUpdate(WriteBackDiff.Changes changes) {
        return changes.internalNote() != null && changes.publicReply() != null;
    }

    private static JsonValue fieldValue(String value) {
        // checkbox fields take booleans; everything else (drop-down tag values, text, numbers) a string
        if (value.equalsIgnoreCase("true")) {
            return JsonValue.TRUE;
        }
        if (value.equalsIgnoreCase("false")) {
            return JsonValue.FALSE;
        }
        return JSONP.createValue(value);
    }

    /** The {@code updated_at} of a ticket as Zendesk wrote it ({@link Ticket#version()}), for {@code updated_stamp}. */
    public static String updatedStamp(Ticket ticket) {
        if (ticket.version() != null) {
            return ticket.version();
        }
        return ticket.updatedAt() == null ? null : ticket.updatedAt().toString();
    }
}

package dev.deskassist.zendesk;

import dev.deskassist.core.adapter.WriteBackDiff;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

    private static final jakarta.json.spi.JsonProvider JSONP = dev.deskassist.core.json.JsonCodec.jsonp();

    private final Map<String, Long> fieldIds;
    private final Map<Long, String> fieldNames;
    private final Map<String, Long> groupIds;
    private final Set<String> integrationUserIds;

    public ZendeskMapping(Map<String, Long> fieldIds, Map<String, Long> groupIds, Set<String> integrationUserIds) {
        this.fieldIds = Map.copyOf(fieldIds);
        Map<Long, String> names = new HashMap<>();
        fieldIds.forEach((name, id) -> names.put(id, name));
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
        List<JsonObject> comments = new ArrayList<>();
        if (page.get("comments") instanceof JsonArray arr) {
            arr.forEach(v -> {
                if (v instanceof JsonObject o) {
                    comments.add(o);
                }
            });
        }
        String next = null;
        JsonObject meta = page.get("meta") instanceof JsonObject m ? m : null;
        boolean hasMore = meta != null && meta.getBoolean("has_more", false);
        if (hasMore) {
            JsonObject links = page.get("links") instanceof JsonObject l ? l : null;
            next = links == null ? null : ZendeskWebhook.text(links, "next");
            String after = ZendeskWebhook.text(meta, "after_cursor");
            if (next == null && after != null) {
                next = commentsPath(ticketId) + "&page[after]=" + urlEncode(after);
            }
        } else if (meta == null && page.get("next_page") instanceof JsonString s) {
            // offset pagination, in case a proxy or an old client answers in that style
            next = s.getString();
        }
        return new CommentPage(comments, usersById(page), next);
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
        JsonObject t = ticketObject(ticketResponse);
        String id = requireText(t, "id");
        Map<String, JsonObject> users = new HashMap<>(commentUsers);
        users.putAll(usersById(ticketResponse));
        Map<String, JsonObject> orgs = byId(ticketResponse, "organizations");

        String requesterId = ZendeskWebhook.text(t, "requester_id");
        Requester requester = requester(requesterId, users.get(requesterId),
                ZendeskWebhook.text(t, "organization_id"), orgs);

        Ticket.Builder b = Ticket.builder(id)
                .subject(ZendeskWebhook.text(t, "subject"))
                .requester(requester)
                .tags(strings(t.get("tags")))
                .priority(Priority.parse(ZendeskWebhook.text(t, "priority")).orElse(null))
                .status(ZendeskWebhook.text(t, "status"))
                .group(ZendeskWebhook.text(t, "group_id"))
                .channel(t.get("via") instanceof JsonObject via ? ZendeskWebhook.text(via, "channel") : null)
                .customFields(customFields(t))
                .createdAt(instant(ZendeskWebhook.text(t, "created_at")))
                .updatedAt(instant(ZendeskWebhook.text(t, "updated_at")))
                .version(ZendeskWebhook.text(t, "updated_at"))
                .slaDueAt(instant(ZendeskWebhook.text(t, "due_at")));

        List<JsonObject> sorted = new ArrayList<>(comments);
        sorted.sort(Comparator.comparing((JsonObject c) -> {
            Instant at = instant(ZendeskWebhook.text(c, "created_at"));
            return at == null ? Instant.MAX : at;
        }).thenComparing(c -> Objects.requireNonNullElse(ZendeskWebhook.text(c, "id"), "")));
        if (sorted.isEmpty()) {
            b.description(ZendeskWebhook.text(t, "description"));
        } else {
            b.description(MessageText.parse(commentBody(sorted.get(0))));
            for (JsonObject c : sorted.subList(1, sorted.size())) {
                b.addComment(comment(c, requesterId, users));
            }
        }
        return b.build();
    }

    private Comment comment(JsonObject c, String requesterId, Map<String, JsonObject> users) {
        String authorId = ZendeskWebhook.text(c, "author_id");
        JsonObject author = authorId == null ? null : users.get(authorId);
        boolean isPublic = c.get("public") == null || c.get("public").getValueType() != JsonValue.ValueType.FALSE;
        return new Comment(ZendeskWebhook.text(c, "id"), role(authorId, requesterId, author),
                author == null ? null : ZendeskWebhook.text(author, "name"), isPublic,
                instant(ZendeskWebhook.text(c, "created_at")), MessageText.parse(commentBody(c)));
    }

    private AuthorRole role(String authorId, String requesterId, JsonObject author) {
        if (authorId != null && integrationUserIds.contains(authorId)) {
            return AuthorRole.SYSTEM;
        }
        if (authorId != null && authorId.equals(requesterId)) {
            return AuthorRole.CUSTOMER;
        }
        String role = author == null ? null : ZendeskWebhook.text(author, "role");
        if (role == null) {
            // Zendesk's own automations write as user -1; unknown authors are most often agents
            return "-1".equals(authorId) ? AuthorRole.SYSTEM : AuthorRole.AGENT;
        }
        return role.equalsIgnoreCase("end-user") ? AuthorRole.CUSTOMER : AuthorRole.AGENT;
    }

    static String commentBody(JsonObject c) {
        for (String key : List.of("html_body", "body", "plain_body")) {
            String v = ZendeskWebhook.text(c, key);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    private static Requester requester(String id, JsonObject user, String ticketOrgId, Map<String, JsonObject> orgs) {
        if (user == null) {
            return new Requester(id, null, null, orgName(ticketOrgId, orgs), Set.of());
        }
        String orgId = ZendeskWebhook.text(user, "organization_id");
        String org = orgName(orgId != null ? orgId : ticketOrgId, orgs);
        return new Requester(id, ZendeskWebhook.text(user, "name"), ZendeskWebhook.text(user, "email"), org,
                strings(user.get("tags")));
    }

    private static String orgName(String orgId, Map<String, JsonObject> orgs) {
        JsonObject o = orgId == null ? null : orgs.get(orgId);
        return o == null ? null : ZendeskWebhook.text(o, "name");
    }

    private Map<String, String> customFields(JsonObject t) {
        Map<String, String> out = new LinkedHashMap<>();
        if (t.get("custom_fields") instanceof JsonArray arr) {
            for (JsonValue v : arr) {
                if (!(v instanceof JsonObject f) || !(f.get("id") instanceof JsonNumber idNum)) {
                    continue;
                }
                String value = scalar(f.get("value"));
                if (value != null) {
                    out.put(fieldNames.getOrDefault(idNum.longValue(), String.valueOf(idNum.longValue())), value);
                }
            }
        }
        return out;
    }

    private static String scalar(JsonValue v) {
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonArray a) {
            return String.join(",", strings(a));
        }
        return v.toString();
    }

    /**
     * Translates a plan's group name into a Zendesk group id (by the configured map; a numeric
     * name is taken as an id). An unknown group is left out and reported in {@code skipped}.
     */
    public WriteBack translate(WriteBack plan, List<String> skipped) {
        if (plan.group() == null) {
            return plan;
        }
        String id = groupId(plan.group());
        if (id == null) {
            skipped.add("group " + plan.group() + " (no group id configured)");
        }
        return plan.toBuilder().group(id).build();
    }

    String groupId(String name) {
        Long id = groupIds.get(name);
        if (id == null) {
            id = groupIds.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        if (id != null) {
            return String.valueOf(id);
        }
        return name.matches("[1-9][0-9]{0,18}") ? name : null;
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

    static JsonObject ticketObject(JsonObject response) {
        if (response.get("ticket") instanceof JsonObject t) {
            return t;
        }
        throw new dev.deskassist.core.json.JsonException("Zendesk response has no 'ticket' object");
    }

    private static String requireText(JsonObject o, String key) {
        String v = ZendeskWebhook.text(o, key);
        if (v == null) {
            throw new dev.deskassist.core.json.JsonException("Zendesk ticket has no '" + key + "'");
        }
        return v;
    }

    private static Map<String, JsonObject> usersById(JsonObject response) {
        return byId(response, "users");
    }

    private static Map<String, JsonObject> byId(JsonObject response, String key) {
        Map<String, JsonObject> out = new HashMap<>();
        if (response.get(key) instanceof JsonArray arr) {
            for (JsonValue v : arr) {
                if (v instanceof JsonObject o) {
                    String id = ZendeskWebhook.text(o, "id");
                    if (id != null) {
                        out.put(id, o);
                    }
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Set<String> strings(JsonValue v) {
        Set<String> out = new LinkedHashSet<>();
        if (v instanceof JsonArray arr) {
            arr.forEach(x -> {
                if (x instanceof JsonString s) {
                    out.add(s.getString());
                }
            });
        }
        return out;
    }

    static Instant instant(String v) {
        if (v == null) {
            return null;
        }
        Instant quick = utcSeconds(v);
        if (quick != null) {
            return quick;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Zendesk's own form, {@code 2026-01-05T09:00:00Z}, read digit by digit; {@code null} for any
     * other form or an impossible date, which then takes the full ISO parser. Every ticket and
     * comment carries these, and {@code Instant.parse} was the costliest step of mapping a ticket.
     */
    private static Instant utcSeconds(String v) {
        if (v.length() != 20 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T'
                || v.charAt(13) != ':' || v.charAt(16) != ':' || v.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second)
                    .toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}

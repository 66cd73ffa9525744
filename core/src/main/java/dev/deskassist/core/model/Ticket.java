package dev.deskassist.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A support ticket, normalized from any helpdesk: the opening message ({@code description}),
 * the thread that followed in order, the requester and the ticket's current state.
 *
 * <p>{@code version} is the helpdesk's opaque change stamp as read (Zendesk and Freshdesk
 * {@code updated_at}, ServiceNow {@code sys_mod_count}); the write-back routine compares it to
 * notice a concurrent edit, and {@code null} means the helpdesk did not say. {@code displayId} is
 * the number people see (ServiceNow's {@code INC0010003} while {@code id} is the sys_id); it
 * defaults to {@code id}.
 *
 * <p>Immutable; build one with {@link #builder(String)}. {@code toString()} shows no text or
 * personal data so that a ticket can be logged safely.
 */
public record Ticket(
        String id,
        String subject,
        MessageText description,
        List<Comment> comments,
        Requester requester,
        Set<String> tags,
        Priority priority,
        String status,
        String group,
        String channel,
        Map<String, String> customFields,
        Instant createdAt,
        Instant updatedAt,
        Instant slaDueAt,
        int priorContacts,
        String version,
        String displayId) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        subject = subject == null ? "" : subject.strip();
        description = description == null ? MessageText.EMPTY : description;
        comments = comments == null ? List.of() : List.copyOf(comments);
        requester = requester == null ? Requester.UNKNOWN : requester;
        tags = tags == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(tags));
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
        if (priorContacts < 0) {
            throw new IllegalArgumentException("priorContacts must be >= 0");
        }
        version = version == null || version.isBlank() ? null : version;
        displayId = displayId == null || displayId.isBlank() ? id : displayId;
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id).subject(subject).description(description).requester(requester)
                .tags(tags).priority(priority).status(status).group(group).channel(channel)
                .customFields(customFields).createdAt(createdAt).updatedAt(updatedAt).slaDueAt(slaDueAt)
                .priorContacts(priorContacts).version(version).displayId(displayId);
        comments.forEach(b::addComment);
        return b;
    }

    public Optional<Priority> currentPriority() {
        return Optional.ofNullable(priority);
    }

    /** The opening message followed by every customer comment, newest text only (no quotes, no signatures). */
    public List<String> customerMessages() {
        List<String> out = new ArrayList<>();
        if (!description.text().isBlank()) {
            out.add(description.text());
        }
        for (Comment c : comments) {
            if (c.author() == AuthorRole.CUSTOMER && !c.body().text().isBlank()) {
                out.add(c.body().text());
            }
        }
        return out;
    }

    /**
     * The text that triage analyses: the subject and what the customer wrote, without quoted
     * history and signatures, limited to {@code maxChars} so that a huge ticket stays cheap.
     */
    public String customerText(int maxChars) {
        String only = onlyCustomerMessage();
        if (only != null && only.length() < maxChars) {
            // the common case, one message and no subject: no copy into a builder
            return only.strip();
        }
        StringBuilder sb = new StringBuilder(Math.min(maxChars, 4096));
        if (!subject.isEmpty()) {
            sb.append(subject).append('\n');
        }
        for (String m : customerMessages()) {
            if (sb.length() >= maxChars) {
                break;
            }
            sb.append(m).append('\n');
        }
        return sb.length() > maxChars ? sb.substring(0, maxChars) : sb.toString().strip();
    }

    /** The description when it is all the customer wrote (no subject, no customer comment), else null. */
    private String onlyCustomerMessage() {
        if (!subject.isEmpty()) {
            return null;
        }
        for (Comment c : comments) {
            if (c.author() == AuthorRole.CUSTOMER && !c.body().text().isBlank()) {
                return null;
            }
        }
        return description.text();
    }

    /** Number of customer turns in the thread, the opening message included. */
    public int customerTurns() {
        int n = description.text().isBlank() ? 0 : 1;
        for (Comment c : comments) {
            if (c.author() == AuthorRole.CUSTOMER) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "Ticket[id=" + id + (displayId.equals(id) ? "" : ", displayId=" + displayId) + ", version=" + version
                + ", comments=" + comments.size() + ", status=" + status + ", priority="
                + priority + ", tags=" + tags.size() + "]";
    }

    /** Builds a {@link Ticket}; every value but the id is optional. */
    public static final class Builder {
        private final String id;
        private String subject;
        private MessageText description;
        private final List<Comment> comments = new ArrayList<>();
        private Requester requester;
        private final Set<String> tags = new LinkedHashSet<>();
        private Priority priority;
        private String status;
        private String group;
        private String channel;
        private final Map<String, String> customFields = new LinkedHashMap<>();
        private Instant createdAt;
        private Instant updatedAt;
        private Instant slaDueAt;
        private int priorContacts;
        private String version;
        private String displayId;

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** The opening message, as plain text or HTML. */
        public Builder description(String raw) {
            this.description = MessageText.parse(raw);
            return this;
        }

        public Builder description(MessageText description) {
            this.description = description;
            return this;
        }

        public Builder addComment(Comment comment) {
            comments.add(Objects.requireNonNull(comment, "comment"));
            return this;
        }

        public Builder comments(List<Comment> all) {
            comments.clear();
            all.forEach(this::addComment);
            return this;
        }

        public Builder requester(Requester requester) {
            this.requester = requester;
            return this;
        }

        public Builder tags(Set<String> all) {
            tags.clear();
            tags.addAll(all);
            return this;
        }

        public Builder tag(String tag) {
            tags.add(tag);
            return this;
        }

        public Builder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder group(String group) {
            this.group = group;
            return this;
        }

        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Builder customField(String key, String value) {
            customFields.put(key, value);
            return this;
        }

        public Builder customFields(Map<String, String> all) {
            customFields.clear();
            customFields.putAll(all);
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder slaDueAt(Instant slaDueAt) {
            this.slaDueAt = slaDueAt;
            return this;
        }

        /** How many other tickets this requester opened recently, when the integrator knows it. */
        public Builder priorContacts(int priorContacts) {
            this.priorContacts = priorContacts;
            return this;
        }

        /** The helpdesk's opaque change stamp as read (e.g. {@code updated_at}, {@code sys_mod_count}). */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** The ticket number people see, when it differs from the id used in API paths. */
        public Builder displayId(String displayId) {
            this.displayId = displayId;
            return this;
        }

        public Ticket build() {
            return new Ticket(id, subject, description, comments, requester, tags, priority, status, group,
                    channel, customFields, createdAt, updatedAt, slaDueAt, priorContacts, version, displayId);
        }
    }
}

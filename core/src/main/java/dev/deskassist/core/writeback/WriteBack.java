package dev.deskassist.core.writeback;

import dev.deskassist.core.model.Priority;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A helpdesk-neutral plan of changes to one ticket: tags to add (existing tags are kept),
 * priority, group, field values by logical name (see {@link Field}), at most one internal note
 * and an optional public reply. Adapters translate it into their API calls and skip what would
 * not change anything.
 *
 * <p>{@code idempotencyKey} (optional) names the attempt that produced the plan, e.g. the event's
 * delivery id: the write-back routine stamps it into the internal note and never posts a second
 * note carrying the same key. Without one, a short hash of the ticket id and the note text is used.
 */
public record WriteBack(
        String ticketId,
        Set<String> tagsToAdd,
        Priority priority,
        String group,
        Map<String, String> fields,
        String internalNote,
        String publicReply,
        String idempotencyKey) {

    /** Logical field names; an adapter's config maps each to a helpdesk field id. */
    public static final class Field {
        public static final String CATEGORY = "category";
        public static final String LANGUAGE = "language";
        public static final String SENTIMENT = "sentiment";
        public static final String CONFIDENCE = "confidence";
        public static final String ESCALATION = "escalation";
        public static final String SUMMARY = "summary";

        private Field() {
        }
    }

    public WriteBack {
        Objects.requireNonNull(ticketId, "ticketId");
        tagsToAdd = tagsToAdd == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(tagsToAdd));
        // in the planner's order, so that requests and results read the same on every run
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        fields.forEach((k, v) -> Objects.requireNonNull(v, "value of field " + k));
        if (internalNote != null && internalNote.isBlank()) {
            internalNote = null;
        }
        if (publicReply != null && publicReply.isBlank()) {
            publicReply = null;
        }
        idempotencyKey = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
    }

    public static Builder builder(String ticketId) {
        return new Builder(ticketId);
    }

    /** An empty plan: nothing to change. */
    public static WriteBack none(String ticketId) {
        return new WriteBack(ticketId, Set.of(), null, null, Map.of(), null, null, null);
    }

    /** True when the plan changes nothing. */
    public boolean isEmpty() {
        return tagsToAdd.isEmpty() && priority == null && group == null && fields.isEmpty() && internalNote == null
                && publicReply == null;
    }

    public Builder toBuilder() {
        Builder b = new Builder(ticketId).priority(priority).group(group).internalNote(internalNote)
                .publicReply(publicReply).idempotencyKey(idempotencyKey);
        tagsToAdd.forEach(b::addTag);
        fields.forEach(b::field);
        return b;
    }

    @Override
    public String toString() {
        return "WriteBack[ticket=" + ticketId + ", tags=" + tagsToAdd + ", priority=" + priority + ", group=" + group
                + ", fields=" + fields.keySet() + ", note=" + (internalNote != null) + ", reply="
                + (publicReply != null) + (idempotencyKey != null ? ", key=" + idempotencyKey : "") + "]";
    }

    /** Builds a {@link WriteBack}. */
    public static final class Builder {
        private final String ticketId;
        private final Set<String> tags = new LinkedHashSet<>();
        private Priority priority;
        private String group;
        private final Map<String, String> fields = new LinkedHashMap<>();
        private String internalNote;
        private String publicReply;
        private String idempotencyKey;

        private Builder(String ticketId) {
            this.ticketId = Objects.requireNonNull(ticketId, "ticketId");
        }

        public Builder addTag(String tag) {
            tags.add(Objects.requireNonNull(tag, "tag"));
            return this;
        }

        public Builder priority(Priority priority) {
            this.priority = priority;
            return this;
        }

        public Builder group(String group) {
            this.group = group;
            return this;
        }

        public Builder field(String name, String value) {
            fields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder internalNote(String note) {
            this.internalNote = note;
            return this;
        }

        public Builder publicReply(String reply) {
            this.publicReply = reply;
            return this;
        }

        /** Names this attempt (e.g. the delivery id), so that a retry never posts the note twice. */
        public Builder idempotencyKey(String key) {
            this.idempotencyKey = key;
            return this;
        }

        public WriteBack build() {
            return new WriteBack(ticketId, tags, priority, group, fields, internalNote, publicReply, idempotencyKey);
        }
    }
}

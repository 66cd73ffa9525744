package dev.deskassist.core.adapter;

import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Compares a {@link WriteBack} plan with a ticket as it is and keeps only what would really
 * change, so that every adapter sends the same minimal update and nothing when nothing changes.
 * Helpdesk-neutral: an adapter first translates names into its own terms (a group name into the
 * group id its {@link Ticket#group()} holds), then asks for the diff.
 *
 * <p>{@link #rebase} is the other half of conflict handling: after a concurrent edit it drops
 * every part of the plan that someone else changed meanwhile, so that a human's edit wins.
 * An internal note stamped by {@link NoteRef} counts as posted when its token is in an internal
 * comment of the thread.
 */
public final class WriteBackDiff {

    private WriteBackDiff() {
    }

    /**
     * The real changes of a plan against a ticket.
     *
     * @param resultingTags the ticket's tags after the change (current tags sorted, then the new ones sorted);
     *                      for helpdesks whose tag field replaces the whole list
     */
    public record Changes(
            String ticketId,
            Set<String> newTags,
            Set<String> resultingTags,
            Priority priority,
            String group,
            Map<String, String> fields,
            String internalNote,
            String publicReply,
            List<String> skipped) {

        public Changes {
            newTags = Set.copyOf(new LinkedHashSet<>(newTags));
            resultingTags = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(resultingTags));
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            skipped = List.copyOf(skipped);
        }

        /** True when tags, priority, group or a field change: values a human may also set. */
        public boolean hasValues() {
            return !newTags.isEmpty() || priority != null || group != null || !fields.isEmpty();
        }

        /** The same changes without the values (tags, priority, group, fields). */
        public Changes withoutValues() {
            return new Changes(ticketId, Set.of(), resultingTags, null, null, Map.of(), internalNote, publicReply,
                    skipped);
        }

        /** True when applying would change nothing: send no request. */
        public boolean isEmpty() {
            return newTags.isEmpty() && priority == null && group == null && fields.isEmpty() && internalNote == null
                    && publicReply == null;
        }

        /** One short line per change, without values that could hold ticket text. */
        public List<String> describe() {
            List<String> out = new ArrayList<>();
            if (!newTags.isEmpty()) {
                out.add("tags +" + newTags.stream().sorted().toList());
            }
            if (priority != null) {
                out.add("priority " + priority.name().toLowerCase(Locale.ROOT));
            }
            if (group != null) {
                out.add("group " + group);
            }
            fields.keySet().forEach(k -> out.add("field " + k));
            if (internalNote != null) {
                out.add("internal note");
            }
            if (publicReply != null) {
                out.add("public reply");
            }
            return out;
        }
    }

    /** A plan after {@link #rebase}, with the parts dropped because someone else changed them. */
    public record Rebased(WriteBack plan, List<String> dropped) {

        public Rebased {
            Objects.requireNonNull(plan, "plan");
            dropped = List.copyOf(dropped);
        }
    }

    /**
     * What of {@code plan} would change {@code current}.
     *
     * @param fieldSupported whether the adapter can write a logical field (has an id configured for it);
     *                       unsupported fields are skipped with a reason
     */
    public static Changes diff(WriteBack plan, Ticket current, Predicate<String> fieldSupported) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(current, "current");
        List<String> skipped = new ArrayList<>();

        Set<String> have = new LinkedHashSet<>();
        current.tags().forEach(t -> have.add(normalizeTag(t)));
        Set<String> newTags = new LinkedHashSet<>();
        for (String t : new java.util.TreeSet<>(plan.tagsToAdd())) {
            String n = normalizeTag(t);
            if (n.isEmpty()) {
                continue;
            }
            if (have.contains(n)) {
                skipped.add("tag " + n + " (already set)");
            } else {
                newTags.add(n);
            }
        }
        // sorted so that the request is the same on every run (the model's tag set has no order)
        Set<String> resulting = new LinkedHashSet<>(new java.util.TreeSet<>(current.tags()));
        resulting.addAll(newTags);

        Priority priority = plan.priority();
        if (priority != null && priority == current.priority()) {
            skipped.add("priority (already " + priority.name().toLowerCase(Locale.ROOT) + ")");
            priority = null;
        }

        String group = plan.group();
        if (group != null && group.equals(current.group())) {
            skipped.add("group (already set)");
            group = null;
        }

        Map<String, String> fields = new LinkedHashMap<>();
        plan.fields().forEach((name, value) -> {
            if (!fieldSupported.test(name)) {
                skipped.add("field " + name + " (no field id configured)");
            } else if (value.equals(current.customFields().get(name))) {
                skipped.add("field " + name + " (already set)");
            } else {
                fields.put(name, value);
            }
        });

        String note = plan.internalNote();
        String token = NoteRef.tokenOf(note);
        if (note != null && (token != null ? NoteRef.posted(current, token) : hasComment(current, note, false))) {
            skipped.add("internal note (already posted)");
            note = null;
        }
        String reply = plan.publicReply();
        if (reply != null && hasComment(current, reply, true)) {
            skipped.add("public reply (already posted)");
            reply = null;
        }
        return new Changes(current.id(), newTags, resulting, priority, group, fields, note, reply, skipped);
    }

    /**
     * Drops from {@code plan} every value that changed between {@code basis} (the ticket the
     * plan was made from) and {@code fresh} (the ticket re-read after a conflict): someone else
     * set it meanwhile, and a human's choice wins. Tags and notes only add, so they stay.
     */
    public static Rebased rebase(WriteBack plan, Ticket basis, Ticket fresh) {
        List<String> dropped = new ArrayList<>();
        WriteBack.Builder b = WriteBack.builder(plan.ticketId()).internalNote(plan.internalNote())
                .publicReply(plan.publicReply()).idempotencyKey(plan.idempotencyKey());
        plan.tagsToAdd().forEach(b::addTag);
        if (plan.priority() != null) {
            if (basis.priority() == fresh.priority()) {
                b.priority(plan.priority());
            } else if (plan.priority() != fresh.priority()) {
                dropped.add("priority (changed by someone else meanwhile)");
            }
        }
        if (plan.group() != null) {
            if (Objects.equals(basis.group(), fresh.group())) {
                b.group(plan.group());
            } else if (!plan.group().equals(fresh.group())) {
                dropped.add("group (changed by someone else meanwhile)");
            }
        }
        plan.fields().forEach((name, value) -> {
            if (Objects.equals(basis.customFields().get(name), fresh.customFields().get(name))) {
                b.field(name, value);
            } else if (!value.equals(fresh.customFields().get(name))) {
                dropped.add("field " + name + " (changed by someone else meanwhile)");
            }
        });
        return new Rebased(b.build(), dropped);
    }

    /** Compiled once: diff runs for every event, over every comment of the thread. */
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /** Tags compare case-insensitively and without surrounding blanks; inner blanks become '_' as helpdesks do. */
    public static String normalizeTag(String tag) {
        return tag == null ? "" : BLANKS.matcher(tag.strip().toLowerCase(Locale.ROOT)).replaceAll("_");
    }

    /**
     * Whether the thread already holds this text as a comment of the given visibility; a retry
     * after a lost response then does not post the same reply twice (notes stamped by
     * {@link NoteRef} are found by their token instead). Compared with whitespace
     * collapsed, because helpdesks re-render plain text as HTML.
     */
    static boolean hasComment(Ticket ticket, String text, boolean isPublic) {
        if (text == null) {
            text = "";
        }
        for (Comment c : ticket.comments()) {
            if (c.isPublic() == isPublic && sameCollapsed(c.body().full(), text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code a} and {@code b} are equal once every run of {@code \\s} becomes one space and
     * both ends are stripped of whitespace; the same answer as comparing
     * {@code s.replaceAll("\\s+", " ").strip()} of each, without building those strings. The note
     * is several kilobytes and is compared with every comment of the thread on every event: the
     * regex copies were a tenth of the webhook path's allocation, and allocation is GC pauses.
     */
    static boolean sameCollapsed(String a, String b) {
        String x = a == null ? "" : a;
        String y = b == null ? "" : b;
        int i = stripStart(x);
        int xEnd = stripEnd(x, i);
        int j = stripStart(y);
        int yEnd = stripEnd(y, j);
        while (i < xEnd && j < yEnd) {
            char cx = x.charAt(i);
            char cy = y.charAt(j);
            boolean bx = isBlank(cx);
            if (bx != isBlank(cy)) {
                return false;
            }
            if (bx) {
                do {
                    i++;
                } while (i < xEnd && isBlank(x.charAt(i)));
                do {
                    j++;
                } while (j < yEnd && isBlank(y.charAt(j)));
            } else if (cx != cy) {
                return false;
            } else {
                i++;
                j++;
            }
        }
        return i >= xEnd && j >= yEnd;
    }

    /** The characters of {@code \\s} without UNICODE_CHARACTER_CLASS. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    // strip() after the collapse removes whatever whitespace is left at either end, collapsed or not
    private static boolean isStripped(char c) {
        return isBlank(c) || Character.isWhitespace(c);
    }

    private static int stripStart(String s) {
        int i = 0;
        while (i < s.length() && isStripped(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int stripEnd(String s, int start) {
        int e = s.length();
        while (e > start && isStripped(s.charAt(e - 1))) {
            e--;
        }
        return e;
    }
}

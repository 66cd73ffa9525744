package dev.deskassist.core.outcome;

import dev.deskassist.core.adapter.WriteBackRoutine;
import dev.deskassist.core.Assistance;
import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.NoteRef;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WriteLedger;
import dev.deskassist.core.audit.DecisionRecord;
import dev.deskassist.core.audit.FeedbackRecord;
import dev.deskassist.core.audit.FieldDecision;
import dev.deskassist.core.audit.OutcomeKind;
import dev.deskassist.core.audit.OutcomeRecord;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.privacy.Pseudonymizer;
import dev.deskassist.core.writeback.WriteBack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Tells what became of our decisions when a later event brings a ticket back: a field we wrote
 * that a human kept or corrected (or, in shadow mode, a value a human set that agrees with ours or
 * not), whether the agent's next public reply used our draft, whether an automatic reply was
 * followed by a reopen or another customer message within the window, the first response time,
 * and the agents' {@code da_good} / {@code da_bad} feedback. Corrections of the category can be
 * harvested as pseudonymized training rows ({@link CorrectionSink}).
 *
 * <p>The per-ticket state lives in the {@link WriteLedger} under keys starting with
 * {@code outcome:} (ids, labels, epoch millis and a {@link DraftFingerprint}; never text), so any
 * store that keeps a write ledger keeps it too. The pipeline calls {@link #observe} right after
 * it reads a ticket and {@link #remember} after it applied (or, in shadow mode, recorded) a plan.
 * Thread-safe; calls for one ticket must not overlap (the pipeline runs one ticket at a time).
 */
public final class OutcomeTracker {

    static final String P = "outcome:";
    static final String DECISION = P + "decision";
    static final String CATEGORY = P + "category";
    static final String MODE = P + "mode";
    static final String DRAFT = P + "draft";
    static final String DRAFT_AFTER = P + "draftAfter";
    static final String DRAFT_AT = P + "draftAt";
    static final String DRAFT_SHADOW = P + "draftShadow";
    static final String AUTO_AT = P + "autoReplyAt";
    static final String AUTO_AFTER = P + "autoReplyAfter";
    static final String STATUS = P + "status";
    static final String THREAD_AFTER = P + "threadAfter";
    static final String FIRST_RESPONSE = P + "firstResponse";
    static final String FEEDBACK = P + "feedback";
    static final String SEEN = P + "seen:";
    static final String CONF = P + "conf:";
    static final String PROPOSED = P + "proposed:";
    static final String BEFORE = P + "before:";

    private static final Set<String> DONE_STATUSES = Set.of("solved", "resolved", "closed", "4", "5", "6", "7");
    private static final int MAX_TEXT = 4000;

    private final OutcomeSettings settings;
    private final CorrectionSink corrections;
    private final Pseudonymizer pseudonymizer;

    private OutcomeTracker(OutcomeSettings settings, CorrectionSink corrections, Pseudonymizer pseudonymizer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.corrections = Objects.requireNonNull(corrections, "corrections");
        this.pseudonymizer = Objects.requireNonNull(pseudonymizer, "pseudonymizer");
    }

    /** Default settings, no correction rows. */
    public static OutcomeTracker defaults() {
        return new OutcomeTracker(OutcomeSettings.defaults(), CorrectionSink.NONE, Pseudonymizer.defaults());
    }

    public static OutcomeTracker of(OutcomeSettings settings) {
        return new OutcomeTracker(settings, CorrectionSink.NONE, Pseudonymizer.defaults());
    }

    /**
     * The same tracker harvesting category corrections into {@code sink}, their text pseudonymized
     * by {@code pseudonymizer}.
     */
    public OutcomeTracker withCorrections(CorrectionSink sink, Pseudonymizer pseudonymizer) {
        return new OutcomeTracker(settings, sink, pseudonymizer);
    }

    public OutcomeSettings settings() {
        return settings;
    }

    /** What {@link #observe} found: outcome and feedback records to hand to the audit sink. */
    public record Seen(List<OutcomeRecord> outcomes, List<FeedbackRecord> feedback) {

        public static final Seen NOTHING = new Seen(List.of(), List.of());

        public Seen {
            outcomes = List.copyOf(outcomes);
            feedback = List.copyOf(feedback);
        }

        public boolean isEmpty() {
            return outcomes.isEmpty() && feedback.isEmpty();
        }
    }

    /**
     * Compares the ticket as it is now with what we decided and wrote before; nothing for a ticket
     * we never decided on. Each finding is reported once: a field is reported again only when its
     * value changes.
     */
    public Seen observe(TicketRef ref, Ticket ticket, WriteLedger state, Instant now) {
        Map<String, String> w = state.written(ref);
        String decision = blankToNull(w.get(DECISION));
        if (decision == null) {
            return Seen.NOTHING;
        }
        boolean shadow = "shadow".equals(w.get(MODE));
        String category = blankToNull(w.get(CATEGORY));
        Map<String, String> updates = new LinkedHashMap<>();
        List<OutcomeRecord> out = new ArrayList<>();
        Context cx = new Context(ref, decision, category, now, out);
        Set<String> tags = lower(ticket.tags());

        if (shadow) {
            w.forEach((key, proposed) -> {
                if (!key.startsWith(PROPOSED) || proposed.isBlank()) {
                    return;
                }
                String writeKey = key.substring(PROPOSED.length());
                String current = currentValue(ticket, writeKey);
                if (current == null) {
                    return;
                }
                OutcomeKind kind;
                if (same(current, proposed)) {
                    kind = OutcomeKind.SHADOW_AGREED;
                } else if (!same(current, blankToNull(w.get(BEFORE + writeKey)))) {
                    kind = OutcomeKind.SHADOW_DISAGREED;
                } else {
                    return; // nobody decided yet: the value is the one the ticket had when we looked
                }
                field(cx, w, updates, ticket, writeKey, proposed, current, kind, true);
            });
        } else {
            boolean touched = touchedSince(w, ticket, tags);
            w.forEach((key, ours) -> {
                if (key.startsWith(P) || ours == null || ours.isBlank()) {
                    return;
                }
                String current = currentValue(ticket, key);
                if (current == null) {
                    return;
                }
                OutcomeKind kind = same(current, ours) ? OutcomeKind.FIELD_KEPT : OutcomeKind.FIELD_CORRECTED;
                if (kind == OutcomeKind.FIELD_KEPT && !touched) {
                    // a poll may bring the ticket back before anyone looked at it: kept means a human saw it
                    return;
                }
                field(cx, w, updates, ticket, key, ours, current, kind, false);
            });
        }
        draft(cx, w, updates, ticket);
        autoReply(cx, w, updates, ticket);
        firstResponse(cx, w, updates, ticket, shadow);

        List<FeedbackRecord> feedback = new ArrayList<>();
        String verdict = tags.contains(settings.badTag()) ? FeedbackRecord.BAD
                : tags.contains(settings.goodTag()) ? FeedbackRecord.GOOD : null;
        if (verdict != null && !verdict.equals(w.get(FEEDBACK))) {
            String tag = verdict.equals(FeedbackRecord.BAD) ? settings.badTag() : settings.goodTag();
            feedback.add(new FeedbackRecord(id(), ref.helpdesk(), ref.ticketId(), now, verdict, "tag:" + tag,
                    category, decision, shadow));
            updates.put(FEEDBACK, verdict);
        }
        if (ticket.status() != null && !ticket.status().equals(w.get(STATUS))) {
            updates.put(STATUS, ticket.status());
        }
        if (!updates.isEmpty()) {
            state.record(ref, updates);
        }
        return new Seen(out, feedback);
    }

    /**
     * Whether someone worked on the ticket since our write: a comment that is not ours, a status
     * change or feedback ({@code tags}: the ticket's, lower-cased).
     */
    private boolean touchedSince(Map<String, String> w, Ticket ticket, Set<String> tags) {
        List<Comment> thread = ticket.comments();
        for (int i = Math.max(0, parseInt(w.get(THREAD_AFTER))); i < thread.size(); i++) {
            Comment c = thread.get(i);
            if (c.author() != AuthorRole.SYSTEM && !NoteRef.isStamped(c)) {
                return true;
            }
        }
        String before = w.get(STATUS);
        if (before != null && ticket.status() != null && !before.equalsIgnoreCase(ticket.status())) {
            return true;
        }
        return tags.contains(settings.goodTag()) || tags.contains(settings.badTag());
    }

    private record Context(TicketRef ref, String decision, String category, Instant now, List<OutcomeRecord> out) {
    }

    private void field(Context cx, Map<String, String> w, Map<String, String> updates, Ticket ticket, String writeKey,
                       String ours, String current, OutcomeKind kind, boolean shadow) {
        String seen = kind.name() + "=" + current;
        if (seen.equals(w.get(SEEN + writeKey))) {
            return;
        }
        updates.put(SEEN + writeKey, seen);
        String field = logicalField(writeKey);
        cx.out().add(new OutcomeRecord(id(), cx.ref().helpdesk(), cx.ref().ticketId(), cx.now(), kind, cx.decision(),
                field, ours, current, cx.category(), parseDouble(w.get(CONF + writeKey)), null, null, shadow));
        boolean correction = kind == OutcomeKind.FIELD_CORRECTED || kind == OutcomeKind.SHADOW_DISAGREED;
        if (correction && field.equals(WriteBack.Field.CATEGORY) && corrections != CorrectionSink.NONE) {
            String text = pseudonymizer.pseudonymize(ticket).ticket().customerText(MAX_TEXT);
            if (!text.isBlank()) {
                corrections.accept(new CorrectionRow(text, current, cx.ref().helpdesk(), cx.ref().ticketId(),
                        cx.now()));
            }
        }
    }

    private void draft(Context cx, Map<String, String> w, Map<String, String> updates, Ticket ticket) {
        Optional<DraftFingerprint> fp = DraftFingerprint.parse(w.get(DRAFT));
        if (fp.isEmpty()) {
            return;
        }
        int after = parseInt(w.get(DRAFT_AFTER));
        List<Comment> thread = ticket.comments();
        for (int i = Math.max(0, after); i < thread.size(); i++) {
            Comment c = thread.get(i);
            if (c.isPublic() && c.author() == AuthorRole.AGENT && !NoteRef.isStamped(c)) {
                double score = fp.get().similarity(DraftFingerprint.of(c.body().text()));
                OutcomeKind kind = score >= settings.draftUsed() ? OutcomeKind.DRAFT_USED
                        : score >= settings.draftEdited() ? OutcomeKind.DRAFT_EDITED : OutcomeKind.DRAFT_IGNORED;
                Long elapsed = seconds(parseMillis(w.get(DRAFT_AT)), c.createdAt());
                cx.out().add(new OutcomeRecord(id(), cx.ref().helpdesk(), cx.ref().ticketId(), cx.now(), kind,
                        cx.decision(), "draft", null, null, cx.category(), null, round(score), elapsed,
                        "true".equals(w.get(DRAFT_SHADOW))));
                updates.put(DRAFT, "");
                return;
            }
        }
    }

    private void autoReply(Context cx, Map<String, String> w, Map<String, String> updates, Ticket ticket) {
        Instant at = parseMillis(w.get(AUTO_AT));
        if (at == null) {
            return;
        }
        if (cx.now().isAfter(at.plus(settings.followUpWindow()))) {
            updates.put(AUTO_AT, ""); // the window passed quietly: the reply held
            return;
        }
        int after = parseInt(w.get(AUTO_AFTER));
        List<Comment> thread = ticket.comments();
        OutcomeKind kind = null;
        Instant when = null;
        for (int i = Math.max(0, after); i < thread.size(); i++) {
            Comment c = thread.get(i);
            if (c.isPublic() && c.author() == AuthorRole.CUSTOMER
                    && (c.createdAt() == null || !c.createdAt().isBefore(at))) {
                kind = OutcomeKind.AUTO_REPLY_FOLLOWED_UP;
                when = c.createdAt();
                break;
            }
        }
        String before = w.get(STATUS);
        if (kind == null && before != null && isDone(before) && ticket.status() != null && !isDone(ticket.status())) {
            kind = OutcomeKind.AUTO_REPLY_REOPENED;
            when = ticket.updatedAt();
        }
        if (kind != null) {
            cx.out().add(new OutcomeRecord(id(), cx.ref().helpdesk(), cx.ref().ticketId(), cx.now(), kind,
                    cx.decision(), "reply", null, null, cx.category(), null, null,
                    seconds(at, when == null ? cx.now() : when), false));
            updates.put(AUTO_AT, "");
        }
    }

    private void firstResponse(Context cx, Map<String, String> w, Map<String, String> updates, Ticket ticket,
                               boolean shadow) {
        if (!isBlank(w.get(FIRST_RESPONSE)) || ticket.createdAt() == null) {
            return;
        }
        for (Comment c : ticket.comments()) {
            if (c.isPublic() && c.author() == AuthorRole.AGENT && c.createdAt() != null) {
                Long elapsed = seconds(ticket.createdAt(), c.createdAt());
                if (elapsed != null) {
                    cx.out().add(new OutcomeRecord(id(), cx.ref().helpdesk(), cx.ref().ticketId(), cx.now(),
                            OutcomeKind.FIRST_RESPONSE, cx.decision(), null, null, null, cx.category(), null, null,
                            elapsed, shadow));
                }
                updates.put(FIRST_RESPONSE, "done");
                return;
            }
        }
    }

    /**
     * Remembers what we decided and wrote (or, with {@code result == null}, in shadow mode would
     * have written) for the next {@link #observe}, and reports a draft offered and an automatic
     * reply sent.
     *
     * @param basis    the ticket the plan was made from
     * @param decision the decision record of the run, or null when none was made
     * @param result   what the write-back did; null in shadow mode
     */
    public List<OutcomeRecord> remember(TicketRef ref, Ticket basis, Assistance assistance, DecisionRecord decision,
                                        WriteBack plan, ApplyResult result, WriteLedger state, Instant now) {
        boolean shadow = result == null;
        String decisionId = decision == null ? UUID.randomUUID().toString() : decision.recordId();
        String category = assistance.triage().category().hasValue()
                ? String.valueOf(assistance.triage().category().value()) : null;
        Map<String, String> u = new LinkedHashMap<>();
        u.put(DECISION, decisionId);
        u.put(CATEGORY, category == null ? "" : category);
        u.put(MODE, shadow ? "shadow" : "live");
        Map<String, String> planned = new LinkedHashMap<>();
        if (plan.priority() != null) {
            planned.put("priority", plan.priority().name());
        }
        if (plan.group() != null) {
            planned.put("group", plan.group());
        }
        plan.fields().forEach((name, value) -> planned.put("field:" + name, value));
        planned.forEach((key, value) -> {
            Double conf = confidence(decision, logicalField(key));
            u.put(CONF + key, conf == null ? "" : Double.toString(conf));
            if (shadow) {
                u.put(PROPOSED + key, value);
                String before = currentValue(basis, key);
                u.put(BEFORE + key, before == null ? "" : before);
                u.put(SEEN + key, "");
            }
        });
        List<OutcomeRecord> out = new ArrayList<>();
        boolean replied = result != null && result.changed().contains("public reply");
        boolean noted = shadow ? plan.internalNote() != null || plan.publicReply() != null
                : result.changed().contains("internal note");
        int threadSize = basis.comments().size();
        u.put(THREAD_AFTER, Integer.toString(threadSize + (replied ? 1 : 0)));
        if (replied) {
            u.put(AUTO_AT, Long.toString(now.toEpochMilli()));
            u.put(AUTO_AFTER, Integer.toString(threadSize));
            out.add(new OutcomeRecord(id(), ref.helpdesk(), ref.ticketId(), now, OutcomeKind.AUTO_REPLY_SENT,
                    decisionId, "reply", null, null, category, null, null, null, false));
        } else if (noted && assistance.draft().isPresent()) {
            u.put(DRAFT, DraftFingerprint.of(assistance.draft().get().body()).encoded());
            u.put(DRAFT_AFTER, Integer.toString(threadSize));
            u.put(DRAFT_AT, Long.toString(now.toEpochMilli()));
            u.put(DRAFT_SHADOW, Boolean.toString(shadow));
            out.add(new OutcomeRecord(id(), ref.helpdesk(), ref.ticketId(), now, OutcomeKind.DRAFT_OFFERED,
                    decisionId, "draft", null, null, category, assistance.draft().get().confidence(), null, null,
                    shadow));
        }
        if (basis.status() != null) {
            u.put(STATUS, basis.status());
        }
        state.record(ref, u);
        return out;
    }

    // ---- helpers

    /** The ticket's value under a write key, null when empty. */
    static String currentValue(Ticket t, String writeKey) {
        String v;
        if (writeKey.equals("priority")) {
            v = t.priority() == null ? null : t.priority().name();
        } else if (writeKey.equals("group")) {
            v = t.group();
        } else if (writeKey.startsWith("field:")) {
            v = t.customFields().get(writeKey.substring("field:".length()));
        } else {
            v = null;
        }
        return isBlank(v) ? null : v;
    }

    private static String logicalField(String writeKey) {
        return writeKey.startsWith("field:") ? writeKey.substring("field:".length()) : writeKey;
    }

    private static Double confidence(DecisionRecord decision, String field) {
        if (decision == null) {
            return null;
        }
        return decision.decision(field).map(FieldDecision::confidence).orElse(null);
    }

    /** Text equal ignoring case and blanks, or equal numbers: as the write-back routine compares. */
    static boolean same(String a, String b) {
        return WriteBackRoutine.sameValue(a, b);
    }

    private static boolean isDone(String status) {
        return DONE_STATUSES.contains(status.strip().toLowerCase(Locale.ROOT));
    }

    private static Set<String> lower(Set<String> tags) {
        Set<String> out = new java.util.HashSet<>();
        tags.forEach(t -> out.add(t.strip().toLowerCase(Locale.ROOT)));
        return out;
    }

    private static Long seconds(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return null;
        }
        return Duration.between(from, to).toSeconds();
    }

    private static Double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s;
    }

    private static Double parseDouble(String s) {
        try {
            return isBlank(s) ? null : Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int parseInt(String s) {
        try {
            return isBlank(s) ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant parseMillis(String s) {
        try {
            return isBlank(s) ? null : Instant.ofEpochMilli(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}

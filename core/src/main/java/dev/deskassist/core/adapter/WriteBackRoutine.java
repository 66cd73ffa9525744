package dev.deskassist.core.adapter;

import dev.deskassist.core.adapter.WriteBackException.Kind;
import dev.deskassist.core.adapter.WriteTarget.Concurrency;
import dev.deskassist.core.adapter.WriteTarget.Sent;
import dev.deskassist.core.http.ConflictException;
import dev.deskassist.core.http.HttpApiException;
import dev.deskassist.core.http.TransportException;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link WriteBack} plan to one ticket, the same way for every helpdesk: translate →
 * keep human edits → diff → concurrency check → send → verify → (conflict or lost answer: re-read,
 * rebase, retry, bounded). The helpdesk parts come from a {@link WriteTarget}.
 *
 * <ul>
 *   <li><b>Nothing to change, no request.</b> The diff ({@link WriteBackDiff}) drops what is
 *       already so; a closed ticket is {@link Kind#REJECTED} without a request.</li>
 *   <li><b>A human always wins.</b> Across events: priority, group and each field are written only
 *       while the ticket's value is empty (or a declared helpdesk default) or still the value the
 *       {@link WriteLedger} says we wrote last; otherwise the value is kept and reported in
 *       {@link ApplyResult#keptHuman()}. Within one apply: an edit between our read and our write
 *       is found by the concurrency check and the plan is rebased ({@link WriteBackDiff#rebase}).</li>
 *   <li><b>Concurrency.</b> {@link Concurrency#COMPARE_AND_SET}: the helpdesk refuses a stale write
 *       (409), the routine re-reads, rebases and tries again. {@link Concurrency#CLIENT_CHECK}: the
 *       routine re-reads the version right before writing values and rebases when it moved. This
 *       leaves a window of one round trip (between that read and the write landing) in which a
 *       human edit of the same value can still be overwritten; the helpdesk offers nothing to close
 *       it. The ledger then holds our value, so the human's next edit wins again on later events.</li>
 *   <li><b>Verification.</b> The values in the helpdesk's answer (or a re-read when the answer holds
 *       no ticket) are compared with what was sent; values it answered differently (silently
 *       ignored, e.g. a field the API user may not write) go to {@link ApplyResult#ignored()}, never
 *       to {@code changed}, and are not recorded as ours.</li>
 *   <li><b>Idempotent notes.</b> Every internal note ends with a {@link NoteRef} line
 *       ({@code DeskAssist ref: <key>}, key from {@link WriteBack#idempotencyKey()} or a hash of ticket
 *       id and text) and is posted only when no internal comment carries that key yet. When a write's
 *       answer is lost (timeout, reset), the ticket is re-read and the diff decides what is still
 *       missing, so a note created before the answer was lost is never posted twice. With
 *       {@link Concurrency#CLIENT_CHECK} (no version guards the note), applies to one ticket run one
 *       at a time within the routine, and a note key posted once is not posted again, so two
 *       concurrent calls from stale reads still give one note; across processes the pipeline's
 *       per-ticket claim does the same.</li>
 *   <li><b>Errors.</b> Failed calls map to a {@link Kind} in one place ({@link WriteTarget#classify});
 *       the exception carries the partial result and the helpdesk's {@code Retry-After}.</li>
 * </ul>
 *
 * <p>Thread-safe; one routine per adapter. {@link ApplyResult#requests()} counts sends and
 * re-reads (a re-read counts once, however many pages it took).
 */
public final class WriteBackRoutine {

    /** Re-read-and-retry rounds after conflicts or lost answers, unless configured. */
    public static final int DEFAULT_MAX_RETRIES = 3;

    private static final Logger log = LoggerFactory.getLogger(WriteBackRoutine.class);

    private final WriteTarget target;
    private final WriteLedger ledger;
    private final int maxRetries;
    /** Shared by the copies {@link #withLedger} makes, so that every apply of one target meets the same guards. */
    private final NoteGuards guards;

    /** A routine with an in-memory ledger and the default retry bound. */
    public WriteBackRoutine(WriteTarget target) {
        this(target, WriteLedger.inMemory(), DEFAULT_MAX_RETRIES);
    }

    /**
     * @param ledger     remembers what we wrote, so that later events leave human edits alone
     * @param maxRetries re-read-and-retry rounds after a conflict or a lost answer (0 = none)
     */
    public WriteBackRoutine(WriteTarget target, WriteLedger ledger, int maxRetries) {
        this(target, ledger, maxRetries, new NoteGuards());
    }

    private WriteBackRoutine(WriteTarget target, WriteLedger ledger, int maxRetries, NoteGuards guards) {
        this.target = Objects.requireNonNull(target, "target");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        this.maxRetries = maxRetries;
        this.guards = guards;
    }

    /** The same routine writing to another ledger (e.g. the pipeline's durable one). */
    public WriteBackRoutine withLedger(WriteLedger other) {
        return other == ledger ? this : new WriteBackRoutine(target, other, maxRetries, guards);
    }

    public WriteLedger ledger() {
        return ledger;
    }

    /**
     * Reads the ticket, then applies the plan to it.
     *
     * @throws WriteBackException when the plan could not be applied completely
     */
    public ApplyResult apply(TicketRef ref, WriteBack plan) {
        Run run = new Run(ref, plan);
        return serialized(ref, () -> run.apply(run.read(), true));
    }

    /**
     * Applies a plan made from {@code basis} (a ticket the same target read). An edit made after
     * {@code basis} was read wins over the plan.
     *
     * @throws WriteBackException when the plan could not be applied completely
     */
    public ApplyResult apply(TicketRef ref, Ticket basis, WriteBack plan) {
        Objects.requireNonNull(basis, "basis");
        Run run = new Run(ref, plan);
        return serialized(ref, () -> run.apply(basis, false));
    }

    /** Without a version to guard writes, one apply per ticket at a time; a compare-and-set needs no lock. */
    private ApplyResult serialized(TicketRef ref, java.util.function.Supplier<ApplyResult> apply) {
        if (target.concurrency() != Concurrency.CLIENT_CHECK) {
            return apply.get();
        }
        synchronized (guards.lock(ref)) {
            return apply.get();
        }
    }

    /** Per-ticket locks (striped) and the note keys this process posted, for {@link Concurrency#CLIENT_CHECK}. */
    private static final class NoteGuards {
        private static final int STRIPES = 64;
        private static final int KEYS_KEPT = 10_000;

        private final Object[] locks = new Object[STRIPES];
        private final Map<String, Boolean> posted = java.util.Collections.synchronizedMap(
                new LinkedHashMap<>(256, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                        return size() > KEYS_KEPT;
                    }
                });

        NoteGuards() {
            for (int i = 0; i < locks.length; i++) {
                locks[i] = new Object();
            }
        }

        Object lock(TicketRef ref) {
            return locks[Math.floorMod(ref.hashCode(), locks.length)];
        }

        boolean posted(TicketRef ref, String token) {
            return token != null && posted.containsKey(ref + "\n" + token);
        }

        void remember(TicketRef ref, String token) {
            if (token != null) {
                posted.put(ref + "\n" + token, Boolean.TRUE);
            }
        }
    }

    /** The state of one apply call. */
    private final class Run {
        private final TicketRef ref;
        private final WriteBack plan;
        private final List<String> changed = new ArrayList<>();
        private final Set<String> skipped = new LinkedHashSet<>();
        private final Set<String> keptHuman = new LinkedHashSet<>();
        private final Set<String> ignored = new LinkedHashSet<>();
        private final Map<String, String> ours = new HashMap<>();
        private int requests;
        private int conflicts;
        private int retries;

        Run(TicketRef ref, WriteBack plan) {
            this.ref = Objects.requireNonNull(ref, "ref");
            this.plan = Objects.requireNonNull(plan, "plan");
        }

        ApplyResult apply(Ticket basis, boolean justRead) {
            List<String> untranslated = new ArrayList<>();
            WriteBack pending = stampNote(target.translate(plan, untranslated));
            skipped.addAll(untranslated);
            if (target.concurrency() == Concurrency.CLIENT_CHECK && pending.internalNote() != null
                    && guards.posted(ref, NoteRef.tokenOf(pending.internalNote()))) {
                // posted by an earlier call whose read (or the basis of this one) may not show it yet
                skipped.add("internal note (already posted)");
                pending = pending.toBuilder().internalNote(null).build();
            }
            ours.putAll(ledger.written(ref));
            Ticket current = basis;
            // true while current was read by this call and nothing was written since
            boolean fresh = justRead;
            while (true) {
                pending = keepHumanEdits(pending, current);
                WriteBackDiff.Changes changes = WriteBackDiff.diff(pending, current, target::supportsField);
                skipped.addAll(changes.skipped());
                if (changes.isEmpty()) {
                    ApplyResult r = result(conflicts);
                    log.debug("{}: applied {} in {} requests, {} conflicts", ref,
                            changed.isEmpty() ? "nothing" : changed, requests, conflicts);
                    return r;
                }
                if (target.isClosed(current)) {
                    throw new WriteBackException(ref, Kind.REJECTED, "ticket is closed; no update is accepted",
                            result(conflicts), null);
                }
                if (!fresh && needsFreshRead(changes, current)) {
                    Ticket latest = read();
                    if (target.concurrency() == Concurrency.CLIENT_CHECK && moved(current, latest)) {
                        countConflict(null);
                        log.info("{}: changed since it was read, rebasing the plan", ref);
                    }
                    pending = rebase(pending, current, latest);
                    current = latest;
                    fresh = true;
                    continue;
                }
                if (target.concurrency() == Concurrency.COMPARE_AND_SET && current.version() == null) {
                    throw new WriteBackException(ref, Kind.REJECTED,
                            "the helpdesk gave no version to make the write conditional on", result(conflicts), null);
                }
                Sent sent;
                try {
                    requests++;
                    sent = target.send(ref, changes, current);
                } catch (ConflictException e) {
                    if (target.concurrency() != Concurrency.COMPARE_AND_SET) {
                        throw failure(e);
                    }
                    countConflict(e);
                    log.info("{}: changed meanwhile (409), re-reading and rebasing the plan", ref);
                    Ticket latest = read();
                    adoptInDoubt(changes, latest);
                    pending = rebase(pending, current, latest);
                    current = latest;
                    fresh = true;
                    continue;
                } catch (TransportException e) {
                    // the write may have landed and only its answer got lost: read, and let the diff decide
                    if (++retries > maxRetries) {
                        throw failure(e);
                    }
                    log.info("{}: no answer to a write ({}), re-reading before trying again", ref,
                            e.isTimeout() ? "timeout" : "connection");
                    Ticket latest = read();
                    adoptInDoubt(changes, latest);
                    pending = rebase(pending, current, latest);
                    current = latest;
                    fresh = true;
                    continue;
                } catch (HttpApiException e) {
                    throw failure(e);
                }
                current = afterSend(changes, sent, current);
                pending = without(pending, sent);
                fresh = false;
            }
        }

        /** CAS needs a version to send; a client check needs a read right before values are written. */
        private boolean needsFreshRead(WriteBackDiff.Changes changes, Ticket current) {
            if (target.concurrency() == Concurrency.COMPARE_AND_SET) {
                return current.version() == null;
            }
            return changes.hasValues();
        }

        /** Without a version on the ticket we read, only the value-by-value rebase can tell. */
        private boolean moved(Ticket before, Ticket after) {
            return before.version() != null && !before.version().equals(after.version());
        }

        private void countConflict(ConflictException cause) {
            conflicts++;
            if (conflicts > maxRetries) {
                throw new WriteBackException(ref, Kind.CONFLICT, "ticket changed during " + conflicts + " attempts",
                        result(conflicts - 1), cause);
            }
        }

        private Ticket read() {
            requests++;
            try {
                return target.fetch(ref);
            } catch (HttpApiException e) {
                throw failure(e);
            }
        }

        private WriteBackException failure(HttpApiException e) {
            return new WriteBackException(ref, target.classify(e), e.getMessage(), result(conflicts), e);
        }

        private ApplyResult result(int conflictsRetried) {
            return new ApplyResult(ref, changed, List.copyOf(skipped), requests, conflictsRetried,
                    List.copyOf(keptHuman), List.copyOf(ignored));
        }

        private WriteBack stampNote(WriteBack p) {
            if (p.internalNote() == null) {
                return p;
            }
            String token = NoteRef.token(ref.ticketId(), p.internalNote(), p.idempotencyKey());
            return p.toBuilder().internalNote(NoteRef.stamp(p.internalNote(), token)).build();
        }

        private WriteBack rebase(WriteBack pending, Ticket basis, Ticket latest) {
            WriteBackDiff.Rebased r = WriteBackDiff.rebase(pending, basis, latest);
            for (String d : r.dropped()) {
                skipped.add(d);
                keptHuman.add(d.substring(0, d.indexOf(" (")));
            }
            return r.plan();
        }

        /**
         * Drops planned values a human set: the ticket holds something that is neither empty, nor a
         * helpdesk default, nor what we wrote last, nor what we plan anyway.
         */
        private WriteBack keepHumanEdits(WriteBack p, Ticket current) {
            boolean keepPriority = p.priority() != null && !mayWrite(WriteKeys.PRIORITY,
                    current.priority() == null ? null : current.priority().name(), p.priority().name());
            boolean keepGroup = p.group() != null && !mayWrite(WriteKeys.GROUP, current.group(), p.group());
            Set<String> keepFields = new LinkedHashSet<>();
            p.fields().forEach((name, value) -> {
                if (!mayWrite(WriteKeys.field(name), current.customFields().get(name), value)) {
                    keepFields.add(name);
                }
            });
            if (!keepPriority && !keepGroup && keepFields.isEmpty()) {
                return p;
            }
            WriteBack.Builder b = WriteBack.builder(p.ticketId()).priority(keepPriority ? null : p.priority())
                    .group(keepGroup ? null : p.group()).internalNote(p.internalNote()).publicReply(p.publicReply())
                    .idempotencyKey(p.idempotencyKey());
            p.tagsToAdd().forEach(b::addTag);
            p.fields().forEach((name, value) -> {
                if (!keepFields.contains(name)) {
                    b.field(name, value);
                }
            });
            if (keepPriority) {
                kept("priority");
            }
            if (keepGroup) {
                kept("group");
            }
            keepFields.forEach(name -> kept("field " + name));
            return b.build();
        }

        private void kept(String what) {
            keptHuman.add(what);
            skipped.add(what + " (kept: changed by a human)");
        }

        private boolean mayWrite(String key, String currentValue, String planned) {
            if (currentValue == null || currentValue.isBlank() || target.isDefault(key, currentValue)
                    || sameValue(currentValue, planned)) {
                return true;
            }
            String last = ours.get(key);
            return last != null && sameValue(last, currentValue);
        }

        /** Values of a write that failed without a clear answer, found on the ticket afterwards, count as ours. */
        private void adoptInDoubt(WriteBackDiff.Changes changes, Ticket latest) {
            Map<String, String> found = new LinkedHashMap<>();
            confirmed(changes, latest, found, null);
            if (!found.isEmpty()) {
                ledger.record(ref, found);
                ours.putAll(found);
            }
        }

        private Ticket afterSend(WriteBackDiff.Changes changes, Sent sent, Ticket current) {
            skipped.addAll(sent.findings());
            Ticket answered = sent.answered();
            if (sent.values()) {
                if (answered == null) {
                    answered = read();
                }
                Map<String, String> written = new LinkedHashMap<>();
                List<String> confirmedTags = new ArrayList<>();
                confirmed(changes, answered, written, confirmedTags);
                if (!written.isEmpty()) {
                    ledger.record(ref, written);
                    ours.putAll(written);
                }
                describeWritten(changes, written, confirmedTags);
            }
            if (sent.internalNote()) {
                changed.add("internal note");
                if (target.concurrency() == Concurrency.CLIENT_CHECK) {
                    // only consulted there; a compare-and-set target's note is guarded by the version
                    guards.remember(ref, NoteRef.tokenOf(changes.internalNote()));
                }
            }
            if (sent.publicReply()) {
                changed.add("public reply");
            }
            if (answered == null) {
                return current;
            }
            // a write's answer usually holds the ticket without its thread; the thread only grew
            return answered.comments().isEmpty() && !current.comments().isEmpty()
                    ? answered.toBuilder().comments(current.comments()).build() : answered;
        }

        /**
         * Compares what {@code changes} wrote with {@code ticket}: equal values go to {@code written}
         * (by write key), tags found to {@code tags}; when {@code tags} is given (a real answer, not a
         * re-read after a lost one), values answered differently are reported as ignored.
         */
        private void confirmed(WriteBackDiff.Changes changes, Ticket ticket, Map<String, String> written,
                               List<String> tags) {
            boolean report = tags != null;
            if (changes.priority() != null) {
                if (changes.priority() == ticket.priority()) {
                    written.put(WriteKeys.PRIORITY, changes.priority().name());
                } else if (report) {
                    ignored("priority");
                }
            }
            if (changes.group() != null) {
                if (sameValue(changes.group(), ticket.group())) {
                    written.put(WriteKeys.GROUP, changes.group());
                } else if (report) {
                    ignored("group");
                }
            }
            changes.fields().forEach((name, value) -> {
                if (sameValue(value, ticket.customFields().get(name))) {
                    written.put(WriteKeys.field(name), value);
                } else if (report) {
                    ignored("field " + name);
                }
            });
            if (report) {
                Set<String> have = new LinkedHashSet<>();
                ticket.tags().forEach(t -> have.add(WriteBackDiff.normalizeTag(t)));
                for (String t : changes.newTags()) {
                    if (have.contains(t)) {
                        tags.add(t);
                    } else {
                        ignored("tag " + t);
                    }
                }
            }
        }

        private void ignored(String what) {
            ignored.add(what);
            skipped.add(what + " (ignored by the helpdesk)");
        }

        private void describeWritten(WriteBackDiff.Changes changes, Map<String, String> written,
                                     List<String> tags) {
            if (!tags.isEmpty()) {
                changed.add("tags +" + tags.stream().sorted().toList());
            }
            if (written.containsKey(WriteKeys.PRIORITY)) {
                changed.add("priority " + changes.priority().name().toLowerCase(Locale.ROOT));
            }
            if (written.containsKey(WriteKeys.GROUP)) {
                changed.add("group " + changes.group());
            }
            changes.fields().keySet().stream().filter(n -> written.containsKey(WriteKeys.field(n)))
                    .forEach(n -> changed.add("field " + n));
        }

        private WriteBack without(WriteBack p, Sent sent) {
            WriteBack.Builder b = WriteBack.builder(p.ticketId()).idempotencyKey(p.idempotencyKey())
                    .internalNote(sent.internalNote() ? null : p.internalNote())
                    .publicReply(sent.publicReply() ? null : p.publicReply());
            if (!sent.values()) {
                b.priority(p.priority()).group(p.group());
                p.tagsToAdd().forEach(b::addTag);
                p.fields().forEach(b::field);
            }
            return b.build();
        }
    }

    /** Values compare as text, ignoring case and surrounding blanks, and as numbers when both are. */
    public static boolean sameValue(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        String x = a.strip();
        String y = b.strip();
        if (x.equalsIgnoreCase(y)) {
            return true;
        }
        if (x.length() > 40 || y.length() > 40) {
            return false;
        }
        try {
            return new BigDecimal(x).compareTo(new BigDecimal(y)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The {@link WriteLedger} keys. */
    static final class WriteKeys {
        static final String PRIORITY = "priority";
        static final String GROUP = "group";

        private WriteKeys() {
        }

        static String field(String name) {
            return "field:" + name;
        }
    }
}

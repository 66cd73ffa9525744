package dev.deskassist.core.report;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.audit.DecisionRecord;
import dev.deskassist.core.audit.FeedbackRecord;
import dev.deskassist.core.audit.FieldDecision;
import dev.deskassist.core.audit.OutcomeKind;
import dev.deskassist.core.audit.OutcomeRecord;
import dev.deskassist.core.audit.WriteOutcome;
import dev.deskassist.core.json.JsonFields;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decision, outcome and feedback records read back from JSON-lines audit files (as
 * {@link dev.deskassist.core.audit.JsonLinesAuditSink} writes them), from a point in time on.
 * Reading never fails on content: a truncated or unreadable line, an unknown record type, a
 * record without its ids, a record of another library version, unknown members, a duplicated
 * record id and timestamps out of order are counted in {@link #problems()} (the usable parts are
 * used), so that a report can say what it left out. Only a file that cannot be opened throws.
 */
public final class AuditLog {

    private static final Set<String> DECISION_KEYS = Set.of("recordId", "ticketId", "at", "libraryVersion",
            "decisions", "timingsMicros", "problems", "helpdesk", "outcome");
    private static final Set<String> OUTCOME_KEYS = Set.of("type", "recordId", "helpdesk", "ticketId", "at", "kind",
            "decisionRecordId", "field", "from", "to", "category", "confidence", "score", "elapsedSeconds", "shadow");
    private static final Set<String> FEEDBACK_KEYS = Set.of("type", "recordId", "helpdesk", "ticketId", "at",
            "verdict", "source", "category", "decisionRecordId", "shadow");

    /**
     * What reading found besides usable records.
     *
     * @param lines        non-blank lines read
     * @param beforeSince  records older than the start of the period (not used)
     * @param malformed    lines that are not a JSON object, e.g. a line cut off by a crash (not used)
     * @param unknownType  records of a type this version does not know (not used)
     * @param invalid      records without an id, a ticket or a readable time, or with an unknown kind (not used)
     * @param duplicates   records whose id was seen before (not used again)
     * @param otherVersion decision records written by another library version (used)
     * @param unknownFields records with members this version does not know (used)
     * @param outOfOrder   records older than the one before them in the same file (used; order does not matter)
     */
    public record Problems(long lines, long beforeSince, long malformed, long unknownType, long invalid,
                           long duplicates, long otherVersion, long unknownFields, long outOfOrder) {

        /** Records read but not used. */
        public long skipped() {
            return malformed + unknownType + invalid + duplicates;
        }
    }

    private final List<DecisionRecord> decisions;
    private final List<OutcomeRecord> outcomes;
    private final List<FeedbackRecord> feedback;
    private final Problems problems;
    private final Instant since;

    private AuditLog(Instant since, List<DecisionRecord> decisions, List<OutcomeRecord> outcomes,
                     List<FeedbackRecord> feedback, Problems problems) {
        this.since = since;
        this.decisions = List.copyOf(decisions);
        this.outcomes = List.copyOf(outcomes);
        this.feedback = List.copyOf(feedback);
        this.problems = problems;
    }

    /**
     * Reads every file, keeping records at or after {@code since} ({@code null}: all).
     *
     * @throws UncheckedIOException when a file cannot be opened or read
     */
    public static AuditLog read(List<Path> files, Instant since) {
        Reading r = new Reading(since);
        for (Path file : files) {
            // malformed bytes become U+FFFD instead of failing the read: an InputStreamReader given a
            // Charset replaces them; Files.newBufferedReader would throw
            try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8))) {
                r.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read audit file " + file + ": " + e.getMessage(), e);
            }
        }
        return r.result();
    }

    /** Reads JSON lines from {@code in} (one source; order is checked within it). */
    public static AuditLog read(Reader in, Instant since) {
        Reading r = new Reading(since);
        try {
            r.read(in instanceof BufferedReader b ? b : new BufferedReader(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read audit records: " + e.getMessage(), e);
        }
        return r.result();
    }

    public Instant since() {
        return since;
    }

    public List<DecisionRecord> decisions() {
        return decisions;
    }

    public List<OutcomeRecord> outcomes() {
        return outcomes;
    }

    public List<FeedbackRecord> feedback() {
        return feedback;
    }

    public Problems problems() {
        return problems;
    }

    /** The state of one read across files. */
    private static final class Reading {
        private final Instant since;
        private final List<DecisionRecord> decisions = new ArrayList<>();
        private final List<OutcomeRecord> outcomes = new ArrayList<>();
        private final List<FeedbackRecord> feedback = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();
        private long lines;
        private long beforeSince;
        private long malformed;
        private long unknownType;
        private long invalid;
        private long duplicates;
        private long otherVersion;
        private long unknownFields;
        private long outOfOrder;

        Reading(Instant since) {
            this.since = since;
        }

        void read(BufferedReader in) throws IOException {
            Instant previous = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                JsonObject o;
                try {
                    o = JsonFields.parseObject(line);
                } catch (RuntimeException e) {
                    malformed++;
                    continue;
                }
                Instant at = JsonFields.instant(o, "at");
                if (at != null) {
                    if (previous != null && at.isBefore(previous)) {
                        outOfOrder++;
                    }
                    previous = at;
                }
                String type = JsonFields.text(o, "type");
                try {
                    if (type == null) {
                        decision(o, at);
                    } else if (type.equals(OutcomeRecord.TYPE)) {
                        outcome(o, at);
                    } else if (type.equals(FeedbackRecord.TYPE)) {
                        feedback(o, at);
                    } else {
                        unknownType++;
                    }
                } catch (RuntimeException e) {
                    // a member of the wrong JSON type, an out-of-range value: the record is unusable
                    invalid++;
                }
            }
        }

        private boolean usable(JsonObject o, Instant at, Set<String> known) {
            String id = JsonFields.text(o, "recordId");
            if (id == null || JsonFields.text(o, "ticketId") == null || at == null) {
                invalid++;
                return false;
            }
            if (since != null && at.isBefore(since)) {
                beforeSince++;
                return false;
            }
            if (!ids.add(id)) {
                duplicates++;
                return false;
            }
            if (!known.containsAll(o.keySet())) {
                unknownFields++;
            }
            return true;
        }

        private void decision(JsonObject o, Instant at) {
            if (!usable(o, at, DECISION_KEYS)) {
                return;
            }
            String version = JsonFields.text(o, "libraryVersion");
            if (version != null && !version.equals(DeskAssist.VERSION)) {
                otherVersion++;
            }
            List<FieldDecision> fields = new ArrayList<>();
            for (JsonObject d : JsonFields.objects(o, "decisions")) {
                String field = JsonFields.text(d, "field");
                if (field != null) {
                    fields.add(new FieldDecision(field, JsonFields.text(d, "value"), number(d, "confidence", 0.0),
                            List.of(), JsonFields.text(d, "decidedBy")));
                }
            }
            WriteOutcome outcome = enumValue(WriteOutcome.class, JsonFields.text(o, "outcome"));
            decisions.add(new DecisionRecord(JsonFields.text(o, "recordId"), JsonFields.text(o, "ticketId"), at,
                    version, fields, Map.of(), JsonFields.strings(o, "problems"), JsonFields.text(o, "helpdesk"),
                    outcome));
        }

        private void outcome(JsonObject o, Instant at) {
            OutcomeKind kind = enumValue(OutcomeKind.class, JsonFields.text(o, "kind"));
            if (kind == null) {
                invalid++;
                return;
            }
            if (!usable(o, at, OUTCOME_KEYS)) {
                return;
            }
            var seconds = JsonFields.longValue(o, "elapsedSeconds");
            Long elapsed = seconds.isPresent() ? seconds.getAsLong() : null;
            outcomes.add(new OutcomeRecord(JsonFields.text(o, "recordId"), JsonFields.text(o, "helpdesk"),
                    JsonFields.text(o, "ticketId"), at, kind, JsonFields.text(o, "decisionRecordId"),
                    JsonFields.text(o, "field"), JsonFields.text(o, "from"), JsonFields.text(o, "to"),
                    JsonFields.text(o, "category"), number(o, "confidence", null), number(o, "score", null), elapsed,
                    JsonFields.bool(o, "shadow", false)));
        }

        private void feedback(JsonObject o, Instant at) {
            String verdict = JsonFields.text(o, "verdict");
            if (!FeedbackRecord.GOOD.equals(verdict) && !FeedbackRecord.BAD.equals(verdict)) {
                invalid++;
                return;
            }
            if (!usable(o, at, FEEDBACK_KEYS)) {
                return;
            }
            feedback.add(new FeedbackRecord(JsonFields.text(o, "recordId"), JsonFields.text(o, "helpdesk"),
                    JsonFields.text(o, "ticketId"), at, verdict, JsonFields.text(o, "source"),
                    JsonFields.text(o, "category"), JsonFields.text(o, "decisionRecordId"),
                    JsonFields.bool(o, "shadow", false)));
        }

        AuditLog result() {
            return new AuditLog(since, decisions, outcomes, feedback, new Problems(lines, beforeSince, malformed,
                    unknownType, invalid, duplicates, otherVersion, unknownFields, outOfOrder));
        }
    }

    private static Double number(JsonObject o, String key, Double fallback) {
        JsonValue v = o.get(key);
        if (v instanceof JsonNumber n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : fallback;
        }
        return fallback;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "AuditLog[decisions=" + decisions.size() + ", outcomes=" + outcomes.size() + ", feedback="
                + feedback.size() + ", " + problems + "]";
    }
}

package dev.deskassist.core;

import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.summary.Summary;
import dev.deskassist.core.triage.TriageResult;
import dev.deskassist.core.writeback.WriteBack;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What DeskAssist produced for one ticket: the triage, the summary and draft when those skills
 * are on, the write-back plan derived from them, and the problems met on the way (a skill that
 * failed is reported here, not dropped silently).
 */
public record Assistance(
        String ticketId,
        TriageResult triage,
        Summary summaryOrNull,
        Draft draftOrNull,
        WriteBack writeBack,
        List<String> problems,
        Duration elapsed) {

    public Assistance {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(triage, "triage");
        writeBack = writeBack == null ? WriteBack.none(ticketId) : writeBack;
        problems = problems == null ? List.of() : List.copyOf(problems);
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
    }

    public Optional<Summary> summary() {
        return Optional.ofNullable(summaryOrNull);
    }

    public Optional<Draft> draft() {
        return Optional.ofNullable(draftOrNull);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}

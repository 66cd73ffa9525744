package dev.deskassist.core.writeback;

import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.summary.Summary;
import java.util.List;

/**
 * Everything the internal note reports: the values considered with their dispositions, the
 * tags applied and suggested, the escalation, the summary and the draft with the decision
 * about a public reply. {@code summary}, {@code draft} and {@code reply} may be {@code null}.
 */
public record NoteContent(
        List<PlannedValue> values,
        List<String> tagsApplied,
        List<String> tagsSuggested,
        boolean escalate,
        double escalationConfidence,
        List<String> escalationReasons,
        Summary summary,
        Draft draft,
        ReplyDecision reply) {

    public NoteContent {
        values = values == null ? List.of() : List.copyOf(values);
        tagsApplied = tagsApplied == null ? List.of() : List.copyOf(tagsApplied);
        tagsSuggested = tagsSuggested == null ? List.of() : List.copyOf(tagsSuggested);
        escalationReasons = escalationReasons == null ? List.of() : List.copyOf(escalationReasons);
    }

    /** True when the note would tell the agent something new. */
    public boolean hasNews() {
        return summary != null || draft != null || !tagsApplied.isEmpty() || !tagsSuggested.isEmpty()
                || values.stream().anyMatch(v -> v.disposition() == PlannedValue.Disposition.APPLIED
                        || v.disposition() == PlannedValue.Disposition.SUGGESTED
                        || v.disposition() == PlannedValue.Disposition.KEPT);
    }
}

package dev.deskassist.core.triage.rules;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import java.util.List;
import java.util.Objects;

/**
 * What the {@link PriorityPolicy} concluded: the priority decision, the ids of every rule that
 * fired, and the ids of fired cues marked {@code escalate} (legal, fraud, cancellation ...) for
 * the {@link EscalationPolicy}.
 */
public record PriorityAssessment(Decision<Priority> decision, List<String> firedRules, List<String> escalatingCues) {

    public PriorityAssessment {
        Objects.requireNonNull(decision, "decision");
        firedRules = firedRules == null ? List.of() : List.copyOf(firedRules);
        escalatingCues = escalatingCues == null ? List.of() : List.copyOf(escalatingCues);
    }
}

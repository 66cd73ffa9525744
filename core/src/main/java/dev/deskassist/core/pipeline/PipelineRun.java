package dev.deskassist.core.pipeline;

import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One run of a ticket as listeners see it: the ticket, the kinds of the events folded into it
 * (oldest first), which attempt this is (1 for the first) and when the oldest event arrived.
 */
public record PipelineRun(TicketRef ref, List<TicketEvent.Type> types, int attempt, Instant firstReceived,
                          Instant startedAt) {

    public PipelineRun {
        Objects.requireNonNull(ref, "ref");
        types = List.copyOf(types);
    }

    /** How many accepted events this run covers. */
    public int events() {
        return types.size();
    }
}

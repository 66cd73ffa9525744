package dev.deskassist.core.backtest;

import dev.deskassist.core.model.Ticket;
import java.time.Instant;
import java.util.Objects;

/**
 * One ticket of an export as the backtest needs it: what the customer wrote when it was opened,
 * when, what the agents decided, and the agent's first public reply ({@code null} when the export
 * has none). The text is kept in memory for the run only; results hold ids, labels and scores.
 * {@code toString()} shows no text.
 */
public record HistoricalTicket(String id, Instant createdAt, String subject, String description, String channel,
                               HumanDecisions human, String firstAgentReply) {

    public HistoricalTicket {
        Objects.requireNonNull(id, "id");
        subject = subject == null ? "" : subject;
        description = description == null ? "" : description;
        human = human == null ? HumanDecisions.NONE : human;
        firstAgentReply = firstAgentReply == null || firstAgentReply.isBlank() ? null : firstAgentReply;
    }

    /**
     * The ticket as it arrived, for the pipeline: subject, opening message, channel and time only.
     * Tags, group and priority are left out on purpose: in an export they hold the human answer.
     */
    public Ticket asNewTicket() {
        return Ticket.builder(id).subject(subject).description(description).channel(channel)
                .createdAt(createdAt).updatedAt(createdAt).build();
    }

    public boolean hasText() {
        return !subject.isBlank() || !description.isBlank();
    }

    @Override
    public String toString() {
        return "HistoricalTicket[id=" + id + ", createdAt=" + createdAt + ", reply=" + (firstAgentReply != null) + "]";
    }
}

package dev.deskassist.core;

/**
 * Assistance for a ticket could not be produced (triage failed, or the decision could not be
 * recorded). The ticket id is in the message; its text never is.
 */
public class AssistException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    private final String ticketId;

    public AssistException(String ticketId, String message, Throwable cause) {
        super("ticket " + ticketId + ": " + message, cause);
        this.ticketId = ticketId;
    }

    public String ticketId() {
        return ticketId;
    }
}

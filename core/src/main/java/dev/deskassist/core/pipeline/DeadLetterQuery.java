package dev.deskassist.core.pipeline;

import java.util.Objects;

/**
 * Which dead letters to list or replay: all, one helpdesk's, or one by id.
 *
 * @param helpdesk only this helpdesk's entries, or {@code null} for every helpdesk
 * @param id       only the entry with this id, or {@code null} for any
 */
public record DeadLetterQuery(String helpdesk, Long id) {

    private static final DeadLetterQuery ALL = new DeadLetterQuery(null, null);

    public static DeadLetterQuery all() {
        return ALL;
    }

    public static DeadLetterQuery helpdesk(String helpdesk) {
        return new DeadLetterQuery(Objects.requireNonNull(helpdesk, "helpdesk"), null);
    }

    public static DeadLetterQuery id(long id) {
        return new DeadLetterQuery(null, id);
    }

    /** Whether an entry with this helpdesk and id matches (a corrupt row's helpdesk may be unknown). */
    public boolean matches(long entryId, String entryHelpdesk) {
        return (id == null || id == entryId) && (helpdesk == null || helpdesk.equals(entryHelpdesk));
    }
}

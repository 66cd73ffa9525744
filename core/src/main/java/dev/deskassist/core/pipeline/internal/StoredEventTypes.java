package dev.deskassist.core.pipeline.internal;

import dev.deskassist.core.adapter.TicketEvent;

/** How every event store reads back an event kind it stored; one rule, so the stores agree. */
public final class StoredEventTypes {

    private StoredEventTypes() {
    }

    /** An event kind written by a newer version reads as UPDATED: processing fetches the whole ticket anyway. */
    public static TicketEvent.Type read(String name) {
        try {
            return TicketEvent.Type.valueOf(name);
        } catch (RuntimeException e) {
            return TicketEvent.Type.UPDATED;
        }
    }
}

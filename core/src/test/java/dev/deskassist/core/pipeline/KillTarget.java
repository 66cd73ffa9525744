package dev.deskassist.core.pipeline;

import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Run in a child JVM by {@link KillTest}: appends events to the store in {@code args[0]} and prints
 * {@code acked N} after each append returned, as a webhook handler answers 202, until it is killed.
 */
public final class KillTarget {

    private KillTarget() {
    }

    public static void main(String[] args) {
        SqliteEventStore store = SqliteEventStore.open(Path.of(args[0]));
        for (int i = 1; i <= 100_000; i++) {
            store.append(new IncomingEvent(TicketRef.of("zendesk", "T" + (i % 50)), TicketEvent.Type.UPDATED,
                    "d-" + i, Instant.now()), Duration.ofHours(24));
            System.out.println("acked " + i);
            System.out.flush();
        }
    }
}

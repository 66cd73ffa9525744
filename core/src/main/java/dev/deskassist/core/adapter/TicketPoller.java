package dev.deskassist.core.adapter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Lists the tickets a helpdesk changed since a watermark, for helpdesks whose webhooks can be lost
 * (Freshdesk gives up after three retries; ServiceNow's business-rule call never retries). The
 * pipeline calls it every {@link #interval()}, keeps the watermark in its store and enqueues what
 * changed; events of one ticket version are enqueued once, keyed {@code <ticket id>@<version>} —
 * an adapter whose webhooks name the version uses the same delivery id, so a version both
 * delivered and polled runs once.
 */
public interface TicketPoller {

    /** One changed ticket and the version it was seen at (e.g. {@code updated_at}, {@code sys_mod_count}). */
    record Changed(TicketRef ref, String version) {

        public Changed {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * What one poll found, oldest change first, and the watermark for the next poll (the newest
     * change seen, or {@code since} when nothing changed). A poll may stop after a page; the next
     * one continues from the watermark.
     */
    record Page(List<Changed> changed, Instant nextWatermark) {

        public Page {
            changed = List.copyOf(changed);
            Objects.requireNonNull(nextWatermark, "nextWatermark");
        }
    }

    /**
     * The tickets changed at or after {@code since} (overlap is fine: a version seen before is not
     * enqueued twice), excluding changes made by the integration user where the helpdesk can say.
     *
     * @throws dev.deskassist.core.DeskAssistException typed, as every adapter call; the watermark then stays
     */
    Page poll(Instant since);

    /** How often to poll (default 3 minutes). */
    default Duration interval() {
        return Duration.ofMinutes(3);
    }

    /** How far back the very first poll looks, when the store holds no watermark yet (default one interval). */
    default Duration firstLookback() {
        return interval();
    }
}

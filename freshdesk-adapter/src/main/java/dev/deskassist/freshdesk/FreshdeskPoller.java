package dev.deskassist.freshdesk;

import dev.deskassist.core.adapter.TicketPoller;
import dev.deskassist.core.http.ApiClient;
import dev.deskassist.core.http.ApiRequest;
import dev.deskassist.core.http.ApiResponse;
import dev.deskassist.core.json.JsonFields;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the Freshdesk tickets changed since a watermark ({@code GET /api/v2/tickets?updated_since=…
 * &order_by=updated_at&order_type=asc&per_page=100}, following the {@code Link} header), so that an
 * event whose webhook Freshdesk gave up on (after retries 5, 30 and 60 minutes later) is still
 * processed. Each ticket comes with its {@code updated_at} as version; the pipeline enqueues a
 * version once. The list cannot say who changed a ticket, so our own updates are listed too; the
 * pipeline's loop guard then finds nothing new from the customer and writes nothing. One poll reads
 * at most {@link #MAX_PAGES} pages (the list endpoint has a small budget: 20 a minute on Growth);
 * the next one continues from the newest change seen.
 */
public final class FreshdeskPoller implements TicketPoller {

    /** Pages one poll reads at most; Freshdesk itself stops listing after 300. */
    static final int MAX_PAGES = 10;

    private static final Logger log = LoggerFactory.getLogger(FreshdeskPoller.class);

    private final ApiClient client;
    private final FreshdeskMapping mapping;
    private final Duration interval;

    public FreshdeskPoller(ApiClient client, FreshdeskMapping mapping, Duration interval) {
        this.client = Objects.requireNonNull(client, "client");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    @Override
    public Page poll(Instant since) {
        List<Changed> changed = new ArrayList<>();
        Instant newest = since;
        Set<String> seen = new HashSet<>();
        String next = FreshdeskMapping.changedTicketsPath(since);
        int pages = 0;
        while (next != null && pages < MAX_PAGES && seen.add(next)) {
            ApiResponse resp = client.send(ApiRequest.get(next));
            pages++;
            for (Changed c : mapping.changedTickets(FreshdeskAdapter.array(resp))) {
                changed.add(c);
                Instant at = JsonFields.instant(c.version());
                if (at != null && at.isAfter(newest)) {
                    newest = at;
                }
            }
            next = FreshdeskMapping.nextLink(resp.header("Link").orElse(null));
        }
        if (next != null) {
            log.info("freshdesk: poll stopped after {} pages; the next one continues from the newest change", pages);
        }
        return new Page(changed, newest);
    }

    @Override
    public Duration interval() {
        return interval;
    }

    /**
     * Two intervals: until a poll finds a change the pipeline keeps no watermark and looks back this
     * far on every poll, so consecutive polls overlap (a version seen twice is enqueued once) instead
     * of leaving a gap the length of a poll between them.
     */
    @Override
    public Duration firstLookback() {
        return interval.multipliedBy(2);
    }

    @Override
    public String toString() {
        return "FreshdeskPoller[every " + interval + "]";
    }
}

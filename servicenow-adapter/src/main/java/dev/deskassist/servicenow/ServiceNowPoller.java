package dev.deskassist.servicenow;

import dev.deskassist.core.adapter.TicketPoller;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.http.ApiClient;
import dev.deskassist.core.http.ApiRequest;
import dev.deskassist.core.json.JsonFields;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net that makes delivery complete: the business rule's call is never retried by
 * ServiceNow, so every {@link #interval()} this lists the records of the table updated at or
 * after the watermark by anyone but the integration users
 * ({@code sys_updated_on>=…^sys_updated_by!=…^ORDERBYsys_updated_on}, only {@code sys_id},
 * {@code sys_updated_on} and {@code sys_mod_count}), each at its {@code sys_mod_count}.
 *
 * <p>The next watermark is the newest {@code sys_updated_on} seen, but never later than
 * {@value #SETTLE_SECONDS} seconds ago: a record is stamped when its transaction starts and may
 * become visible later, so the last half minute is listed again on the next poll (a version seen
 * before is not enqueued twice). A full page whose records all share the watermark's second is
 * asked again with a larger limit, so a burst cannot stall the poller.
 */
final class ServiceNowPoller implements TicketPoller {

    /** How long a record's stamp may precede its visibility; the watermark stays this far behind now. */
    static final long SETTLE_SECONDS = 30;
    private static final int MAX_GROWTH = 10;

    private static final Logger log = LoggerFactory.getLogger(ServiceNowPoller.class);

    private final ApiClient client;
    private final ServiceNowMapping mapping;
    private final Duration interval;
    private final int pageSize;
    private final String filter;
    private final Clock clock;

    ServiceNowPoller(ApiClient client, ServiceNowMapping mapping, Duration interval, int pageSize, String filter,
                     Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.pageSize = pageSize;
        this.filter = filter;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Page poll(Instant since) {
        Instant from = since.truncatedTo(ChronoUnit.SECONDS);
        int limit = pageSize;
        while (true) {
            JsonObject answer = client.send(ApiRequest.get(mapping.pollPath(from, limit, filter))).json();
            List<JsonObject> rows = JsonFields.objects(answer, "result");
            List<Changed> changed = new ArrayList<>(rows.size());
            Instant newest = null;
            for (JsonObject row : rows) {
                String id = ServiceNowMapping.value(row, "sys_id");
                Instant at = JsonFields.instant(ServiceNowMapping.value(row, "sys_updated_on"));
                if (id == null || !ServiceNowConfig.SYS_ID.matcher(id).matches()) {
                    continue;
                }
                String version = ServiceNowMapping.value(row, "sys_mod_count");
                if (version == null) {
                    version = at == null ? "unknown" : "updated:" + at;
                }
                changed.add(new Changed(TicketRef.of(ServiceNowAdapter.NAME, id), version));
                if (at != null && (newest == null || at.isAfter(newest))) {
                    newest = at;
                }
            }
            boolean full = rows.size() >= limit;
            boolean stalled = full && (newest == null || !newest.isAfter(from));
            if (stalled && limit < pageSize * MAX_GROWTH) {
                limit = Math.min(pageSize * MAX_GROWTH, limit * 4);
                continue;
            }
            Instant next = newest == null ? since : newest;
            if (stalled) {
                log.warn("{}: more than {} records changed within the second at the watermark; moving it on by a "
                        + "second (webhooks still cover those records)", mapping.table(), limit);
                next = from.plusSeconds(1);
            } else {
                Instant settled = clock.instant().minusSeconds(SETTLE_SECONDS).truncatedTo(ChronoUnit.SECONDS);
                if (next.isAfter(settled)) {
                    next = settled;
                }
            }
            if (next.isBefore(since)) {
                next = since;
            }
            log.debug("{}: poll from {} found {} changed records", mapping.table(), from, changed.size());
            return new Page(changed, next);
        }
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public String toString() {
        return "ServiceNowPoller[" + mapping.table() + ", every " + interval + "]";
    }
}

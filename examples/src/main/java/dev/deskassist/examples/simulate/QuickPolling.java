package dev.deskassist.examples.simulate;

import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketPoller;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.adapter.WriteLedger;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An adapter whose poller is asked every {@code every} instead of every few minutes (the shortest
 * a real configuration allows), so that a simulation shows a lost webhook being found in seconds.
 * Everything else goes to the adapter unchanged.
 */
record QuickPolling(HelpdeskAdapter adapter, Duration every, Duration firstLookback) implements HelpdeskAdapter {

    @Override
    public String name() {
        return adapter.name();
    }

    @Override
    public TicketEvent parseWebhook(WebhookRequest request) {
        return adapter.parseWebhook(request);
    }

    @Override
    public Ticket fetch(TicketRef ref) {
        return adapter.fetch(ref);
    }

    @Override
    public ApplyResult apply(TicketRef ref, WriteBack plan) {
        return adapter.apply(ref, plan);
    }

    @Override
    public ApplyResult apply(TicketRef ref, Ticket basis, WriteBack plan) {
        return adapter.apply(ref, basis, plan);
    }

    @Override
    public ApplyResult apply(TicketRef ref, Ticket basis, WriteBack plan, WriteLedger ledger) {
        return adapter.apply(ref, basis, plan, ledger);
    }

    @Override
    public Optional<TicketPoller> poller() {
        return adapter.poller().map(real -> new TicketPoller() {
            @Override
            public Page poll(Instant since) {
                return real.poll(since);
            }

            @Override
            public Duration interval() {
                return every;
            }

            @Override
            public Duration firstLookback() {
                return firstLookback;
            }
        });
    }

    @Override
    public String circuitState() {
        return adapter.circuitState();
    }
}

package dev.deskassist.core.pipeline;

import dev.deskassist.core.adapter.TicketRef;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.MDC;

/**
 * The SLF4J {@link MDC} keys the pipeline sets while it works on one webhook or one run, so that a
 * log pattern such as {@code %X{helpdesk} %X{ticketId} %X{deliveryId}} puts them on every line of
 * that step, ours and the adapter's. Values are ids only, never personal data. The keys are
 * removed again (or given back their earlier values) when the step ends.
 */
public final class LogContext {

    /** The helpdesk's name, e.g. {@code zendesk}. */
    public static final String HELPDESK = "helpdesk";
    /** The ticket's id in its helpdesk. */
    public static final String TICKET_ID = "ticketId";
    /** The delivery id of the webhook; in a run, those of the events folded into it, comma-separated. */
    public static final String DELIVERY_ID = "deliveryId";

    private static final int MAX_DELIVERY_IDS = 5;

    private LogContext() {
    }

    /** Sets the keys given (null values are left out) and remembers what they held before. */
    static Scope open(String helpdesk, String ticketId, String deliveryId) {
        Scope scope = new Scope();
        scope.put(HELPDESK, helpdesk);
        scope.put(TICKET_ID, ticketId);
        scope.put(DELIVERY_ID, deliveryId);
        return scope;
    }

    /** The keys for one run: its ticket and the delivery ids of its events (at most five, then "…"). */
    static Scope open(TicketRef ref, List<String> deliveryIds) {
        String ids = null;
        if (!deliveryIds.isEmpty()) {
            ids = String.join(",", deliveryIds.subList(0, Math.min(MAX_DELIVERY_IDS, deliveryIds.size())))
                    + (deliveryIds.size() > MAX_DELIVERY_IDS ? ",…" : "");
        }
        return open(ref.helpdesk(), ref.ticketId(), ids);
    }

    /** What was set on this thread, to be undone by {@link #close()}. */
    static final class Scope implements AutoCloseable {
        private final List<String[]> previous = new ArrayList<>(3);

        void put(String key, String value) {
            if (value == null) {
                return;
            }
            previous.add(new String[] {key, MDC.get(key)});
            MDC.put(key, value);
        }

        @Override
        public void close() {
            for (int i = previous.size() - 1; i >= 0; i--) {
                String[] p = previous.get(i);
                if (p[1] == null) {
                    MDC.remove(p[0]);
                } else {
                    MDC.put(p[0], p[1]);
                }
            }
            previous.clear();
        }
    }
}

package dev.deskassist.core.pipeline;

import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WebhookRejectedException;
import dev.deskassist.core.adapter.WebhookRejectedException.Reason;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.http.ErrorDetails;
import dev.deskassist.core.http.NotFoundException;
import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * An in-test helpdesk: webhooks are small JSON objects signed with the header
 * {@code X-Test-Signature: valid}; tickets exist unless listed as missing; failures are scripted
 * per ticket; fetches and applies are counted.
 */
final class TestHelpdesk implements HelpdeskAdapter {

    static final String SIGNATURE = "X-Test-Signature";

    private final String name;
    final Set<String> missing = ConcurrentHashMap.newKeySet();
    final Map<String, Deque<RuntimeException>> fetchFailures = new ConcurrentHashMap<>();
    final Map<String, RuntimeException> applyFailures = new ConcurrentHashMap<>();
    final Map<String, List<String>> applySkipped = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> blockFetch = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> fetchEntered = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> applies = new ConcurrentHashMap<>();
    final List<WriteBack> plans = new CopyOnWriteArrayList<>();
    /** The poller this helpdesk offers, if any. */
    volatile dev.deskassist.core.adapter.TicketPoller poller;
    /** Tickets as the helpdesk shows them; a ticket not listed is a fresh one with one message. */
    final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    volatile Function<TicketRef, RuntimeException> fetchRule = ref -> null;
    volatile Supplier<String> circuit = () -> "CLOSED";

    TestHelpdesk(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TicketEvent parseWebhook(WebhookRequest request) {
        if (request.header("X-Test-Explode").isPresent()) {
            throw new IllegalStateException("adapter bug quoting " + request.bodyText());
        }
        String sig = request.header(SIGNATURE).orElseThrow(
                () -> new WebhookRejectedException(Reason.MISSING_SIGNATURE, "no signature header"));
        if (!sig.equals("valid")) {
            throw new WebhookRejectedException(Reason.BAD_SIGNATURE, "signature does not match");
        }
        JsonObject o;
        try (var reader = JsonCodec.jsonp().createReader(new StringReader(request.bodyText()))) {
            o = reader.readObject();
        } catch (RuntimeException e) {
            throw new WebhookRejectedException(Reason.MALFORMED, "not a JSON object", e);
        }
        String type = o.getString("event", "UPDATED");
        if (type.equals("ticket.deleted")) {
            throw new WebhookRejectedException(Reason.UNSUPPORTED_EVENT, "ticket.deleted");
        }
        Set<String> tags = o.containsKey("tags") ? o.getJsonArray("tags").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toSet()) : Set.of();
        return new TicketEvent(TicketRef.of(name, o.getString("ticket_id")), TicketEvent.Type.valueOf(type),
                o.getString("delivery", null), o.getString("actor", null), Instant.now(), tags);
    }

    @Override
    public Ticket fetch(TicketRef ref) {
        String id = ref.ticketId();
        fetches.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        CountDownLatch entered = fetchEntered.get(id);
        if (entered != null) {
            entered.countDown();
        }
        CountDownLatch block = blockFetch.remove(id);
        if (block != null) {
            try {
                if (!block.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test latch never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
        Deque<RuntimeException> scripted = fetchFailures.get(id);
        RuntimeException next = scripted == null ? null : scripted.poll();
        if (next != null) {
            throw next;
        }
        RuntimeException rule = fetchRule.apply(ref);
        if (rule != null) {
            throw rule;
        }
        if (missing.contains(id)) {
            throw new NotFoundException(name, "GET", "/tickets/" + id, ErrorDetails.NONE);
        }
        Ticket listed = tickets.get(id);
        return listed != null ? listed
                : Ticket.builder(id).subject("Rechnung doppelt").description("Ich wurde doppelt belastet.").build();
    }

    @Override
    public ApplyResult apply(TicketRef ref, Ticket basis, WriteBack plan) {
        RuntimeException failure = applyFailures.get(ref.ticketId());
        if (failure != null) {
            throw failure;
        }
        applies.computeIfAbsent(ref.ticketId(), k -> new AtomicInteger()).incrementAndGet();
        plans.add(plan);
        List<String> skipped = applySkipped.getOrDefault(ref.ticketId(), List.of());
        // the routine names what a human kept in keptHuman as well as in skipped
        List<String> kept = skipped.stream().filter(r -> r.contains("changed by") || r.contains("human"))
                .map(r -> r.substring(0, r.indexOf(" ("))).toList();
        return new ApplyResult(ref, List.of("tags +" + plan.tagsToAdd()), skipped, 1, 0, kept, List.of());
    }

    @Override
    public java.util.Optional<dev.deskassist.core.adapter.TicketPoller> poller() {
        return java.util.Optional.ofNullable(poller);
    }

    @Override
    public String circuitState() {
        return circuit.get();
    }

    void failNextFetch(String ticketId, RuntimeException... failures) {
        fetchFailures.computeIfAbsent(ticketId, k -> new ArrayDeque<>()).addAll(List.of(failures));
    }

    int fetchCount(String ticketId) {
        AtomicInteger n = fetches.get(ticketId);
        return n == null ? 0 : n.get();
    }

    int applyCount(String ticketId) {
        AtomicInteger n = applies.get(ticketId);
        return n == null ? 0 : n.get();
    }

    int totalApplies() {
        return applies.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** A circuit that follows a clock: open until a given instant. */
    static Supplier<String> openUntil(Clock clock, java.util.concurrent.atomic.AtomicReference<Instant> until) {
        return () -> {
            Instant u = until.get();
            if (u == null) {
                return "CLOSED";
            }
            return clock.instant().isBefore(u) ? "OPEN" : "HALF_OPEN";
        };
    }
}

package dev.deskassist.freshdesk;

import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.ConfigValues;
import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.HelpdeskConfig;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketPoller;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.adapter.WriteBackDiff;
import dev.deskassist.core.adapter.WriteBackException;
import dev.deskassist.core.adapter.WriteBackRoutine;
import dev.deskassist.core.adapter.WriteLedger;
import dev.deskassist.core.adapter.WriteTarget;
import dev.deskassist.core.http.ApiClient;
import dev.deskassist.core.http.ApiRequest;
import dev.deskassist.core.http.ApiResponse;
import dev.deskassist.core.http.HttpApiException;
import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.json.JsonException;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Freshdesk (API v2) adapter: authenticates automation-rule webhooks ({@link FreshdeskWebhook}),
 * lists changed tickets for the webhooks Freshdesk gave up on ({@link FreshdeskPoller}), reads a
 * ticket with its requester and every conversation page, and writes back through the shared
 * {@link WriteBackRoutine}, supplying only Freshdesk's requests as a {@link WriteTarget}.
 *
 * <p>Freshdesk has no conditional write and puts values and notes on two endpoints, so the
 * routine runs with {@link Concurrency#CLIENT_CHECK}: it re-reads the ticket right before the
 * {@code PUT /api/v2/tickets/{id}} of the changed values and rebases when a human changed
 * something (the human wins), then posts the private note with {@code POST …/notes} unless a
 * conversation already carries its key. The PUT is sent as not repeatable: after an unclear
 * failure the routine re-reads instead of the HTTP client repeating a write that no version guards.
 * The routine runs applies to one ticket one at a time and never posts a note key twice from this
 * process, so two concurrent events for a ticket give one note even from stale reads; across
 * processes the pipeline's per-ticket claim does the same.
 *
 * <p>Field definitions ({@code GET /api/v2/ticket_fields}) are cached for
 * {@link FreshdeskConfig#ticketFieldsTtl()}: they type custom field values before sending, and
 * label custom statuses. Freshdesk's default priority (Low) counts as empty for the human-edit
 * rule ({@link #isDefault}).
 */
public final class FreshdeskAdapter implements HelpdeskAdapter, WriteTarget {

    public static final String NAME = "freshdesk";

    private static final Logger log = LoggerFactory.getLogger(FreshdeskAdapter.class);
    /** 100 conversations per page: a 10,000-message thread is surely a loop, not a conversation. */
    static final int MAX_CONVERSATION_PAGES = 100;
    /** After a failed load of the field definitions, wait this long before the next try. */
    private static final Duration FIELDS_RETRY = Duration.ofMinutes(1);
    private static final Pattern TICKET_ID = Pattern.compile("[1-9][0-9]{0,18}");

    private final FreshdeskConfig config;
    private final ApiClient client;
    private final FreshdeskMapping mapping;
    private final FreshdeskWebhook webhook;
    private final WriteBackRoutine routine;
    private final FreshdeskPoller poller;
    private final Object fieldsLock = new Object();
    // due at once: the first use loads them
    private volatile CachedFields fields = new CachedFields(TicketFields.EMPTY, System.nanoTime());

    private record CachedFields(TicketFields fields, long nextLoadNanos) {
    }

    public FreshdeskAdapter(FreshdeskConfig config) {
        this(config, new OkHttpClient());
    }

    /** Shares an OkHttp client (connection pool, interceptors) with the rest of the application. */
    public FreshdeskAdapter(FreshdeskConfig config, OkHttpClient base) {
        this(config, new ApiClient(HelpdeskConfig.requireValid(config).apiClientConfig(), base));
    }

    /** Uses a ready {@link ApiClient}, e.g. one configured beyond what {@link FreshdeskConfig} offers. */
    public FreshdeskAdapter(FreshdeskConfig config, ApiClient client) {
        this(config, client, WriteLedger.inMemory());
    }

    /**
     * Remembers what it wrote in {@code ledger} (e.g. a durable one), so human edits win across restarts.
     *
     * @throws dev.deskassist.core.adapter.AdapterConfigException listing every problem of {@code config}
     */
    public FreshdeskAdapter(FreshdeskConfig config, ApiClient client, WriteLedger ledger) {
        this.config = HelpdeskConfig.requireValid(config);
        this.client = Objects.requireNonNull(client, "client");
        this.mapping = FreshdeskMapping.of(config);
        // a fetch-and-apply user need not configure a webhook secret; parseWebhook then says it is missing
        this.webhook = ConfigValues.optional(config, "webhookSecret").isEmpty() ? null : FreshdeskWebhook.of(config);
        this.routine = new WriteBackRoutine(this, ledger, config.maxConflictRetries());
        this.poller = config.poll() ? new FreshdeskPoller(client, mapping, config.pollInterval()) : null;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TicketEvent parseWebhook(WebhookRequest request) {
        return (webhook != null ? webhook : FreshdeskWebhook.of(config)).parse(request);
    }

    @Override
    public Optional<TicketPoller> poller() {
        return Optional.ofNullable(poller);
    }

    @Override
    public Ticket fetch(TicketRef ref) {
        String id = checkRef(ref);
        JsonObject ticket = client.send(ApiRequest.get(FreshdeskMapping.ticketPath(id))).json();
        List<JsonObject> conversations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = FreshdeskMapping.conversationsPath(id);
        for (int page = 0; next != null; page++) {
            if (page >= MAX_CONVERSATION_PAGES || !seen.add(next)) {
                log.warn("freshdesk ticket {}: stopped reading conversations after {} pages", id, page);
                break;
            }
            ApiResponse resp = client.send(ApiRequest.get(next));
            for (jakarta.json.JsonValue v : array(resp)) {
                if (v instanceof JsonObject c) {
                    conversations.add(c);
                }
            }
            next = FreshdeskMapping.nextLink(resp.header("Link").orElse(null));
        }
        log.debug("freshdesk ticket {}: {} conversations", id, conversations.size());
        // only a custom status needs the definitions; a failed load leaves it as its number
        TicketFields defs = FreshdeskMapping.hasCustomStatus(ticket) ? fields(false) : fields.fields();
        return mapping.toTicket(ticket, conversations, defs);
    }

    @Override
    public ApplyResult apply(TicketRef ref, WriteBack plan) {
        checkRef(ref);
        return withFields(ref, plan, () -> routine.apply(ref, plan));
    }

    @Override
    public ApplyResult apply(TicketRef ref, Ticket basis, WriteBack plan) {
        checkRef(ref);
        return withFields(ref, plan, () -> routine.apply(ref, basis, plan));
    }

    @Override
    public ApplyResult apply(TicketRef ref, Ticket basis, WriteBack plan, WriteLedger ledger) {
        checkRef(ref);
        return withFields(ref, plan, () -> routine.withLedger(ledger).apply(ref, basis, plan));
    }

    /** The field definitions loaded first when the plan writes fields: they type the values. */
    private ApplyResult withFields(TicketRef ref, WriteBack plan, Supplier<ApplyResult> apply) {
        if (!plan.fields().isEmpty()) {
            try {
                fields(true);
            } catch (HttpApiException e) {
                throw new WriteBackException(ref, classify(e), "cannot read the ticket field definitions: "
                        + e.getMessage(), null, e);
            }
        }
        return apply.get();
    }

    // ---- WriteTarget: the Freshdesk half of the write-back routine ------------------------------

    @Override
    public Concurrency concurrency() {
        return Concurrency.CLIENT_CHECK;
    }

    @Override
    public WriteBack translate(WriteBack plan, List<String> skipped) {
        return mapping.translate(plan, skipped, fields.fields());
    }

    @Override
    public boolean supportsField(String logicalName) {
        return mapping.supportsField(logicalName);
    }

    /** Freshdesk gives every ticket a priority, Low unless someone chose another: Low counts as empty. */
    @Override
    public boolean isDefault(String writeKey, String value) {
        return "priority".equals(writeKey) && Priority.LOW.name().equalsIgnoreCase(value);
    }

    @Override
    public Sent send(TicketRef ref, WriteBackDiff.Changes changes, Ticket current) {
        String id = checkRef(ref);
        if (changes.hasValues()) {
            // no version guards this write, so it is not repeated blindly: the routine re-reads first
            ApiResponse resp = client.send(ApiRequest.put(FreshdeskMapping.updatePath(id),
                    mapping.updateBody(changes, fields.fields())).idempotent(false));
            return new Sent(true, false, false, mapping.toTicket(resp.json(), List.of(), fields.fields()));
        }
        if (changes.internalNote() != null) {
            client.send(ApiRequest.post(FreshdeskMapping.notesPath(id), FreshdeskMapping.noteBody(changes.internalNote())));
            return new Sent(false, true, false, null);
        }
        throw new IllegalArgumentException("the Freshdesk adapter sends no public replies");
    }

    // ---- field definitions -----------------------------------------------------------------------

    /**
     * The cached definitions, loaded when stale. When a load fails, {@code required} rethrows; else
     * the last definitions (or none) serve until the next try, a minute later.
     */
    TicketFields fields(boolean required) {
        CachedFields cached = fields;
        if (System.nanoTime() - cached.nextLoadNanos() < 0 && !(required && cached.fields().isEmpty())) {
            return cached.fields();
        }
        synchronized (fieldsLock) {
            cached = fields;
            if (System.nanoTime() - cached.nextLoadNanos() < 0 && !(required && cached.fields().isEmpty())) {
                return cached.fields();
            }
            try {
                TicketFields loaded = TicketFields.parse(array(client.send(ApiRequest.get(FreshdeskMapping.ticketFieldsPath()))));
                fields = new CachedFields(loaded, System.nanoTime() + config.ticketFieldsTtl().toNanos());
                log.debug("freshdesk: loaded {}", loaded);
                return loaded;
            } catch (HttpApiException | JsonException e) {
                fields = new CachedFields(cached.fields(), System.nanoTime() + FIELDS_RETRY.toNanos());
                if (required && cached.fields().isEmpty()) {
                    throw e;
                }
                log.warn("freshdesk: ticket field definitions not refreshed ({}); using the last ones",
                        e.getClass().getSimpleName());
                return cached.fields();
            }
        }
    }

    static JsonArray array(ApiResponse resp) {
        try (JsonReader r = JsonCodec.jsonp().createReader(new StringReader(resp.body()))) {
            return r.readArray();
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            throw new JsonException("response body is not a JSON array (" + resp.body().length() + " chars)", e);
        }
    }

    static String checkRef(TicketRef ref) {
        return Objects.requireNonNull(ref, "ref").idFor(NAME, TICKET_ID, "positive numbers");
    }

    @Override
    public String circuitState() {
        return client.circuitState();
    }

    /** The HTTP client, e.g. for health checks. */
    public ApiClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "FreshdeskAdapter[" + client.config().baseUrl() + "]";
    }
}

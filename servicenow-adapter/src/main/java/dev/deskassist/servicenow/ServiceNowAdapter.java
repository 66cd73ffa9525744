package dev.deskassist.servicenow;

import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.ConfigValues;
import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.HelpdeskConfig;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketPoller;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.adapter.WriteBackDiff;
import dev.deskassist.core.adapter.WriteBackRoutine;
import dev.deskassist.core.adapter.WriteLedger;
import dev.deskassist.core.adapter.WriteTarget;
import dev.deskassist.core.http.ApiClient;
import dev.deskassist.core.http.ApiRequest;
import dev.deskassist.core.http.ApiResponse;
import dev.deskassist.core.json.JsonFields;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ServiceNow adapter (Table API; {@code incident} by default, {@code sn_customerservice_case}
 * by configuration): verifies the shipped business rule's calls ({@link ServiceNowWebhook}), polls
 * for what such a call missed ({@link #poller()}), reads a record with its journal, and writes back
 * through the shared {@link WriteBackRoutine}, supplying only ServiceNow's requests as a
 * {@link WriteTarget}.
 *
 * <p><b>Reading.</b> The record with the fields needed (display and raw values, the caller
 * dot-walked), then its {@code sys_journal_field} rows, page by page. That table has a read ACL of
 * its own, and when it filters the integration user out ServiceNow answers 200 with an empty list:
 * if the record's journal fields show entries nonetheless, one warning names the missing
 * permission and the thread is read from the display values instead.
 *
 * <p><b>Writing.</b> ServiceNow has no conditional write ({@link Concurrency#CLIENT_CHECK}, version =
 * {@code sys_mod_count}): the routine re-reads right before writing and rebases when the record
 * moved. Everything goes in one {@code PATCH /api/now/table/<table>/<sys_id>} with string values,
 * which is never repeated blindly: when its answer is lost, the routine re-reads and looks for the
 * note's key first; within this process the routine also runs applies to one record one at a time
 * and never posts a note key twice. The answer is then checked ({@link PatchCheck}:
 * {@code sys_mod_count} up by exactly one, every field holding what was sent, priority as the
 * matrix promises); findings are logged and added to {@link ApplyResult#skipped()}, fields the instance ignored also reach
 * {@link ApplyResult#ignored()} through the routine. A 403 (ACL, business rule, data policy) is a
 * rejection; a 429 carries the instance's wait, often close to an hour, for the pipeline to
 * schedule.
 */
public final class ServiceNowAdapter implements HelpdeskAdapter, WriteTarget {

    public static final String NAME = "servicenow";

    private static final Logger log = LoggerFactory.getLogger(ServiceNowAdapter.class);
    /** 100 pages of journal: a record with more entries than that is a loop, not a conversation. */
    static final int MAX_JOURNAL_PAGES = 100;

    private final ServiceNowConfig config;
    private final ApiClient client;
    private final ServiceNowMapping mapping;
    private final ServiceNowWebhook webhook;
    private final WriteBackRoutine routine;
    private final TicketPoller poller;
    private final int journalPageSize;
    private final AtomicBoolean journalWarned = new AtomicBoolean();

    public ServiceNowAdapter(ServiceNowConfig config) {
        this(config, new OkHttpClient());
    }

    /** Shares an OkHttp client (connection pool, interceptors) with the rest of the application. */
    public ServiceNowAdapter(ServiceNowConfig config, OkHttpClient base) {
        this(config, new ApiClient(HelpdeskConfig.requireValid(config).apiClientConfig(),
                base.newBuilder().addInterceptor(new RateLimitReset(Clock.systemUTC())).build()));
    }

    /**
     * Uses a ready {@link ApiClient}, e.g. one configured beyond what {@link ServiceNowConfig}
     * offers (it then reads {@code X-RateLimit-Reset} only if its OkHttp client does).
     */
    public ServiceNowAdapter(ServiceNowConfig config, ApiClient client) {
        this(config, client, WriteLedger.inMemory());
    }

    /**
     * Remembers what it wrote in {@code ledger} (e.g. a durable one), so human edits win across restarts.
     *
     * @throws dev.deskassist.core.adapter.AdapterConfigException listing every problem of {@code config}
     */
    public ServiceNowAdapter(ServiceNowConfig config, ApiClient client, WriteLedger ledger) {
        this.config = HelpdeskConfig.requireValid(config);
        this.client = Objects.requireNonNull(client, "client");
        this.mapping = ServiceNowMapping.of(config);
        this.webhook = ConfigValues.optional(config, "webhookSecret").isEmpty() ? null : ServiceNowWebhook.of(config);
        this.journalPageSize = config.journalPageSize();
        this.routine = new WriteBackRoutine(this, ledger, config.maxConflictRetries());
        if (config.pollEnabled()) {
            this.poller = new ServiceNowPoller(client, mapping, config.pollInterval(), config.pollPageSize(),
                    config.pollFilter().orElse(null), Clock.systemUTC());
        } else {
            this.poller = null;
            log.warn("servicenow: polling is off; a business-rule call that fails is never retried by ServiceNow, "
                    + "so its change is processed only when the record changes again");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TicketEvent parseWebhook(WebhookRequest request) {
        return (webhook != null ? webhook : ServiceNowWebhook.of(config)).parse(request);
    }

    @Override
    public Optional<TicketPoller> poller() {
        return Optional.ofNullable(poller);
    }

    // ---- reading

    @Override
    public Ticket fetch(TicketRef ref) {
        String id = checkRef(ref);
        JsonObject record = ServiceNowMapping.result(client.send(ApiRequest.get(mapping.recordPath(id))).json());
        List<JsonObject> rows = journal(id);
        List<Comment> thread;
        if (rows.isEmpty() && mapping.displayShowsJournal(record)) {
            if (journalWarned.compareAndSet(false, true)) {
                log.warn("servicenow: sys_journal_field answered no rows for a record whose comments or work notes "
                        + "show entries: the integration user lacks read access on sys_journal_field (its read ACL "
                        + "filters rows out silently, answering 200 with an empty list). Grant it read on "
                        + "sys_journal_field; until then threads are read from the display values of comments "
                        + "and work_notes, which carry display names instead of user names. This is logged once.");
            }
            thread = mapping.fromDisplayValues(record);
        } else {
            thread = mapping.journal(rows, record);
        }
        log.debug("servicenow record {}: {} journal entries", id, thread.size());
        return mapping.toTicket(record, thread);
    }

    private List<JsonObject> journal(String id) {
        List<JsonObject> rows = new ArrayList<>();
        int offset = 0;
        for (int page = 0; ; page++) {
            if (page >= MAX_JOURNAL_PAGES) {
                log.warn("servicenow record {}: stopped reading the journal after {} pages", id, page);
                return rows;
            }
            ApiResponse r = client.send(ApiRequest.get(mapping.journalPath(id, offset, journalPageSize)));
            List<JsonObject> got = JsonFields.objects(r.json(), "result");
            rows.addAll(got);
            offset += journalPageSize;
            if (!hasNext(r, offset, got.size())) {
                return rows;
            }
        }
    }

    /**
     * The {@code Link} header's {@code rel="next"} when there is one; else the total count; else a
     * full page. A page can be short while more rows follow (the limit applies before ACLs).
     */
    private boolean hasNext(ApiResponse r, int nextOffset, int got) {
        Optional<String> link = r.header("Link");
        if (link.isPresent()) {
            return link.get().contains("rel=\"next\"");
        }
        Optional<String> total = r.header("X-Total-Count");
        if (total.isPresent()) {
            try {
                return nextOffset < Long.parseLong(total.get().strip());
            } catch (NumberFormatException e) {
                // fall through to the page size
            }
        }
        return got >= journalPageSize;
    }

    // ---- writing

    @Override
    public ApplyResult apply(TicketRef ref, WriteBack plan) {
        checkRef(ref);
        return routine.apply(ref, plan);
    }

    @Override
    public ApplyResult apply(TicketRef ref, Ticket basis, WriteBack plan) {
        checkRef(ref);
        return routine.apply(ref, basis, plan);
    }

    @Override
    public ApplyResult apply(TicketRef ref, Ticket basis, WriteBack plan, WriteLedger ledger) {
        checkRef(ref);
        return routine.withLedger(ledger).apply(ref, basis, plan);
    }

    @Override
    public Concurrency concurrency() {
        return Concurrency.CLIENT_CHECK;
    }

    @Override
    public WriteBack translate(WriteBack plan, List<String> skipped) {
        return mapping.translate(plan, skipped);
    }

    @Override
    public boolean supportsField(String logicalName) {
        return mapping.supportsField(logicalName);
    }

    @Override
    public boolean isDefault(String writeKey, String value) {
        return mapping.isDefault(writeKey, value);
    }

    @Override
    public boolean isClosed(Ticket ticket) {
        return "closed".equals(ticket.status());
    }

    /** The PATCH's answer is checked ({@link PatchCheck}); what it finds goes to the result's skipped. */
    @Override
    public Sent send(TicketRef ref, WriteBackDiff.Changes changes, Ticket current) {
        String id = checkRef(ref);
        Map<String, String> fields = mapping.patchFields(changes);
        // not idempotent: ApiClient repeats it only after a 429, which the instance did not act on
        ApiResponse resp = client.send(ApiRequest.patch(mapping.recordPath(id), ServiceNowMapping.body(fields)));
        JsonObject record = ServiceNowMapping.result(resp.json());
        List<String> found = PatchCheck.findings(fields, record, current.version(), mapping.matrix().orElse(null));
        for (String f : found) {
            log.warn("servicenow record {}: after the PATCH: {}", id, f);
        }
        return Sent.all(changes, mapping.toTicket(record, List.of()), found);
    }

    private static String checkRef(TicketRef ref) {
        return Objects.requireNonNull(ref, "ref").idFor(NAME, ServiceNowConfig.SYS_ID, "sys_ids of 32 hex digits");
    }

    @Override
    public String circuitState() {
        return client.circuitState();
    }

    /** The HTTP client, e.g. for health checks. */
    public ApiClient client() {
        return client;
    }

    /** The mapping in use, e.g. to show the fields read. */
    public ServiceNowMapping mapping() {
        return mapping;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "ServiceNowAdapter[" + client.config().baseUrl() + ", " + mapping.table() + "]";
    }
}

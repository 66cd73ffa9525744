package dev.deskassist.zendesk;

import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.ConfigValues;
import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.HelpdeskConfig;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.adapter.WriteBackDiff;
import dev.deskassist.core.adapter.WriteBackRoutine;
import dev.deskassist.core.adapter.WriteLedger;
import dev.deskassist.core.adapter.WriteTarget;
import dev.deskassist.core.http.ApiClient;
import dev.deskassist.core.http.ApiRequest;
import dev.deskassist.core.http.ApiResponse;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zendesk Support adapter: verifies webhooks ({@link ZendeskWebhook}), reads a ticket with
 * all its comments and requester, and writes back through the shared {@link WriteBackRoutine}
 * (diff, human-wins, idempotent notes, verification, error kinds), supplying only Zendesk's
 * requests as a {@link WriteTarget}.
 *
 * <p>Zendesk has a compare-and-set: one {@code PUT /api/v2/tickets/{id}.json} carries tags (the
 * merged list), priority, group, custom fields and one comment, with {@code safe_update:true} and
 * {@code updated_stamp} = the {@code updated_at} read ({@link Ticket#version()}); a stale stamp
 * gets 409, and the routine re-reads and rebases, at most {@link ZendeskConfig#maxConflictRetries()}
 * times. An update holds one comment, so a public reply planned with a note goes in a second
 * update. Retries, rate limits and circuit breaking come from the shared {@link ApiClient}.
 */
public final class ZendeskAdapter implements HelpdeskAdapter, WriteTarget {

    public static final String NAME = "zendesk";

    private static final Logger log = LoggerFactory.getLogger(ZendeskAdapter.class);
    /** 100 comments per page: a 10,000-comment thread is surely a loop, not a conversation. */
    static final int MAX_COMMENT_PAGES = 100;

    private static final Pattern TICKET_ID = Pattern.compile("[1-9][0-9]{0,18}");

    private final ZendeskConfig config;
    private final ApiClient client;
    private final ZendeskMapping mapping;
    private final ZendeskWebhook webhook;
    private final WriteBackRoutine routine;

    public ZendeskAdapter(ZendeskConfig config) {
        this(config, new OkHttpClient());
    }

    /** Shares an OkHttp client (connection pool, interceptors) with the rest of the application. */
    public ZendeskAdapter(ZendeskConfig config, OkHttpClient base) {
        this(config, new ApiClient(HelpdeskConfig.requireValid(config).apiClientConfig(), base));
    }

    /** Uses a ready {@link ApiClient}, e.g. one configured beyond what {@link ZendeskConfig} offers. */
    public ZendeskAdapter(ZendeskConfig config, ApiClient client) {
        this(config, client, WriteLedger.inMemory());
    }

    /**
     * Remembers what it wrote in {@code ledger} (e.g. a durable one), so human edits win across restarts.
     *
     * @throws dev.deskassist.core.adapter.AdapterConfigException listing every problem of {@code config}
     */
    public ZendeskAdapter(ZendeskConfig config, ApiClient client, WriteLedger ledger) {
        this.config = HelpdeskConfig.requireValid(config);
        this.client = Objects.requireNonNull(client, "client");
        this.mapping = ZendeskMapping.of(config);
        // a fetch-and-apply user need not configure a webhook secret; parseWebhook then says it is missing
        this.webhook = ConfigValues.optional(config, "webhookSecret").isEmpty() ? null : ZendeskWebhook.of(config);
        this.routine = new WriteBackRoutine(this, ledger, config.maxConflictRetries());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TicketEvent parseWebhook(WebhookRequest request) {
        return (webhook != null ? webhook : ZendeskWebhook.of(config)).parse(request);
    }

    @Override
    public Ticket fetch(TicketRef ref) {
        String id = checkRef(ref);
        JsonObject ticket = client.send(ApiRequest.get(ZendeskMapping.ticketPath(id))).json();
        List<JsonObject> comments = new ArrayList<>();
        Map<String, JsonObject> users = new HashMap<>();
        Set<String> seen = new HashSet<>();
        String next = ZendeskMapping.commentsPath(id);
        for (int page = 0; next != null; page++) {
            if (page >= MAX_COMMENT_PAGES || !seen.add(next)) {
                log.warn("zendesk ticket {}: stopped reading comments after {} pages", id, page);
                break;
            }
            ZendeskMapping.CommentPage p = mapping.commentPage(client.send(ApiRequest.get(next)).json(), id);
            comments.addAll(p.comments());
            users.putAll(p.users());
            next = p.next();
        }
        log.debug("zendesk ticket {}: {} comments", id, comments.size());
        return mapping.toTicket(ticket, comments, users);
    }

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

    // ---- WriteTarget: the Zendesk half of the write-back routine -------------------------------

    @Override
    public Concurrency concurrency() {
        return Concurrency.COMPARE_AND_SET;
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
    public Sent send(TicketRef ref, WriteBackDiff.Changes changes, Ticket current) {
        String id = checkRef(ref);
        ApiResponse resp = client.send(ApiRequest.put(ZendeskMapping.updatePath(id),
                mapping.updateBody(changes, ZendeskMapping.updatedStamp(current))));
        boolean note = changes.internalNote() != null;
        return new Sent(changes.hasValues(), note, !note && changes.publicReply() != null,
                mapping.toTicket(resp.json(), List.of(), Map.of()));
    }

    private static String checkRef(TicketRef ref) {
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
        return "ZendeskAdapter[" + client.config().baseUrl() + "]";
    }
}

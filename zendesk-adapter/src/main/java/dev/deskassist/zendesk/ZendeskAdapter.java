package dev.deskassist.zendesk;

import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.adapter.WriteBackDiff;
import dev.deskassist.core.adapter.WriteBackException;
import dev.deskassist.core.adapter.WriteBackException.Kind;
import dev.deskassist.core.http.ApiClient;
import dev.deskassist.core.http.ApiRequest;
import dev.deskassist.core.http.ApiResponse;
import dev.deskassist.core.http.AuthenticationException;
import dev.deskassist.core.http.ConflictException;
import dev.deskassist.core.http.HttpApiException;
import dev.deskassist.core.http.NotFoundException;
import dev.deskassist.core.http.ValidationException;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.writeback.WriteBack;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zendesk Support adapter: verifies webhooks ({@link ZendeskWebhook}), reads a ticket with
 * all its comments and requester, and applies a write-back plan as one safe update.
 *
 * <p>Apply: the plan is compared with the ticket ({@link WriteBackDiff}); nothing changes, no
 * request. Otherwise one {@code PUT /api/v2/tickets/{id}.json} carries tags (the merged list),
 * priority, group, custom fields and the internal note ({@code public:false}), with
 * {@code safe_update:true} and {@code updated_stamp} = the {@code updated_at} read. A 409 means
 * someone changed the ticket: it is re-read, what the other party changed is dropped from the
 * plan, the diff is recomputed and the update is sent again, at most
 * {@link ZendeskConfig#maxConflictRetries()} times. A public reply is sent only when the plan has
 * one. Retries, rate limits and circuit breaking come from the shared {@link ApiClient}.
 */
public final class ZendeskAdapter implements HelpdeskAdapter {

    public static final String NAME = "zendesk";

    private static final Logger log = LoggerFactory.getLogger(ZendeskAdapter.class);
    /** 100 comments per page: a 10,000-comment thread is surely a loop, not a conversation. */
    static final int MAX_COMMENT_PAGES = 100;

    private static final Pattern TICKET_ID = Pattern.compile("[1-9][0-9]{0,18}");

    private final ZendeskConfig config;
    private final ApiClient client;
    private final ZendeskMapping mapping;
    private final ZendeskWebhook webhook;
    private final int maxConflictRetries;

    public ZendeskAdapter(ZendeskConfig config) {
        this(config, new OkHttpClient());
    }

    /** Shares an OkHttp client (connection pool, interceptors) with the rest of the application. */
    public ZendeskAdapter(ZendeskConfig config, OkHttpClient base) {
        this(config, new ApiClient(config.apiClientConfig(), base));
    }

    /** Uses a ready {@link ApiClient}, e.g. one configured beyond what {@link ZendeskConfig} offers. */
    public ZendeskAdapter(ZendeskConfig config, ApiClient client) {
        this.config = Objects.requireNonNull(config, "config");
        this.client = Objects.requireNonNull(client, "client");
        this.mapping = ZendeskMapping.of(config);
        // a fetch-and-apply user need not configure a webhook secret; parseWebhook then says it is missing
        this.webhook = config.get(config.prefix() + ".webhookSecret") == null ? null : ZendeskWebhook.of(config);
        this.maxConflictRetries = config.maxConflictRetries();
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
        return fetch(ref, new AtomicInteger());
    }

    private Ticket fetch(TicketRef ref, AtomicInteger requests) {
        String id = checkRef(ref);
        requests.incrementAndGet();
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
            requests.incrementAndGet();
            ZendeskMapping.CommentPage p = mapping.commentPage(client.send(ApiRequest.get(next)).json(), id);
            comments.addAll(p.comments());
            users.putAll(p.users());
            next = p.next();
        }
        Ticket t = mapping.toTicket(ticket, comments, users);
        log.debug("zendesk ticket {}: {} comments in {} requests", id, comments.size(), requests.get());
        return t;
    }

    @Override
    public ApplyResult apply(TicketRef ref, WriteBack plan) {
        AtomicInteger requests = new AtomicInteger();
        Ticket basis;
        try {
            basis = fetch(ref, requests);
        } catch (HttpApiException e) {
            throw failure(ref, e, new ApplyResult(ref, null, null, requests.get(), 0));
        }
        return apply(ref, basis, plan, requests);
    }

    @Override
    public ApplyResult apply(TicketRef ref, Ticket basis, WriteBack plan) {
        return apply(ref, basis, plan, new AtomicInteger());
    }

    private ApplyResult apply(TicketRef ref, Ticket basis, WriteBack plan, AtomicInteger requests) {
        String id = checkRef(ref);
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(plan, "plan");
        List<String> changed = new ArrayList<>();
        Set<String> skipped = new LinkedHashSet<>();
        List<String> skippedNow = new ArrayList<>();
        WriteBack pending = mapping.translate(plan, skippedNow);
        skipped.addAll(skippedNow);
        Ticket current = basis;
        int conflicts = 0;
        while (true) {
            WriteBackDiff.Changes changes = WriteBackDiff.diff(pending, current, mapping::supportsField);
            skipped.addAll(changes.skipped());
            if (changes.isEmpty()) {
                ApplyResult r = new ApplyResult(ref, changed, List.copyOf(skipped), requests.get(), conflicts);
                // debug: the caller (e.g. the middleware) logs the outcome once per event at info
                log.debug("zendesk ticket {}: applied {} in {} requests, {} conflicts", id,
                        changed.isEmpty() ? "nothing" : changed, r.requests(), conflicts);
                return r;
            }
            if ("closed".equalsIgnoreCase(current.status())) {
                throw new WriteBackException(ref, Kind.REJECTED, "ticket is closed; Zendesk accepts no updates",
                        new ApplyResult(ref, changed, List.copyOf(skipped), requests.get(), conflicts), null);
            }
            String stamp = ZendeskMapping.updatedStamp(current);
            try {
                if (stamp == null) {
                    // without updated_at there is no safe update; read the ticket as it is now
                    current = fetch(ref, requests);
                    continue;
                }
                requests.incrementAndGet();
                ApiResponse resp = client.send(ApiRequest.put(ZendeskMapping.updatePath(id),
                        mapping.updateBody(changes, stamp)));
                List<String> done = new ArrayList<>(changes.describe());
                if (ZendeskMapping.needsSecondUpdate(changes)) {
                    done.remove("public reply");
                    // the reply goes in its own update, stamped with the ticket as our update left it
                    pending = WriteBack.builder(pending.ticketId()).publicReply(changes.publicReply()).build();
                    current = mapping.toTicket(resp.json(), List.of(), Map.of());
                } else {
                    pending = WriteBack.none(pending.ticketId());
                }
                changed.addAll(done);
            } catch (ConflictException e) {
                conflicts++;
                if (conflicts > maxConflictRetries) {
                    throw new WriteBackException(ref, Kind.CONFLICT, "ticket changed during " + conflicts
                            + " attempts", new ApplyResult(ref, changed, List.copyOf(skipped), requests.get(),
                            conflicts - 1), e);
                }
                log.info("zendesk ticket {}: changed meanwhile (409), re-reading and re-planning", id);
                Ticket fresh;
                try {
                    fresh = fetch(ref, requests);
                } catch (HttpApiException fe) {
                    throw failure(ref, fe, new ApplyResult(ref, changed, List.copyOf(skipped), requests.get(),
                            conflicts));
                }
                WriteBackDiff.Rebased rebased = WriteBackDiff.rebase(pending, current, fresh);
                skipped.addAll(rebased.dropped());
                pending = rebased.plan();
                current = fresh;
            } catch (HttpApiException e) {
                throw failure(ref, e, new ApplyResult(ref, changed, List.copyOf(skipped), requests.get(), conflicts));
            }
        }
    }

    private static WriteBackException failure(TicketRef ref, HttpApiException e, ApplyResult partial) {
        Kind kind;
        if (e instanceof ValidationException) {
            kind = Kind.REJECTED;
        } else if (e instanceof NotFoundException) {
            kind = Kind.NOT_FOUND;
        } else if (e instanceof AuthenticationException) {
            kind = Kind.AUTHENTICATION;
        } else if (e instanceof ConflictException) {
            kind = Kind.CONFLICT;
        } else {
            kind = e.isRetryable() ? Kind.TRANSIENT : Kind.REJECTED;
        }
        return new WriteBackException(ref, kind, e.getMessage(), partial, e);
    }

    private static String checkRef(TicketRef ref) {
        Objects.requireNonNull(ref, "ref");
        if (!NAME.equals(ref.helpdesk())) {
            throw new IllegalArgumentException("not a Zendesk ticket: " + ref);
        }
        if (!TICKET_ID.matcher(ref.ticketId()).matches()) {
            throw new IllegalArgumentException("Zendesk ticket ids are positive numbers: " + ref);
        }
        return ref.ticketId();
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

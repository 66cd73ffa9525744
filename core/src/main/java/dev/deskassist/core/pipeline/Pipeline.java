package dev.deskassist.core.pipeline;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.DeskAssistException;
import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.LoopGuard;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketPoller;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WebhookRejectedException;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.audit.AuditSink;
import dev.deskassist.core.audit.DecisionRecord;
import dev.deskassist.core.audit.WriteOutcome;
import dev.deskassist.core.audit.FeedbackRecord;
import dev.deskassist.core.audit.OutcomeRecord;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.outcome.OutcomeTracker;
import dev.deskassist.core.pipeline.internal.Backoff;
import dev.deskassist.core.pipeline.internal.Failures;
import dev.deskassist.core.pipeline.internal.JsonDepth;
import dev.deskassist.core.pipeline.internal.Outcomes;
import dev.deskassist.core.writeback.WriteBack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event pipeline, independent of any HTTP framework. {@link #accept} verifies a webhook with
 * its helpdesk's adapter, drops our own loop and duplicate deliveries, and persists the event in
 * the {@link EventStore} before it answers 2xx; worker threads then take one ticket at a time from
 * the store, fetch it, run {@link DeskAssist}, mark the plan for the {@link LoopGuard} and apply it.
 * Transient failures are retried with backoff for hours (honouring {@code Retry-After}), while a
 * helpdesk's circuit is open its events wait without spending attempts, and permanent failures
 * become {@link DeadLetters}. Because the store holds everything accepted, a restart, a crash or a
 * helpdesk outage delays work and never loses it.
 *
 * <pre>{@code
 * EventStore store = SqliteEventStore.open(Path.of("data"));
 * Pipeline pipeline = Pipeline.builder()
 *     .adapter(zendesk, new LoopGuard(Set.of("integration-user-id"), "deskassist"))
 *     .assist(deskAssist)
 *     .store(store)
 *     .build();
 * pipeline.start();
 * // in the HTTP handler:
 * Acceptance a = pipeline.accept("zendesk", request);
 * }</pre>
 *
 * <p>The pipeline does not own its store, adapters or {@link DeskAssist}: close them after
 * {@link #stop}. Logs carry ticket ids, delivery ids, outcomes and timings; never ticket text or
 * secrets.
 */
public final class Pipeline implements WebhookIntake, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    private static final List<String> COUNTERS = List.of("accepted", "duplicates", "ignored", "unauthenticated",
            "malformed", "unknownHelpdesk", "unavailable", "processed", "retried", "waited", "deadLettered", "polled");

    private record Endpoint(HelpdeskAdapter adapter, LoopGuard guard) {
    }

    private enum State { NEW, RUNNING, STOPPING, STOPPED }

    private final Map<String, Endpoint> endpoints;
    private final DeskAssist assist;
    private final EventStore store;
    private final PipelineSettings settings;
    private final PipelineListener listener;
    private final AuditSink auditSink;
    private final RunMode mode;
    private final OutcomeTracker outcomes;
    private final Clock clock;
    private final Backoff backoff;
    private final Map<String, LongAdder> counters = new LinkedHashMap<>();
    private final Map<String, Claim> inFlight = new ConcurrentHashMap<>();
    private final Object wakeLock = new Object();
    private boolean wakeRequested;
    private volatile State state = State.NEW;
    private volatile boolean storeUp = true;
    private Thread dispatcher;
    private ThreadPoolExecutor workers;
    private Semaphore permits;
    private ScheduledExecutorService scheduler;
    private final List<ScheduledExecutorService> pollers = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Helpdesks that answered 429 with a Retry-After: no claims for them until then (their budget is shared). */
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

    private Pipeline(Builder b) {
        this.endpoints = Map.copyOf(b.endpoints);
        this.assist = Objects.requireNonNull(b.assist, "assist is required");
        this.store = Objects.requireNonNull(b.store, "store is required");
        this.settings = b.settings;
        this.listener = b.listener;
        this.auditSink = b.auditSink;
        this.mode = b.mode;
        this.outcomes = b.outcomes;
        this.clock = b.clock;
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), settings.maxRetryAfter());
        COUNTERS.forEach(n -> counters.put(n, new LongAdder()));
        if (endpoints.isEmpty()) {
            throw new IllegalStateException("at least one adapter is required");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public PipelineSettings settings() {
        return settings;
    }

    /** Whether plans are applied ({@link RunMode#LIVE}) or only recorded ({@link RunMode#SHADOW}). */
    public RunMode mode() {
        return mode;
    }

    /** The names of the helpdesks this pipeline serves. */
    public Set<String> helpdesks() {
        return endpoints.keySet();
    }

    /** Starts the worker threads; events accepted before are processed now. Starts once. */
    public synchronized Pipeline start() {
        if (state != State.NEW) {
            throw new IllegalStateException("pipeline already " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        int n = settings.workers();
        permits = new Semaphore(n);
        workers = new ThreadPoolExecutor(n, n, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                threads("deskassist-pipeline-worker-"));
        scheduler = Executors.newSingleThreadScheduledExecutor(threads("deskassist-pipeline-housekeeping-"));
        long renewEvery = Math.max(1, settings.lease().toMillis() / 3);
        scheduler.scheduleWithFixedDelay(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::housekeeping, 0, settings.housekeepingInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        endpoints.forEach((name, ep) -> ep.adapter().poller().ifPresent(poller -> {
            long every = Math.max(1, poller.interval().toMillis());
            // its own thread: a slow helpdesk listing must not hold up lease renewal
            ScheduledExecutorService polling = Executors.newSingleThreadScheduledExecutor(
                    threads("deskassist-pipeline-poller-" + name + "-"));
            pollers.add(polling);
            polling.scheduleWithFixedDelay(() -> poll(name, poller), 0, every, TimeUnit.MILLISECONDS);
        }));
        state = State.RUNNING;
        dispatcher = threads("deskassist-pipeline-dispatcher-").newThread(this::dispatch);
        dispatcher.start();
        log.info("pipeline started for {} with {} workers{}", endpoints.keySet(), n,
                mode == RunMode.SHADOW ? " in shadow mode: nothing is written to any helpdesk" : "");
        return this;
    }

    // ---- intake

    /**
     * Verifies, de-duplicates and persists one webhook, and says what to answer. Never throws: bad
     * input is 4xx, a store that cannot persist or a stopping pipeline is 503 with Retry-After, and
     * nothing is answered 2xx before it is persisted.
     */
    @Override
    public Acceptance accept(String helpdesk, WebhookRequest request) {
        boolean known = helpdesk != null && endpoints.containsKey(helpdesk);
        try (LogContext.Scope mdc = LogContext.open(known ? helpdesk : null, null, null)) {
            Acceptance a = intake(helpdesk, request, mdc);
            count(switch (a.outcome()) {
                case ACCEPTED -> "accepted";
                case DUPLICATE -> "duplicates";
                case IGNORED -> "ignored";
                case UNAUTHENTICATED -> "unauthenticated";
                case MALFORMED -> "malformed";
                case UNKNOWN_HELPDESK -> "unknownHelpdesk";
                case UNAVAILABLE -> "unavailable";
            });
            notifyListener(() -> listener.webhookAnswered(known ? helpdesk : null, a));
            return a;
        } catch (RuntimeException e) {
            count("unavailable");
            log.error("webhook for {}: unexpected {}; answering 503", known ? helpdesk : "?", e.getClass().getName());
            Acceptance a = Acceptance.unavailable("internal error", settings.unavailableRetryAfter());
            notifyListener(() -> listener.webhookAnswered(known ? helpdesk : null, a));
            return a;
        }
    }

    private Acceptance intake(String helpdesk, WebhookRequest request, LogContext.Scope mdc) {
        Endpoint ep = helpdesk == null ? null : endpoints.get(helpdesk);
        if (ep == null) {
            return Acceptance.unknownHelpdesk();
        }
        if (state == State.STOPPING || state == State.STOPPED) {
            return Acceptance.unavailable("stopping", settings.unavailableRetryAfter());
        }
        if (request == null) {
            return Acceptance.malformed(400, "no request");
        }
        if (request.bodyLength() > settings.maxBodyBytes()) {
            log.warn("webhook for {}: body of {} bytes over the limit of {}", helpdesk, request.bodyLength(),
                    settings.maxBodyBytes());
            return Acceptance.malformed(413, "body too large");
        }
        if (JsonDepth.exceeds(request.body(), settings.maxJsonDepth())) {
            log.warn("webhook for {}: JSON nested deeper than {}", helpdesk, settings.maxJsonDepth());
            return Acceptance.malformed(400, "JSON nested too deeply");
        }
        TicketEvent event;
        try {
            event = ep.adapter().parseWebhook(request);
        } catch (WebhookRejectedException e) {
            WebhookRejectedException.Reason reason = e.reason();
            if (reason.isAuthenticationFailure()) {
                log.warn("webhook for {} rejected: {}", helpdesk, reason);
                return Acceptance.unauthenticated(reason.name());
            }
            if (reason == WebhookRejectedException.Reason.UNSUPPORTED_EVENT) {
                log.debug("webhook for {} ignored: {}", helpdesk, reason);
                return Acceptance.ignored(reason.name());
            }
            log.warn("webhook for {} rejected: {}", helpdesk, reason);
            return Acceptance.malformed(400, reason.name());
        } catch (RuntimeException e) {
            // an adapter bug or a parser failure on hostile input: its message may quote the body
            log.warn("webhook for {}: the adapter failed with {}", helpdesk, e.getClass().getName());
            return Acceptance.malformed(400, "unreadable request");
        }
        if (event == null) {
            log.warn("webhook for {}: the adapter returned no event", helpdesk);
            return Acceptance.malformed(400, "unreadable request");
        }
        if (!event.ref().helpdesk().equals(helpdesk)) {
            event = new TicketEvent(TicketRef.of(helpdesk, event.ref().ticketId()), event.type(), event.deliveryId(),
                    event.actorId(), event.occurredAt(), event.tags());
        }
        mdc.put(LogContext.TICKET_ID, event.ref().ticketId());
        mdc.put(LogContext.DELIVERY_ID, event.deliveryId());
        Optional<String> loop = ep.guard().ignoreReason(event);
        if (loop.isPresent()) {
            log.debug("{} delivery {}: ignored, {}", event.ref(), event.deliveryId(), loop.get());
            return Acceptance.ignored("loop guard");
        }
        boolean stored;
        try {
            stored = store.append(IncomingEvent.of(event, clock.instant()), settings.dedupeWindow());
            storeUp = true;
        } catch (RuntimeException e) {
            storeUp = false;
            log.warn("{} delivery {}: not persisted, answering 503: {}", event.ref(), event.deliveryId(),
                    e instanceof StoreException ? e.getMessage() : e.getClass().getName());
            return Acceptance.unavailable("store unavailable", settings.unavailableRetryAfter());
        }
        if (!stored) {
            log.debug("{} delivery {}: duplicate", event.ref(), event.deliveryId());
            return Acceptance.duplicate();
        }
        log.debug("{} delivery {}: accepted ({})", event.ref(), event.deliveryId(), event.type());
        wake();
        return Acceptance.accepted();
    }

    /**
     * One poll of a helpdesk: the tickets changed since the stored watermark are appended (a ticket
     * version seen before is a duplicate, so overlapping polls enqueue nothing twice), then the
     * watermark moves on. A failing poll leaves the watermark where it was; the next one repeats it.
     */
    void poll(String helpdesk, TicketPoller poller) {
        if (state != State.RUNNING) {
            return;
        }
        try {
            Optional<Instant> stored = store.watermark(helpdesk);
            Instant since = stored.orElseGet(() -> clock.instant().minus(poller.firstLookback()));
            TicketPoller.Page page = poller.poll(since);
            int added = 0;
            for (TicketPoller.Changed c : page.changed()) {
                if (!c.ref().helpdesk().equals(helpdesk)) {
                    throw new IllegalStateException("poller of " + helpdesk + " returned a ticket of " + c.ref().helpdesk());
                }
                // the same key a webhook of that ticket version carries (ServiceNow's sys_id@sys_mod_count),
                // so a version both delivered and polled is processed once
                String key = c.ref().ticketId() + "@" + c.version();
                if (store.append(new IncomingEvent(c.ref(), TicketEvent.Type.UPDATED, key, clock.instant()),
                        settings.dedupeWindow())) {
                    added++;
                }
            }
            if (page.nextWatermark().isAfter(since) || stored.isEmpty()) {
                // the first poll stores where it looked from even when nothing changed, so that a
                // delayed next poll continues from there instead of looking back from its own time
                store.saveWatermark(helpdesk, page.nextWatermark().isAfter(since) ? page.nextWatermark() : since);
            }
            storeUp = true;
            if (added > 0) {
                count("polled", added);
                log.info("{}: poll found {} changed tickets, {} new", helpdesk, page.changed().size(), added);
                wake();
            }
        } catch (StoreException e) {
            storeUp = false;
            log.warn("{}: poll could not be stored: {}", helpdesk, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("{}: poll failed ({}): {}", helpdesk, e.getClass().getSimpleName(), e.getMessage());
        }
    }

    /**
     * Persists an event for a ticket found otherwise (a poller, a manual re-run): processed like a
     * webhook's event, without de-duplication.
     *
     * @throws IllegalArgumentException when no adapter serves the ticket's helpdesk
     * @throws IllegalStateException    when the pipeline is stopping
     * @throws StoreException           when the store cannot persist it
     */
    public void enqueue(TicketRef ref, TicketEvent.Type type) {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(type, "type");
        if (!endpoints.containsKey(ref.helpdesk())) {
            throw new IllegalArgumentException("no adapter for helpdesk " + ref.helpdesk());
        }
        if (state == State.STOPPING || state == State.STOPPED) {
            throw new IllegalStateException("pipeline is stopping");
        }
        try {
            store.append(new IncomingEvent(ref, type, null, clock.instant()), settings.dedupeWindow());
            storeUp = true;
        } catch (StoreException e) {
            storeUp = false;
            throw e;
        }
        count("accepted");
        wake();
    }

    // ---- scheduling

    private void dispatch() {
        while (state == State.RUNNING) {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                return;
            }
            boolean handedOver = false;
            try {
                if (state != State.RUNNING) {
                    return;
                }
                Optional<Claim> claim = claimNext();
                if (claim.isPresent()) {
                    handedOver = submit(claim.get());
                    if (handedOver) {
                        continue;
                    }
                }
            } finally {
                if (!handedOver) {
                    permits.release();
                }
            }
            if (!awaitWake()) {
                return;
            }
        }
    }

    private Optional<Claim> claimNext() {
        Instant now = clock.instant();
        Set<String> ready = endpoints.entrySet().stream()
                .filter(e -> !"OPEN".equals(circuit(e.getValue().adapter())))
                .filter(e -> !now.isBefore(pausedUntil.getOrDefault(e.getKey(), Instant.MIN)))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
        try {
            Optional<Claim> claim = store.claim(ready, now, settings.lease());
            if (!storeUp) {
                log.info("event store answers again");
            }
            storeUp = true;
            return claim;
        } catch (RuntimeException e) {
            if (storeUp) {
                log.warn("event store: cannot claim work: {}", e instanceof StoreException ? e.getMessage()
                        : e.getClass().getName());
            }
            storeUp = false;
            return Optional.empty();
        }
    }

    private boolean submit(Claim claim) {
        inFlight.put(claim.token(), claim);
        try {
            workers.execute(() -> {
                LogContext.Scope mdc = LogContext.open(claim.ref(), claim.deliveryIds());
                try {
                    process(claim);
                } finally {
                    mdc.close();
                    inFlight.remove(claim.token());
                    permits.release();
                    wake();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            inFlight.remove(claim.token());
            releaseQuietly(claim);
            return false;
        }
    }

    private void wake() {
        synchronized (wakeLock) {
            wakeRequested = true;
            wakeLock.notifyAll();
        }
    }

    /** Waits for a wake-up or the poll interval; false when interrupted (stopping). */
    private boolean awaitWake() {
        synchronized (wakeLock) {
            try {
                if (!wakeRequested) {
                    wakeLock.wait(Math.max(1, settings.pollInterval().toMillis()));
                }
            } catch (InterruptedException e) {
                return false;
            } finally {
                wakeRequested = false;
            }
        }
        return true;
    }

    // ---- one run

    private void process(Claim claim) {
        TicketRef ref = claim.ref();
        Endpoint ep = endpoints.get(ref.helpdesk());
        PipelineRun run = new PipelineRun(ref, claim.types(), claim.attempts() + 1, claim.firstReceived(),
                clock.instant());
        long start = System.nanoTime();
        AtomicReference<DecisionRecord> decision = new AtomicReference<>();
        String phase = "fetch";
        Ticket ticket;
        Assistance assistance;
        ApplyResult result;
        WriteBack outcomePlan;
        try {
            ticket = ep.adapter().fetch(ref);
            // before the skip below: an agent's edit is "already handled" for assist, and exactly what outcomes look for
            observeOutcomes(claim, ticket);
            // only a first attempt may be skipped: a retry must finish what an earlier attempt began
            Optional<String> handled = claim.attempts() == 0 ? ep.guard().alreadyHandled(ticket) : Optional.empty();
            if (handled.isPresent()) {
                skipHandled(claim, run, ticket, handled.get());
                return;
            }
            phase = "assist";
            assistance = auditSink == null ? assist.assist(ticket) : assist.assist(ticket, decision::set);
            phase = "apply";
            WriteBack plan = finalizePlan(claim, ep.guard().mark(assistance.writeBack()));
            result = mode == RunMode.SHADOW ? shadowResult(ref, plan)
                    : ep.adapter().apply(ref, ticket, plan, store.writeLedger(claim));
            outcomePlan = plan;
        } catch (RuntimeException e) {
            failed(claim, run, ep, e, phase, decision.get());
            return;
        }
        WriteOutcome outcome = mode == RunMode.SHADOW ? WriteOutcome.SHADOW : Outcomes.of(result);
        audit(ref, decision.get(), outcome, null);
        rememberOutcomes(claim, ticket, assistance, decision.get(), outcomePlan,
                mode == RunMode.SHADOW ? null : result);
        try {
            if (!store.complete(claim, clock.instant())) {
                log.warn("{}: lease lost before completion; another worker runs it again", ref);
            }
        } catch (RuntimeException e) {
            // applied but not recorded as done: the lease expires and the run repeats, which writes nothing twice
            log.error("{}: applied, but the store could not record it: {}", ref, e.getMessage());
        }
        count("processed");
        log.info("{}: {} ({} events, attempt {}, {} requests, {} conflicts, {} ms)", ref,
                result.changedAnything() ? result.changed() : outcome, claim.events(), run.attempt(),
                result.requests(), result.conflictsRetried(), (System.nanoTime() - start) / 1_000_000);
        notifyListener(() -> listener.processed(run, ticket, assistance, result, outcome));
    }

    /**
     * Shadow mode's stand-in for apply, and the one place it is enforced: the plan goes nowhere, no
     * adapter method that writes is called, whatever the helpdesk.
     */
    private static ApplyResult shadowResult(TicketRef ref, WriteBack plan) {
        return new ApplyResult(ref, List.of(), plan.isEmpty() ? List.of() : List.of("everything (shadow mode)"), 0, 0);
    }

    /** Outcomes of earlier decisions, seen on the ticket as read; a failure here never fails the run. */
    private void observeOutcomes(Claim claim, Ticket ticket) {
        if (outcomes == null || auditSink == null) {
            return;
        }
        TicketRef ref = claim.ref();
        try {
            // the claim's ledger: a replica that lost its lease keeps no outcome state either
            OutcomeTracker.Seen seen = outcomes.observe(ref, ticket, store.writeLedger(claim), clock.instant());
            for (OutcomeRecord r : seen.outcomes()) {
                auditSink.outcome(r);
            }
            for (FeedbackRecord r : seen.feedback()) {
                auditSink.feedback(r);
            }
        } catch (RuntimeException e) {
            log.warn("{}: outcomes could not be tracked ({})", ref, e.getClass().getName());
        }
    }

    private void rememberOutcomes(Claim claim, Ticket basis, Assistance assistance, DecisionRecord decision,
                                  WriteBack plan, ApplyResult resultOrNull) {
        if (outcomes == null || auditSink == null) {
            return;
        }
        TicketRef ref = claim.ref();
        try {
            for (OutcomeRecord r : outcomes.remember(ref, basis, assistance, decision, plan, resultOrNull,
                    store.writeLedger(claim), clock.instant())) {
                auditSink.outcome(r);
            }
        } catch (RuntimeException e) {
            log.warn("{}: outcomes could not be remembered ({})", ref, e.getClass().getName());
        }
    }

    /**
     * The one place a plan is finalized before it is applied: marked for the loop guard already,
     * and keyed for idempotent notes. The key names the oldest event of the run, which stays the
     * same across retries of that run, so a note whose answer was lost is found, not posted again.
     */
    private static WriteBack finalizePlan(Claim claim, WriteBack marked) {
        if (marked.idempotencyKey() != null) {
            return marked;
        }
        String basis = claim.ref().helpdesk() + "|" + claim.ref().ticketId() + "|" + claim.firstReceived().toEpochMilli();
        String key = dev.deskassist.core.adapter.HmacSignatures.sha256Hex(
                basis.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
        return marked.toBuilder().idempotencyKey(key).build();
    }

    /** A run whose ticket needs nothing from us (see {@link LoopGuard#alreadyHandled}): done, nothing written. */
    private void skipHandled(Claim claim, PipelineRun run, Ticket ticket, String reason) {
        try {
            if (!store.complete(claim, clock.instant())) {
                log.warn("{}: lease lost before completion; another worker runs it again", claim.ref());
            }
        } catch (RuntimeException e) {
            log.error("{}: skipped, but the store could not record it: {}", claim.ref(), e.getMessage());
        }
        count("ignored");
        log.info("{}: skipped, {} ({} events)", claim.ref(), reason, claim.events());
        notifyListener(() -> listener.skipped(run, ticket, reason));
    }

    private void failed(Claim claim, PipelineRun run, Endpoint ep, RuntimeException e, String phase,
                        DecisionRecord decision) {
        TicketRef ref = claim.ref();
        Instant now = clock.instant();
        if (state != State.RUNNING && Thread.currentThread().isInterrupted()) {
            // stopped past the deadline: the claim was given back, the events wait for the next start
            log.info("{}: {} interrupted by stop ({})", ref, phase, e.getClass().getSimpleName());
            return;
        }
        try {
            if (Failures.isRetryable(e)) {
                if (Failures.notAttempted(e)) {
                    // an open circuit or an empty rate limiter refused the call before it was made: wait,
                    // spend no attempt (while the circuit stays open, claims skip this helpdesk altogether)
                    Instant due = now.plus(backoff.delay(1, Optional.empty()));
                    if (store.reschedule(claim, due, false, now)) {
                        count("waited");
                        log.info("{}: {} not attempted ({}, circuit {}); waiting until {} without spending an attempt",
                                ref, phase, Failures.summary(e), circuit(ep.adapter()), due);
                    }
                    return;
                }
                int failedAttempts = claim.attempts() + 1;
                if (!now.isBefore(claim.firstReceived().plus(settings.retryHorizon()))) {
                    deadLetter(claim, run, Failures.exhausted(e, failedAttempts), decision, now);
                    return;
                }
                Optional<Duration> retryAfter = e instanceof DeskAssistException d ? d.retryAfter() : Optional.empty();
                if (retryAfter.isPresent() && Failures.rateLimited(e)) {
                    // the helpdesk's budget is per account: every ticket would meet the same 429, so the
                    // whole helpdesk waits (capped like any Retry-After), not only this ticket
                    Instant until = now.plus(backoff.cap(retryAfter.get()));
                    pausedUntil.merge(ref.helpdesk(), until, (a, b) -> a.isAfter(b) ? a : b);
                    log.warn("{}: rate limited; no work for {} until {}", ref, ref.helpdesk(), until);
                }
                Instant due = now.plus(backoff.delay(failedAttempts, retryAfter));
                String what = Failures.summary(e);
                if (store.reschedule(claim, due, true, now)) {
                    count("retried");
                    log.warn("{}: {} failed (attempt {}): {}; next attempt at {}", ref, phase, failedAttempts, what,
                            due);
                    notifyListener(() -> listener.retryScheduled(run, due, what));
                }
                return;
            }
            DeadLetterReason reason = Failures.reason(e);
            if (reason.kind() == DeadLetterReason.Kind.UNEXPECTED) {
                log.error("{}: {} failed unexpectedly with {}", ref, phase, e.getClass().getName());
            }
            deadLetter(claim, run, reason, decision, now);
        } catch (RuntimeException storeFailure) {
            if (state != State.RUNNING) {
                // stopped past the deadline (an HTTP client may have swallowed the interrupt): the claim was given back
                log.info("{}: {} ended by stop ({}); the events wait for the next start", ref, phase,
                        e.getClass().getSimpleName());
                return;
            }
            log.error("{}: {} failed ({}) and the store could not record it ({}); the run repeats when the lease "
                    + "expires", ref, phase, e.getClass().getSimpleName(), storeFailure.getMessage());
        }
    }

    private void deadLetter(Claim claim, PipelineRun run, DeadLetterReason reason, DecisionRecord decision,
                            Instant now) {
        Optional<DeadLetterEntry> entry = store.deadLetter(claim, reason, now);
        if (entry.isEmpty()) {
            log.warn("{}: lease lost before dead-lettering; another worker runs it again", claim.ref());
            return;
        }
        count("deadLettered");
        log.error("{}: kept as dead letter {} after {} attempts: {}", claim.ref(), entry.get().id(),
                entry.get().attempts(), reason);
        WriteOutcome outcome = reason.kind() == DeadLetterReason.Kind.REJECTED && decision != null
                ? WriteOutcome.REJECTED : WriteOutcome.DEAD_LETTERED;
        audit(claim.ref(), decision, outcome, reason);
        notifyListener(() -> listener.deadLettered(run, entry.get()));
    }

    /** Records the decision with its outcome; a run that failed before a decision gets a record of the outcome alone. */
    private void audit(TicketRef ref, DecisionRecord decision, WriteOutcome outcome, DeadLetterReason reason) {
        if (auditSink == null) {
            return;
        }
        DecisionRecord record;
        if (decision == null) {
            record = new DecisionRecord(UUID.randomUUID().toString(), ref.ticketId(), clock.instant(),
                    DeskAssist.VERSION, List.of(), Map.of(), reason == null ? List.of() : List.of(reason.toString()),
                    ref.helpdesk(), outcome);
        } else if (reason != null) {
            List<String> problems = new ArrayList<>(decision.problems());
            problems.add(reason.toString());
            record = new DecisionRecord(decision.recordId(), decision.ticketId(), decision.at(),
                    decision.libraryVersion(), decision.decisions(), decision.timingsMicros(), problems,
                    ref.helpdesk(), outcome);
        } else {
            record = decision.withOutcome(ref.helpdesk(), outcome);
        }
        try {
            auditSink.record(record);
        } catch (RuntimeException e) {
            // the write-back already happened; repeating it would not bring the record back
            log.error("{}: decision record {} could not be written ({})", ref, record.recordId(),
                    e.getClass().getName());
        }
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("pipeline listener failed with {}", e.getClass().getName());
        }
    }

    private static String circuit(HelpdeskAdapter adapter) {
        try {
            String s = adapter.circuitState();
            return s == null ? "UNKNOWN" : s;
        } catch (RuntimeException e) {
            return "UNKNOWN";
        }
    }

    // ---- background upkeep

    private void renewLeases() {
        Instant now = clock.instant();
        for (Claim claim : inFlight.values()) {
            try {
                if (!store.renew(claim, now, settings.lease())) {
                    log.warn("{}: lease could not be renewed; it was taken over", claim.ref());
                }
            } catch (RuntimeException e) {
                log.warn("{}: lease renewal failed: {}", claim.ref(), e.getMessage());
            }
        }
    }

    private void housekeeping() {
        Instant now = clock.instant();
        try {
            int deliveries = store.purgeExpiredDeliveries(now);
            int dead = store.deadLetters(clock).purge(now.minus(settings.deadLetterRetention()));
            if (deliveries > 0 || dead > 0) {
                log.info("housekeeping: {} expired delivery ids, {} dead letters older than {} purged", deliveries,
                        dead, settings.deadLetterRetention());
            }
        } catch (RuntimeException e) {
            log.warn("housekeeping failed: {}", e.getMessage());
        }
    }

    // ---- observation and shutdown

    /** Liveness, readiness and counters. */
    public PipelineHealth health() {
        long pending = -1;
        long dead = -1;
        boolean up;
        try {
            pending = store.pendingEvents();
            dead = store.deadLetters(clock).count();
            up = true;
        } catch (RuntimeException e) {
            up = false;
        }
        Map<String, String> circuits = new LinkedHashMap<>();
        endpoints.forEach((name, ep) -> circuits.put(name, circuit(ep.adapter())));
        Map<String, Long> values = new LinkedHashMap<>();
        counters.forEach((name, adder) -> values.put(name, adder.sum()));
        boolean accepting = (state == State.NEW || state == State.RUNNING) && up && storeUp;
        return new PipelineHealth(accepting, up, circuits, pending, inFlight.size(), dead, values);
    }

    /**
     * One of the totals in {@link #health()}'s counters (0 for a name it does not have), read
     * without asking the store: for metrics that sample each total on its own.
     */
    public long counter(String name) {
        LongAdder adder = counters.get(name);
        return adder == null ? 0 : adder.sum();
    }

    /**
     * The circuit state of one helpdesk as {@link #health()}'s circuits give it (null for a
     * helpdesk this pipeline does not serve), read without asking the store.
     */
    public String circuitState(String helpdesk) {
        Endpoint ep = endpoints.get(helpdesk);
        return ep == null ? null : circuit(ep.adapter());
    }

    /** The store's dead letters, on this pipeline's clock. */
    public DeadLetters deadLetters() {
        return store.deadLetters(clock);
    }

    /** The store behind this pipeline. */
    public EventStore store() {
        return store;
    }

    /**
     * Waits until every accepted event is processed or dead-lettered: none pending in the store
     * and no run in flight. False when {@code timeout} passed first (work is waiting for a retry,
     * an open circuit, or is still running).
     */
    public boolean awaitIdle(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                // store first: an event gone from it was finished by a run that is still in inFlight until its listener returned
                if (store.pendingEvents() == 0 && inFlight.isEmpty()) {
                    return true;
                }
            } catch (RuntimeException e) {
                // the store does not answer: not idle as far as anyone can tell
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(10, TimeUnit.NANOSECONDS.toMillis(left))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Stops gracefully: from now on {@link #accept} answers 503 with Retry-After, no new run starts,
     * running ones get until {@code deadline} to finish; runs still going then are interrupted and
     * their events given back to the store, pending like the rest (nothing is lost; the next start
     * on the same store processes them). Does not close the store, adapters or DeskAssist.
     */
    public void stop(Duration deadline) {
        Objects.requireNonNull(deadline, "deadline");
        synchronized (this) {
            if (state == State.STOPPED || state == State.STOPPING) {
                return;
            }
            if (state == State.NEW) {
                state = State.STOPPED;
                return;
            }
            state = State.STOPPING;
        }
        long end = System.nanoTime() + deadline.toNanos();
        dispatcher.interrupt();
        wake();
        try {
            dispatcher.join(Math.max(1, deadline.toMillis()));
            workers.shutdown();
            long left = Math.max(0, end - System.nanoTime());
            if (!workers.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                // give the claims back first: a run failing from the interrupt then finds its lease gone and
                // records nothing, instead of dead-lettering an event that merely met the deadline
                int released = 0;
                for (Claim claim : inFlight.values()) {
                    if (releaseQuietly(claim)) {
                        released++;
                    }
                }
                workers.shutdownNow();
                log.warn("pipeline stop: {} runs did not finish within {}; their events stay pending", released,
                        deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inFlight.values().forEach(this::releaseQuietly);
            workers.shutdownNow();
        } finally {
            scheduler.shutdownNow();
            pollers.forEach(ScheduledExecutorService::shutdownNow);
            state = State.STOPPED;
        }
        long pending = -1;
        try {
            pending = store.pendingEvents();
        } catch (RuntimeException e) {
            // reported as unknown
        }
        log.info("pipeline stopped; {} events pending in the store", pending < 0 ? "unknown" : pending);
    }

    private boolean releaseQuietly(Claim claim) {
        try {
            return store.release(claim);
        } catch (RuntimeException e) {
            log.warn("{}: could not give the claim back ({}); it returns when its lease expires", claim.ref(),
                    e.getMessage());
            return false;
        }
    }

    /** {@link #stop(Duration)} with {@link PipelineSettings#stopDeadline()}. */
    @Override
    public void close() {
        stop(settings.stopDeadline());
    }

    private void count(String name) {
        counters.get(name).increment();
    }

    private void count(String name, int n) {
        counters.get(name).add(n);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Configures a {@link Pipeline}: at least one adapter, DeskAssist and a store are required. */
    public static final class Builder {
        private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        private DeskAssist assist;
        private EventStore store;
        private PipelineSettings settings = PipelineSettings.defaults();
        private PipelineListener listener = PipelineListener.NONE;
        private AuditSink auditSink;
        private RunMode mode = RunMode.LIVE;
        private OutcomeTracker outcomes;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Serves a helpdesk, keyed by {@link HelpdeskAdapter#name()}; call once per helpdesk. */
        public Builder adapter(HelpdeskAdapter adapter, LoopGuard guard) {
            Objects.requireNonNull(adapter, "adapter");
            String name = Objects.requireNonNull(adapter.name(), "adapter.name()");
            if (endpoints.containsKey(name)) {
                throw new IllegalArgumentException("two adapters named " + name);
            }
            endpoints.put(name, new Endpoint(adapter, guard == null ? LoopGuard.off() : guard));
            return this;
        }

        public Builder assist(DeskAssist assist) {
            this.assist = Objects.requireNonNull(assist, "assist");
            return this;
        }

        /** Where events wait; {@link SqliteEventStore#open} is the embedded default. */
        public Builder store(EventStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        public Builder settings(PipelineSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public Builder listener(PipelineListener listener) {
            this.listener = listener == null ? PipelineListener.NONE : listener;
            return this;
        }

        /**
         * Records each decision together with the helpdesk and what became of the write-back. When
         * set, it replaces the audit sink DeskAssist was built with for the pipeline's runs (one
         * record per run, written after apply); when not set, DeskAssist records as usual, without
         * the outcome.
         */
        public Builder auditSink(AuditSink auditSink) {
            this.auditSink = auditSink;
            return this;
        }

        /**
         * {@link RunMode#SHADOW}: every run reads, decides and records, and nothing is sent to any
         * helpdesk; decision records carry {@link WriteOutcome#SHADOW}. {@link RunMode#LIVE} by default.
         */
        public Builder mode(RunMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Tracks what becomes of decisions on later events of a ticket (corrections, draft usage,
         * reopened automatic replies, feedback tags) and records it through the {@link #auditSink}
         * as outcome and feedback records; its state lives in the store's write ledger. Off by
         * default; needs an audit sink.
         */
        public Builder outcomes(OutcomeTracker tracker) {
            this.outcomes = tracker;
            return this;
        }

        /** The clock for due times, leases and retention; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Pipeline build() {
            return new Pipeline(this);
        }
    }
}

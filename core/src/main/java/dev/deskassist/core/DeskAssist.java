package dev.deskassist.core;

import dev.deskassist.core.audit.AuditSink;
import dev.deskassist.core.audit.DecisionRecord;
import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.draft.Drafting;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.summary.Summarizing;
import dev.deskassist.core.summary.Summary;
import dev.deskassist.core.triage.Triage;
import dev.deskassist.core.triage.TriageResult;
import dev.deskassist.core.writeback.WriteBack;
import dev.deskassist.core.writeback.WriteBackPlanner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: built once with the team's engines and policies, then {@link #assist(Ticket)}
 * triages, summarizes and drafts a ticket, plans the write-back and records the decision.
 * Thread-safe; share one instance.
 *
 * <pre>{@code
 * DeskAssist assist = DeskAssist.builder()
 *     .triage(triage)
 *     .summarizing(summarizer)       // optional
 *     .drafting(drafter)             // optional
 *     .writeBackPlanner(planner)     // optional; without it nothing is written back
 *     .auditSink(new JsonLinesAuditSink(Path.of("audit.jsonl")))
 *     .build();
 * Assistance a = assist.assist(ticket);
 * }</pre>
 */
public final class DeskAssist implements AutoCloseable {

    /** The library version recorded in every decision record. */
    public static final String VERSION = "0.1.0";

    private static final Logger log = LoggerFactory.getLogger(DeskAssist.class);

    private final Triage triage;
    private final Summarizing summarizing;
    private final Drafting drafting;
    private final WriteBackPlanner planner;
    private final AuditSink auditSink;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final Clock clock;

    private DeskAssist(Builder b) {
        this.triage = Objects.requireNonNull(b.triage, "triage engine is required");
        this.summarizing = b.summarizing;
        this.drafting = b.drafting;
        this.planner = b.planner;
        this.auditSink = b.auditSink;
        this.clock = b.clock;
        this.ownsExecutor = b.executor == null;
        this.executor = b.executor != null ? b.executor : Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()), daemonThreads());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Triages the ticket, then summarizes and drafts when those skills are configured, plans the
     * write-back and records the decision. A summary or draft that fails is reported in
     * {@link Assistance#problems()}; a triage or audit failure throws {@link AssistException}.
     */
    public Assistance assist(Ticket ticket) {
        return assist(ticket, auditSink);
    }

    /**
     * {@link #assist(Ticket)}, with the decision record handed to {@code recorder} instead of the
     * configured audit sink: for a caller that completes the record with the write-back's outcome
     * and records it itself (the event pipeline).
     */
    public Assistance assist(Ticket ticket, AuditSink recorder) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(recorder, "recorder");
        long start = System.nanoTime();
        Map<String, Long> timings = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();

        TriageResult t;
        long s = System.nanoTime();
        try {
            t = triage.triage(ticket);
        } catch (RuntimeException e) {
            throw new AssistException(ticket.id(), "triage failed: " + e.getClass().getSimpleName(), e);
        }
        timings.put("triage", micros(s));

        Summary summary = null;
        if (summarizing != null) {
            s = System.nanoTime();
            try {
                summary = summarizing.summarize(ticket, t);
            } catch (RuntimeException e) {
                problems.add("summary failed: " + e.getClass().getSimpleName());
                log.warn("summary failed for ticket {}: {}", ticket.id(), e.getClass().getName());
            }
            timings.put("summary", micros(s));
        }

        Draft draft = null;
        if (drafting != null) {
            s = System.nanoTime();
            try {
                draft = drafting.draft(ticket, t);
            } catch (RuntimeException e) {
                problems.add("draft failed: " + e.getClass().getSimpleName());
                log.warn("draft failed for ticket {}: {}", ticket.id(), e.getClass().getName());
            }
            timings.put("draft", micros(s));
        }

        WriteBack plan = WriteBack.none(ticket.id());
        if (planner != null) {
            s = System.nanoTime();
            try {
                plan = planner.plan(ticket, t, summary, draft);
            } catch (RuntimeException e) {
                problems.add("write-back planning failed: " + e.getClass().getSimpleName());
                log.warn("write-back planning failed for ticket {}: {}", ticket.id(), e.getClass().getName());
            }
            timings.put("plan", micros(s));
        }

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        timings.put("total", elapsed.toNanos() / 1000);
        Assistance assistance = new Assistance(ticket.id(), t, summary, draft, plan, problems, elapsed);
        DecisionRecord record = DecisionRecords.of(assistance, clock.instant(), timings);
        try {
            recorder.record(record);
        } catch (RuntimeException e) {
            throw new AssistException(ticket.id(), "decision could not be recorded", e);
        }
        return assistance;
    }

    /** {@link #assist(Ticket)} on this instance's executor. */
    public CompletableFuture<Assistance> assistAsync(Ticket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        return CompletableFuture.supplyAsync(() -> assist(ticket), executor);
    }

    /** Shuts down the executor this instance created; an executor passed in stays the caller's. */
    @Override
    public void close() {
        if (ownsExecutor) {
            executor.shutdown();
        }
    }

    private static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1000;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread th = new Thread(r, "deskassist-" + n.incrementAndGet());
            th.setDaemon(true);
            return th;
        };
    }

    /** Configures a {@link DeskAssist}; only the triage engine is required. */
    public static final class Builder {
        private Triage triage;
        private Summarizing summarizing;
        private Drafting drafting;
        private WriteBackPlanner planner;
        private AuditSink auditSink = AuditSink.NONE;
        private ExecutorService executor;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder triage(Triage triage) {
            this.triage = triage;
            return this;
        }

        /** The summary skill; {@code null} switches it off. */
        public Builder summarizing(Summarizing summarizing) {
            this.summarizing = summarizing;
            return this;
        }

        /** The drafting skill; {@code null} switches it off. */
        public Builder drafting(Drafting drafting) {
            this.drafting = drafting;
            return this;
        }

        /** Decides what is written back; without one the plan is always empty. */
        public Builder writeBackPlanner(WriteBackPlanner planner) {
            this.planner = planner;
            return this;
        }

        public Builder auditSink(AuditSink auditSink) {
            this.auditSink = Objects.requireNonNull(auditSink, "auditSink");
            return this;
        }

        /** The executor for {@link #assistAsync}; by default one thread per core, shut down on close. */
        public Builder executor(ExecutorService executor) {
            this.executor = executor;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public DeskAssist build() {
            return new DeskAssist(this);
        }
    }
}

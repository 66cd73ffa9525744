package dev.deskassist.examples.serve;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.HelpdeskConfig;
import dev.deskassist.core.adapter.LoopGuard;
import dev.deskassist.core.audit.JsonLinesAuditSink;
import dev.deskassist.core.outcome.JsonLinesCorrectionSink;
import dev.deskassist.core.outcome.OutcomeTracker;
import dev.deskassist.core.pipeline.Pipeline;
import dev.deskassist.core.privacy.Pseudonymizer;
import dev.deskassist.core.http.ApiClient;
import dev.deskassist.core.http.RequestLimiter;
import dev.deskassist.core.pipeline.EventStore;
import dev.deskassist.core.pipeline.SqliteEventStore;
import dev.deskassist.core.pipeline.redis.RedisEventStore;
import dev.deskassist.examples.config.Setup;
import dev.deskassist.examples.server.WebhookServer;
import dev.deskassist.examples.webhook.Engines;
import dev.deskassist.freshdesk.FreshdeskAdapter;
import dev.deskassist.servicenow.ServiceNowAdapter;
import dev.deskassist.zendesk.ZendeskAdapter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code serve} runs, assembled from {@link ServeSettings}: the event store (SQLite in
 * the data directory, or Redis shared by several replicas, with the helpdesks' rate budgets), an
 * adapter with its loop guard per configured helpdesk, DeskAssist on the configured engine, the
 * {@link Pipeline} (recording decisions with helpdesk and write-back outcome to the audit file when
 * one is set) and the {@link WebhookServer} with health and Prometheus metrics.
 *
 * <p>{@link #stop()} shuts down in the order that loses nothing: the pipeline stops accepting
 * (webhooks are answered 503 with {@code Retry-After} while the server still listens) and lets
 * running work finish within {@code deskassist.stopDeadline}, giving the rest back to the store;
 * then the server finishes the requests in progress; then the store is closed. Events still
 * pending are processed by the next start on the same data directory.
 */
public final class ServeRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServeRuntime.class);

    private final ServeSettings settings;
    private final EventStore store;
    private final List<HelpdeskAdapter> adapters;
    private final JsonLinesAuditSink audit;
    private final JsonLinesCorrectionSink corrections;
    private final Pipeline pipeline;
    private final WebhookServer server;
    /** Engines from a config directory, closed after the pipeline stopped; {@code null} for {@code Engines.create}. */
    private final Setup.AssistEngines engines;
    private boolean started;
    private boolean stopped;

    private ServeRuntime(ServeSettings settings, EventStore store, List<HelpdeskAdapter> adapters,
                         JsonLinesAuditSink audit, JsonLinesCorrectionSink corrections, Pipeline pipeline,
                         WebhookServer server, Setup.AssistEngines engines) {
        this.settings = settings;
        this.engines = engines;
        this.store = store;
        this.adapters = List.copyOf(adapters);
        this.audit = audit;
        this.corrections = corrections;
        this.pipeline = pipeline;
        this.server = server;
    }

    /**
     * Builds and starts everything: pending events from an earlier run resume at once, and the
     * webhook and management ports listen when this returns.
     *
     * @throws IOException when a port cannot be bound; whatever was opened is closed again
     */
    public static ServeRuntime start(ServeSettings settings) throws IOException {
        return startBuilt(build(settings, null));
    }

    /**
     * Builds and starts everything on engines a config directory built ({@code setup.engines(AuditSink.NONE)},
     * with {@code setup.serveSettings()}): the team's own taxonomy, model, knowledge base, policies
     * and engine per skill instead of {@code deskassist.engine}. LLM usage (calls, tokens,
     * fallbacks) is exported with the other metrics. The runtime owns the engines: they are closed
     * on {@link #stop()}, and at once when the start fails.
     *
     * @throws IOException when a port cannot be bound; whatever was opened is closed again
     */
    public static ServeRuntime start(ServeSettings settings, Setup.AssistEngines engines) throws IOException {
        Objects.requireNonNull(engines, "engines");
        ServeRuntime runtime;
        try {
            runtime = build(settings, engines);
        } catch (RuntimeException e) {
            engines.close();
            throw e;
        }
        return startBuilt(runtime);
    }

    private static ServeRuntime startBuilt(ServeRuntime runtime) throws IOException {
        try {
            runtime.startAll();
        } catch (IOException | RuntimeException e) {
            runtime.stop();
            throw e;
        }
        return runtime;
    }

    private static ServeRuntime build(ServeSettings settings, Setup.AssistEngines engines) {
        Objects.requireNonNull(settings, "settings");
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            EventStore store = openStore(settings);
            opened.add(store);
            Map<HelpdeskAdapter, LoopGuard> adapters = new LinkedHashMap<>();
            for (String helpdesk : settings.helpdesks()) {
                HelpdeskConfig config = settings.helpdeskConfig(helpdesk);
                ApiClient client = apiClient(HelpdeskConfig.requireValid(config), store);
                HelpdeskAdapter adapter = switch (helpdesk) {
                    case "zendesk" -> new ZendeskAdapter(settings.zendesk(), client);
                    case "freshdesk" -> new FreshdeskAdapter(settings.freshdesk(), client);
                    default -> new ServiceNowAdapter(settings.servicenow(), client);
                };
                opened.add(adapter);
                adapters.put(adapter, new LoopGuard(config.integrationUserIds(), config.markerTag().orElse(null)));
            }
            // DeskAssist records nothing itself: the pipeline records each decision once, after the
            // write-back, with the helpdesk and the outcome
            DeskAssist assist = engines != null ? engines.deskAssist() : Engines.create(settings.engine(), null);
            JsonLinesAuditSink audit = settings.auditFileValue().map(JsonLinesAuditSink::new).orElse(null);
            if (audit != null) {
                opened.add(audit);
            }
            JsonLinesCorrectionSink corrections = settings.correctionsFile().map(JsonLinesCorrectionSink::new)
                    .orElse(null);
            if (corrections != null) {
                opened.add(corrections);
            }
            // outcomes are recorded next to the decisions, so only when there is an audit file
            OutcomeTracker tracker = corrections == null ? OutcomeTracker.defaults()
                    : OutcomeTracker.defaults().withCorrections(corrections, Pseudonymizer.defaults());
            PrometheusMetrics metrics = new PrometheusMetrics();
            Pipeline.Builder builder = Pipeline.builder();
            adapters.forEach(builder::adapter);
            Pipeline pipeline = builder
                    .assist(assist)
                    .store(store)
                    .settings(settings.pipeline())
                    .auditSink(audit)
                    .mode(settings.mode())
                    .outcomes(audit == null ? null : tracker)
                    .listener(metrics.listener())
                    .build();
            metrics.bind(pipeline);
            if (engines != null) {
                engines.llm().ifPresent(llm -> metrics.bind(llm.usage()));
            }
            WebhookServer server = WebhookServer.builder(pipeline, pipeline::health)
                    .settings(settings.server())
                    .metrics(metrics::scrape)
                    .build();
            return new ServeRuntime(settings, store, new ArrayList<>(adapters.keySet()), audit, corrections, pipeline,
                    server, engines);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    /** The embedded store in the data directory, or the Redis store replicas share ({@code deskassist.store}). */
    private static EventStore openStore(ServeSettings settings) {
        return settings.redis().<EventStore>map(RedisEventStore::open)
                .orElseGet(() -> SqliteEventStore.open(settings.dataDir(), settings.storeBusyTimeout()));
    }

    /**
     * The helpdesk's HTTP client. On Redis its rate budget is the account's across every replica
     * (keyed by helpdesk and host); on the embedded store it is this process's own.
     */
    private static ApiClient apiClient(HelpdeskConfig config, EventStore store) {
        var api = config.apiClientConfig();
        RequestLimiter limiter;
        if (api.rateBudget().isUnlimited()) {
            limiter = null;
        } else if (store instanceof RedisEventStore redis) {
            limiter = redis.requestLimiter(config.prefix() + "@" + api.baseUrl().host(), api.rateBudget(),
                    api.callTimeout());
        } else {
            limiter = RequestLimiter.local(api.service(), api.rateBudget(), api.callTimeout());
        }
        return new ApiClient(api, new OkHttpClient(), limiter);
    }

    private synchronized void startAll() throws IOException {
        pipeline.start();
        started = true;
        server.start();
    }

    public int webhookPort() {
        return server.webhookPort();
    }

    public int managementPort() {
        return server.managementPort();
    }

    /** {@code http://host:port} of the webhook listener; webhooks go to {@code /webhooks/<helpdesk>}. */
    public URI webhookUri() {
        return server.webhookUri();
    }

    /** {@code http://host:port} of the health and metrics listener. */
    public URI managementUri() {
        return server.managementUri();
    }

    /** The event store. */
    public EventStore store() {
        return store;
    }

    /** The event store's directory. */
    public Path dataDir() {
        return settings.dataDir();
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public ServeSettings settings() {
        return settings;
    }

    /**
     * Stops gracefully (see the class description); returns the number of events left pending in
     * the store, or -1 when the store could not say. Stops once; later calls return -1 at once.
     */
    public synchronized long stop() {
        if (stopped) {
            return -1;
        }
        stopped = true;
        if (started) {
            // first: from here on webhooks get 503 + Retry-After while the listener is still open
            pipeline.stop(settings.pipeline().stopDeadline());
        }
        server.stop(settings.requestGrace());
        long pending = -1;
        try {
            pending = store.pendingEvents();
        } catch (RuntimeException e) {
            log.warn("could not count the pending events: {}", e.getMessage());
        }
        List<AutoCloseable> resources = new ArrayList<>(adapters);
        if (engines != null) {
            resources.add(engines);
        }
        if (audit != null) {
            resources.add(audit);
        }
        if (corrections != null) {
            resources.add(corrections);
        }
        resources.add(store);
        closeAll(resources);
        return pending;
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", r.getClass().getSimpleName(), e.getClass().getName());
            }
        }
    }
}

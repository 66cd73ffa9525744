package dev.deskassist.examples.webhook;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.LoopGuard;
import dev.deskassist.core.pipeline.Pipeline;
import dev.deskassist.core.pipeline.PipelineListener;
import dev.deskassist.core.pipeline.PipelineSettings;
import dev.deskassist.core.pipeline.SqliteEventStore;
import dev.deskassist.examples.server.ServerSettings;
import dev.deskassist.examples.server.WebhookServer;
import dev.deskassist.zendesk.ZendeskAdapter;
import dev.deskassist.zendesk.ZendeskConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * The whole webhook path on loopback for {@code simulate}, {@code bench-webhook} and tests: one
 * helpdesk's adapter, a durable store in a directory, the offline engines, the pipeline and the
 * Jetty server on free loopback ports. Closing it stops the server, then the pipeline (leaving
 * what is unfinished in the store), then closes store, engines and adapter.
 */
public final class LoopbackStack implements AutoCloseable {

    private final HelpdeskAdapter adapter;
    private final SqliteEventStore store;
    private final DeskAssist assist;
    private final Pipeline pipeline;
    private final WebhookServer server;

    private LoopbackStack(HelpdeskAdapter adapter, LoopGuard guard, Path dataDir, PipelineSettings settings,
                          PipelineListener listener, DeskAssist assist) {
        this.adapter = adapter;
        this.store = SqliteEventStore.open(dataDir);
        this.assist = assist != null ? assist : Engines.create("offline", null);
        this.pipeline = Pipeline.builder()
                .adapter(adapter, guard)
                .assist(this.assist).store(store).settings(settings)
                .listener(listener == null ? PipelineListener.NONE : listener)
                .build();
        this.server = WebhookServer.builder(pipeline, pipeline::health)
                .settings(ServerSettings.builder().webhook("127.0.0.1", 0).management("127.0.0.1", 0).build())
                .build();
    }

    /** The Zendesk stack from {@code zendesk.*} keys; {@code http} may carry interceptors, e.g. for measurements. */
    public static LoopbackStack start(Function<String, String> zendeskKeys, Path dataDir, PipelineSettings settings,
                                      PipelineListener listener, OkHttpClient http) throws IOException {
        return start(zendeskKeys, dataDir, settings, listener, http, null);
    }

    /**
     * The Zendesk stack on {@code assist} (e.g. a config directory's engines), which the stack
     * closes; {@code null} for the Nordwind sample's offline engines.
     */
    public static LoopbackStack start(Function<String, String> zendeskKeys, Path dataDir, PipelineSettings settings,
                                      PipelineListener listener, OkHttpClient http, DeskAssist assist)
            throws IOException {
        ZendeskConfig config = ZendeskConfig.of(Objects.requireNonNull(zendeskKeys, "zendeskKeys"));
        ZendeskAdapter zendesk = new ZendeskAdapter(config, http == null ? new OkHttpClient() : http);
        LoopGuard guard = new LoopGuard(config.integrationUserIds(), config.markerTag().orElse(null));
        return start(zendesk, guard, dataDir, settings, listener, assist);
    }

    /** Builds and starts the stack around any adapter; the stack closes the adapter. */
    public static LoopbackStack start(HelpdeskAdapter adapter, LoopGuard guard, Path dataDir,
                                      PipelineSettings settings, PipelineListener listener) throws IOException {
        return start(adapter, guard, dataDir, settings, listener, null);
    }

    /**
     * Builds and starts the stack around any adapter on {@code assist} ({@code null} for the
     * Nordwind sample's offline engines); the stack closes the adapter and the engines.
     */
    public static LoopbackStack start(HelpdeskAdapter adapter, LoopGuard guard, Path dataDir,
                                      PipelineSettings settings, PipelineListener listener, DeskAssist assist)
            throws IOException {
        LoopbackStack s = new LoopbackStack(Objects.requireNonNull(adapter, "adapter"),
                Objects.requireNonNull(guard, "guard"), Objects.requireNonNull(dataDir, "dataDir"),
                Objects.requireNonNull(settings, "settings"), listener, assist);
        s.pipeline.start();
        try {
            s.server.start();
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** {@code http://127.0.0.1:<port>/webhooks/zendesk}. */
    public URI zendeskEndpoint() {
        return endpoint();
    }

    /** {@code http://127.0.0.1:<port>/webhooks/<the adapter's name>}. */
    public URI endpoint() {
        return server.webhookUri().resolve("/webhooks/" + adapter.name());
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public WebhookServer server() {
        return server;
    }

    public boolean awaitIdle(Duration timeout) {
        return pipeline.awaitIdle(timeout);
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(2));
        pipeline.stop(Duration.ofSeconds(5));
        store.close();
        assist.close();
        adapter.close();
    }
}

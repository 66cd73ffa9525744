package dev.deskassist.examples.server;

import dev.deskassist.core.pipeline.PipelineHealth;
import dev.deskassist.core.pipeline.WebhookIntake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of {@code serve} on Jetty: {@code POST /webhooks/{helpdesk}} on the webhook port,
 * handed to a {@link WebhookIntake}; health and metrics on a separate management port. The two
 * listeners run on separate thread pools, so a flood of webhook traffic cannot starve the health
 * checks. Bodies are read asynchronously and bounded, and clients too slow to send their headers
 * or body are dropped (see {@link ServerSettings}).
 *
 * <pre>{@code
 * WebhookServer server = WebhookServer.builder(pipeline, pipeline::health)
 *         .settings(ServerSettings.from(lookup))
 *         .metrics(registry::scrape)
 *         .build()
 *         .start();
 * ...
 * pipeline.stopAccepting();                // new calls are answered 503
 * server.stop(Duration.ofSeconds(10));     // in-flight requests finish
 * }</pre>
 */
public final class WebhookServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    private static final int MANAGEMENT_THREADS = 8;
    private static final int ACCEPT_QUEUE = 256;
    private static final long SHUTDOWN_IDLE_MILLIS = 100;

    private final ServerSettings settings;
    private final Server webhook;
    private final ServerConnector webhookConnector;
    private final NetworkConnectionLimit limit;
    private final Server management;
    private final ServerConnector managementConnector;

    private WebhookServer(Builder b) {
        this.settings = b.settings;

        webhook = new Server(pool("deskassist-webhook", settings.maxThreads()));
        webhookConnector = connector(webhook, settings.webhookHost(), settings.webhookPort());
        HeaderDeadline webhookDeadline = new HeaderDeadline(webhook.getScheduler(), settings.headerTimeout());
        webhookConnector.addEventListener(webhookDeadline);
        webhook.addConnector(webhookConnector);
        limit = new NetworkConnectionLimit(settings.maxConnections(), webhookConnector);
        limit.setEndPointIdleTimeout(settings.idleTimeoutAtLimit().toMillis());
        webhook.addBean(limit);
        webhook.setHandler(new GracefulHandler(new WebhookHandler(b.intake, settings.maxBodyBytes(),
                settings.bodyTimeout(), webhookDeadline)));
        webhook.setErrorHandler(errorHandler());

        management = new Server(pool("deskassist-management", MANAGEMENT_THREADS));
        managementConnector = connector(management, settings.managementHost(), settings.managementPort());
        HeaderDeadline managementDeadline = new HeaderDeadline(management.getScheduler(), settings.headerTimeout());
        managementConnector.addEventListener(managementDeadline);
        management.addConnector(managementConnector);
        management.setHandler(new ManagementHandler(b.health, b.metrics, managementDeadline));
        management.setErrorHandler(errorHandler());
    }

    /** A server for the intake and the pipeline's health snapshot; settings default to {@link ServerSettings#defaults()}. */
    public static Builder builder(WebhookIntake intake, Supplier<PipelineHealth> health) {
        return new Builder(intake, health);
    }

    /** Binds both ports and starts serving; the ports are known afterwards. */
    public WebhookServer start() throws IOException {
        try {
            management.start();
            webhook.start();
        } catch (Exception e) {
            stopQuietly(webhook);
            stopQuietly(management);
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("could not start the webhook server: " + e.getClass().getName(), e);
        }
        LOG.info("webhooks on {}:{} (POST /webhooks/{helpdesk}), health and metrics on {}:{}",
                settings.webhookHost(), webhookPort(), settings.managementHost(), managementPort());
        return this;
    }

    /** The bound webhook port (the configured one, or the one picked for port 0). */
    public int webhookPort() {
        return webhookConnector.getLocalPort();
    }

    /** The bound management port. */
    public int managementPort() {
        return managementConnector.getLocalPort();
    }

    /** {@code http://host:port} of the webhook listener; a wildcard bind address is shown as loopback. */
    public URI webhookUri() {
        return uri(settings.webhookHost(), webhookPort());
    }

    /** {@code http://host:port} of the management listener. */
    public URI managementUri() {
        return uri(settings.managementHost(), managementPort());
    }

    /** Webhook connections open now (the connection limit's count). */
    int webhookConnections() {
        return limit.getNetworkConnectionCount();
    }

    /** The address the webhook listener is bound to (tests check the bind address). */
    InetSocketAddress webhookAddress() {
        return boundAddress(webhookConnector);
    }

    /** The address the management listener is bound to. */
    InetSocketAddress managementAddress() {
        return boundAddress(managementConnector);
    }

    private static InetSocketAddress boundAddress(ServerConnector connector) {
        try {
            return (InetSocketAddress) ((ServerSocketChannel) connector.getTransport()).getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ServerSettings settings() {
        return settings;
    }

    /**
     * Stops accepting connections, lets requests already in the intake finish for up to {@code grace},
     * then closes everything; the management port closes last so that readiness is visible while
     * draining. Tell the pipeline to stop accepting first, so late calls are answered 503.
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        webhook.setStopTimeout(Math.max(1, grace.toMillis()));
        stopQuietly(webhook);
        management.setStopTimeout(0);
        stopQuietly(management);
    }

    /** {@link #stop(Duration)} with 10 seconds of grace. */
    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (TimeoutException e) {
            // Jetty has stopped everything anyway; only the grace period ran out
            LOG.warn("requests still in flight when the grace period of {} ms ended were cut off",
                    server.getStopTimeout());
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server failed: {}", e.getClass().getName());
        }
    }

    private static QueuedThreadPool pool(String name, int maxThreads) {
        QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(maxThreads, ServerSettings.MIN_THREADS));
        pool.setName(name);
        return pool;
    }

    @SuppressWarnings("removal") // the delay goes away with the setting (EagerContentHandler replaces it)
    private ServerConnector connector(Server server, String host, int port) {
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(settings.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // the handler starts at the end of the headers (not at the first body byte), so that a declared
        // oversize body is refused at once and the body is read under the handler's own deadline
        http.setDelayDispatchUntilContent(false);
        // one acceptor, one selector: enough for two cores, and reading never blocks a thread
        ServerConnector c = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        c.setHost(host);
        c.setPort(port);
        c.setIdleTimeout(settings.idleTimeout().toMillis());
        // while stopping, idle keep-alive connections are closed at once instead of after Jetty's 1 s;
        // a request in progress is not idle-closed by it (it keeps its connection until answered)
        c.setShutdownIdleTimeout(SHUTDOWN_IDLE_MILLIS);
        // the JDK's default backlog of 50 drops the SYNs of a burst of deliveries, costing each a 1 s retransmit
        c.setAcceptQueueSize(ACCEPT_QUEUE);
        return c;
    }

    private static ErrorHandler errorHandler() {
        // Jetty's own answers (400, 431, ...) carry no stack, cause or message beyond the status
        ErrorHandler h = new ErrorHandler();
        h.setShowStacks(false);
        h.setShowCauses(false);
        h.setShowMessageInTitle(false);
        h.setDefaultResponseMimeType("application/json");
        return h;
    }

    private static URI uri(String host, int port) {
        String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port);
    }

    /** Assembles a {@link WebhookServer}; only the intake and the health supplier are required. */
    public static final class Builder {
        private final WebhookIntake intake;
        private final Supplier<PipelineHealth> health;
        private Supplier<String> metrics = () -> "";
        private ServerSettings settings = ServerSettings.defaults();

        private Builder(WebhookIntake intake, Supplier<PipelineHealth> health) {
            this.intake = Objects.requireNonNull(intake, "intake");
            this.health = Objects.requireNonNull(health, "health");
        }

        /** Listeners, limits and timeouts. */
        public Builder settings(ServerSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The text served at {@code GET /metrics}, in Prometheus text format; empty when not set. */
        public Builder metrics(Supplier<String> metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** A server not yet started. */
        public WebhookServer build() {
            return new WebhookServer(this);
        }
    }
}

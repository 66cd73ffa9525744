package dev.deskassist.examples.server;

import dev.deskassist.core.adapter.ConfigValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How {@link WebhookServer} listens and what it tolerates from clients. The webhook port binds
 * all interfaces by default because helpdesks must reach it; the management port (health,
 * metrics) binds loopback only unless configured otherwise.
 *
 * @param webhookHost    address of the webhook listener; default {@code 0.0.0.0}
 * @param webhookPort    port of the webhook listener, 0 for any free one; default 8080
 * @param managementHost address of the health/metrics listener; default {@code 127.0.0.1}
 * @param managementPort port of the health/metrics listener, 0 for any free one; default 8081
 * @param maxBodyBytes   largest request body accepted, enforced while reading (413 beyond); default 1 MiB
 * @param maxHeaderBytes largest request line plus headers (431 beyond); default 8 KiB
 * @param headerTimeout  time a connection has to deliver a request's line and headers, counted from
 *                       when it opened or its previous response finished; default 5 s
 * @param bodyTimeout    time to deliver the whole body once the headers are in; default 10 s
 * @param idleTimeout    a connection with no traffic at all is closed after this; default 30 s
 * @param maxConnections open webhook connections; beyond it new ones wait in the accept queue and
 *                       idle ones are closed after {@code idleTimeoutAtLimit}; default 512
 * @param idleTimeoutAtLimit idle timeout applied while {@code maxConnections} is reached; default 1 s
 * @param maxThreads     worker threads for the webhook listener (reading is asynchronous, so a slow
 *                       client holds no thread; threads run the intake, which may block on the store);
 *                       default 32
 */
public record ServerSettings(String webhookHost, int webhookPort, String managementHost, int managementPort,
                             int maxBodyBytes, int maxHeaderBytes, Duration headerTimeout, Duration bodyTimeout,
                             Duration idleTimeout, int maxConnections, Duration idleTimeoutAtLimit, int maxThreads) {

    /** Smallest webhook thread pool Jetty can run with: acceptor, selector and a few workers. */
    static final int MIN_THREADS = 4;

    public ServerSettings {
        Objects.requireNonNull(webhookHost, "webhookHost");
        Objects.requireNonNull(managementHost, "managementHost");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(idleTimeoutAtLimit, "idleTimeoutAtLimit");
        List<String> problems = new ArrayList<>();
        port(problems, "webhookPort", webhookPort);
        port(problems, "managementPort", managementPort);
        positive(problems, "maxBodyBytes", maxBodyBytes);
        if (maxHeaderBytes < 1024) {
            problems.add("maxHeaderBytes must be at least 1024, was " + maxHeaderBytes);
        }
        positive(problems, "headerTimeout", headerTimeout);
        positive(problems, "bodyTimeout", bodyTimeout);
        positive(problems, "idleTimeout", idleTimeout);
        positive(problems, "idleTimeoutAtLimit", idleTimeoutAtLimit);
        positive(problems, "maxConnections", maxConnections);
        if (maxThreads < MIN_THREADS) {
            problems.add("maxThreads must be at least " + MIN_THREADS + ", was " + maxThreads);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid server settings: " + String.join("; ", problems));
        }
    }

    /** All defaults: webhooks on 0.0.0.0:8080, management on 127.0.0.1:8081. */
    public static ServerSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Settings from a property lookup; absent keys keep their defaults. Keys: {@code deskassist.bind},
     * {@code deskassist.port}, {@code deskassist.management.bind}, {@code deskassist.management.port},
     * {@code deskassist.maxBodyBytes}, {@code deskassist.maxHeaderBytes}, {@code deskassist.headerTimeout},
     * {@code deskassist.bodyTimeout}, {@code deskassist.idleTimeout}, {@code deskassist.maxConnections},
     * {@code deskassist.idleTimeoutAtLimit}, {@code deskassist.maxThreads} (durations as {@code 5s},
     * {@code 500ms} or ISO-8601).
     */
    public static ServerSettings from(Function<String, String> lookup) {
        ServerSettings d = defaults();
        return new ServerSettings(
                ConfigValues.optional(lookup, "deskassist.bind").orElse(d.webhookHost),
                ConfigValues.integer(lookup, "deskassist.port", d.webhookPort),
                ConfigValues.optional(lookup, "deskassist.management.bind").orElse(d.managementHost),
                ConfigValues.integer(lookup, "deskassist.management.port", d.managementPort),
                ConfigValues.integer(lookup, "deskassist.maxBodyBytes", d.maxBodyBytes),
                ConfigValues.integer(lookup, "deskassist.maxHeaderBytes", d.maxHeaderBytes),
                ConfigValues.duration(lookup, "deskassist.headerTimeout", d.headerTimeout),
                ConfigValues.duration(lookup, "deskassist.bodyTimeout", d.bodyTimeout),
                ConfigValues.duration(lookup, "deskassist.idleTimeout", d.idleTimeout),
                ConfigValues.integer(lookup, "deskassist.maxConnections", d.maxConnections),
                ConfigValues.duration(lookup, "deskassist.idleTimeoutAtLimit", d.idleTimeoutAtLimit),
                ConfigValues.integer(lookup, "deskassist.maxThreads", d.maxThreads));
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.webhookHost = webhookHost;
        b.webhookPort = webhookPort;
        b.managementHost = managementHost;
        b.managementPort = managementPort;
        b.maxBodyBytes = maxBodyBytes;
        b.maxHeaderBytes = maxHeaderBytes;
        b.headerTimeout = headerTimeout;
        b.bodyTimeout = bodyTimeout;
        b.idleTimeout = idleTimeout;
        b.maxConnections = maxConnections;
        b.idleTimeoutAtLimit = idleTimeoutAtLimit;
        b.maxThreads = maxThreads;
        return b;
    }

    private static void port(List<String> problems, String name, int port) {
        if (port < 0 || port > 65535) {
            problems.add(name + " must be 0-65535, was " + port);
        }
    }

    private static void positive(List<String> problems, String name, long value) {
        if (value <= 0) {
            problems.add(name + " must be positive, was " + value);
        }
    }

    private static void positive(List<String> problems, String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(name + " must be positive, was " + value);
        }
    }

    /** Builds {@link ServerSettings}; every setting starts at its documented default. */
    public static final class Builder {
        private String webhookHost = "0.0.0.0";
        private int webhookPort = 8080;
        private String managementHost = "127.0.0.1";
        private int managementPort = 8081;
        private int maxBodyBytes = 1024 * 1024;
        private int maxHeaderBytes = 8 * 1024;
        private Duration headerTimeout = Duration.ofSeconds(5);
        private Duration bodyTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(30);
        private int maxConnections = 512;
        private Duration idleTimeoutAtLimit = Duration.ofSeconds(1);
        private int maxThreads = 32;

        private Builder() {
        }

        /** Where helpdesks send webhooks; port 0 picks a free one. */
        public Builder webhook(String host, int port) {
            this.webhookHost = host;
            this.webhookPort = port;
            return this;
        }

        /** Where health and metrics are served; keep it on loopback or a private network. */
        public Builder management(String host, int port) {
            this.managementHost = host;
            this.managementPort = port;
            return this;
        }

        public Builder maxBodyBytes(int bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        public Builder maxHeaderBytes(int bytes) {
            this.maxHeaderBytes = bytes;
            return this;
        }

        public Builder headerTimeout(Duration timeout) {
            this.headerTimeout = timeout;
            return this;
        }

        public Builder bodyTimeout(Duration timeout) {
            this.bodyTimeout = timeout;
            return this;
        }

        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        public Builder maxConnections(int connections) {
            this.maxConnections = connections;
            return this;
        }

        public Builder idleTimeoutAtLimit(Duration timeout) {
            this.idleTimeoutAtLimit = timeout;
            return this;
        }

        public Builder maxThreads(int threads) {
            this.maxThreads = threads;
            return this;
        }

        public ServerSettings build() {
            return new ServerSettings(webhookHost, webhookPort, managementHost, managementPort, maxBodyBytes,
                    maxHeaderBytes, headerTimeout, bodyTimeout, idleTimeout, maxConnections, idleTimeoutAtLimit,
                    maxThreads);
        }
    }
}

package dev.deskassist.core.pipeline.redis;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where and how {@link RedisEventStore} reaches Redis: the server's URL ({@code redis://host:port}
 * or {@code rediss://} for TLS), credentials, timeouts and the key prefix that keeps several
 * deployments apart on one server. {@link #toString()} never shows the password.
 *
 * @param url            {@code redis://host:port[/db]} or {@code rediss://…}; no credentials in it
 * @param tls            TLS even when the URL says {@code redis://}
 * @param username       the ACL user, or {@code null} for the default user
 * @param password       the password, or {@code null} for none
 * @param connectTimeout how long connecting may take
 * @param commandTimeout how long one command may take before the operation fails as unavailable
 * @param keyPrefix      every key starts with {@code {keyPrefix}:}; the braces keep all keys in one cluster slot
 * @param consumer       this replica's consumer name in the intake stream's consumer group
 * @param intakeIdle     how long an intake entry read by a replica may stay unrouted before another takes it
 */
public record RedisStoreSettings(String url, boolean tls, String username, String password, Duration connectTimeout,
                                 Duration commandTimeout, String keyPrefix, String consumer, Duration intakeIdle) {

    /** The default key prefix. */
    public static final String DEFAULT_PREFIX = "deskassist";

    public RedisStoreSettings {
        List<String> problems = new ArrayList<>();
        if (url == null || url.isBlank()) {
            problems.add("url is required");
        } else {
            try {
                URI u = URI.create(url);
                if (!"redis".equals(u.getScheme()) && !"rediss".equals(u.getScheme())) {
                    problems.add("url must start with redis:// or rediss://");
                }
                if (u.getUserInfo() != null) {
                    problems.add("url must not carry credentials; give username and password from the environment");
                }
            } catch (IllegalArgumentException e) {
                problems.add("url is not a URL");
            }
        }
        positive(problems, "connectTimeout", connectTimeout);
        positive(problems, "commandTimeout", commandTimeout);
        positive(problems, "intakeIdle", intakeIdle);
        if (keyPrefix == null || !keyPrefix.matches("[A-Za-z0-9._-]{1,64}")) {
            problems.add("keyPrefix must be 1-64 of A-Z a-z 0-9 . _ -");
        }
        if (consumer == null || consumer.isBlank()) {
            problems.add("consumer is required");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Redis store settings: " + String.join("; ", problems));
        }
        if (username != null && username.isBlank()) {
            username = null;
        }
        if (password != null && password.isEmpty()) {
            password = null;
        }
    }

    private static void positive(List<String> problems, String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            problems.add(name + " must be positive");
        }
    }

    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** Whether the connection uses TLS (the flag, or a {@code rediss://} URL). */
    public boolean usesTls() {
        return tls || url.startsWith("rediss://");
    }

    public Builder toBuilder() {
        return new Builder(url).tls(tls).username(username).password(password).connectTimeout(connectTimeout)
                .commandTimeout(commandTimeout).keyPrefix(keyPrefix).consumer(consumer).intakeIdle(intakeIdle);
    }

    @Override
    public String toString() {
        return "RedisStoreSettings[url=" + url + ", tls=" + usesTls() + ", username=" + username + ", password="
                + (password == null ? "none" : "***") + ", connectTimeout=" + connectTimeout + ", commandTimeout="
                + commandTimeout + ", keyPrefix=" + keyPrefix + ", consumer=" + consumer + ", intakeIdle="
                + intakeIdle + "]";
    }

    /** Builds {@link RedisStoreSettings}; every option but the URL has a default. */
    public static final class Builder {
        private final String url;
        private boolean tls;
        private String username;
        private String password;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration commandTimeout = Duration.ofSeconds(2);
        private String keyPrefix = DEFAULT_PREFIX;
        private String consumer = defaultConsumer();
        private Duration intakeIdle = Duration.ofSeconds(30);

        private Builder(String url) {
            this.url = url;
        }

        private static String defaultConsumer() {
            String host = System.getenv().getOrDefault("HOSTNAME", "replica");
            return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        }

        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
            return this;
        }

        public Builder keyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
            return this;
        }

        public Builder consumer(String consumer) {
            this.consumer = Objects.requireNonNull(consumer, "consumer");
            return this;
        }

        public Builder intakeIdle(Duration intakeIdle) {
            this.intakeIdle = intakeIdle;
            return this;
        }

        public RedisStoreSettings build() {
            return new RedisStoreSettings(url, tls, username, password, connectTimeout, commandTimeout, keyPrefix,
                    consumer, intakeIdle);
        }
    }
}

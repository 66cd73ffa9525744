package dev.deskassist.examples.serve;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.ConfigChecks;
import dev.deskassist.core.adapter.ConfigProblem;
import dev.deskassist.core.adapter.ConfigSource;
import dev.deskassist.core.adapter.ConfigValues;
import dev.deskassist.core.pipeline.PipelineSettings;
import dev.deskassist.core.pipeline.RunMode;
import dev.deskassist.core.pipeline.redis.RedisStoreSettings;
import dev.deskassist.examples.server.ServerSettings;
import dev.deskassist.core.adapter.HelpdeskConfig;
import dev.deskassist.freshdesk.FreshdeskConfig;
import dev.deskassist.servicenow.ServiceNowConfig;
import dev.deskassist.zendesk.ZendeskConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything {@code serve} is configured with, read from a properties file and {@code DESKASSIST_*}
 * environment variables (the environment wins; {@code deskassist.dataDir} is
 * {@code DESKASSIST_DATA_DIR}, {@code zendesk.baseUrl} is {@code DESKASSIST_ZENDESK_BASE_URL}) and
 * checked as a whole: {@link #from} reports every bad or missing value at once, each with its key,
 * where it was set (file and line, or environment variable) and what it should hold, never the
 * value itself.
 *
 * <table>
 *   <caption>keys (besides {@code zendesk.*}, {@code freshdesk.*} and {@code servicenow.*}: each helpdesk whose
 *   {@code baseUrl} is set is served, see its config class)</caption>
 *   <tr><td>deskassist.dataDir</td><td>the event store's directory, default {@code ./deskassist-data}</td></tr>
 *   <tr><td>deskassist.storeBusyTimeout</td><td>how long a store operation waits for another process, default 5s</td></tr>
 *   <tr><td>deskassist.store</td><td>{@code embedded} (default: SQLite in the data directory) or {@code redis}
 *       (several replicas share one Redis)</td></tr>
 *   <tr><td>deskassist.redis.url, redis.tls, redis.keyPrefix, redis.connectTimeout, redis.commandTimeout,
 *       redis.intakeIdle</td><td>the Redis store ({@link RedisStoreSettings}); {@code redis://host:port} or
 *       {@code rediss://} for TLS</td></tr>
 *   <tr><td>deskassist.redis.username, redis.password</td><td>only from the environment:
 *       {@code DESKASSIST_REDIS_USERNAME}, {@code DESKASSIST_REDIS_PASSWORD}</td></tr>
 *   <tr><td>deskassist.engine</td><td>{@code offline} (default)</td></tr>
 *   <tr><td>deskassist.auditFile</td><td>JSON-lines decision records with helpdesk and write-back outcome; none by default</td></tr>
 *   <tr><td>deskassist.mode</td><td>{@code live} (default) or {@code shadow}: decide and record everything, write
 *       nothing to any helpdesk</td></tr>
 *   <tr><td>deskassist.correctionsFile</td><td>JSON-lines training rows (pseudonymized text, the agent's category)
 *       harvested from category corrections, for {@code train --with-corrections}; none by default. Outcome and
 *       feedback records go to the audit file whenever one is set</td></tr>
 *   <tr><td>deskassist.requestGrace</td><td>how long webhook requests in progress may finish at stop, default 10s</td></tr>
 *   <tr><td>deskassist.workers, dedupeWindow, retryHorizon, initialBackoff, maxBackoff, maxRetryAfter,
 *       stopDeadline, pollInterval, lease, unavailableRetryAfter, deadLetterRetention, housekeepingInterval,
 *       maxJsonDepth</td><td>the pipeline ({@link PipelineSettings}, same names and defaults)</td></tr>
 *   <tr><td>deskassist.bind, port, management.bind, management.port, maxBodyBytes, maxHeaderBytes,
 *       headerTimeout, bodyTimeout, idleTimeout, maxConnections, idleTimeoutAtLimit, maxThreads</td>
 *       <td>the HTTP server ({@link ServerSettings#from}); {@code maxBodyBytes} bounds the pipeline too</td></tr>
 * </table>
 *
 * @param source           where the values come from; the helpdesk adapters read their keys from it
 * @param dataDir          the event store's directory
 * @param storeBusyTimeout how long a store operation waits for another process's transaction
 * @param engine           the engine name for {@code Engines.create}
 * @param auditFile        the JSON-lines audit file, or {@code null} for none
 * @param requestGrace     how long webhook requests in progress may finish when the server stops
 * @param pipeline         the pipeline's settings
 * @param server           the HTTP server's settings
 */
public record ServeSettings(ConfigSource source, Path dataDir, Duration storeBusyTimeout, String engine,
                            Path auditFile, Duration requestGrace, PipelineSettings pipeline, ServerSettings server) {

    /** The key prefix of DeskAssist's own settings. */
    public static final String PREFIX = "deskassist";
    /** The helpdesks {@code serve} can run, each configured under its name. */
    public static final List<String> HELPDESKS = List.of("zendesk", "freshdesk", "servicenow");

    /** The event store's directory when {@code deskassist.dataDir} is not set. */
    public static final Path DEFAULT_DATA_DIR = Path.of("deskassist-data");

    /** Engines {@code Engines.create} knows; checked here so that a typo is reported with the other problems. */
    static final Set<String> ENGINES = Set.of("offline");

    /** {@code deskassist.store} for the SQLite store in the data directory. */
    public static final String EMBEDDED = "embedded";
    /** {@code deskassist.store} for the Redis store several replicas share. */
    public static final String REDIS = "redis";

    private static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_REQUEST_GRACE = Duration.ofSeconds(10);

    /** Pipeline settings by key below {@code deskassist.}; the names are the record's, so its messages map back. */
    private static final List<String> PIPELINE_INTEGERS = List.of("workers", "maxBodyBytes", "maxJsonDepth");
    private static final List<String> PIPELINE_DURATIONS = List.of("dedupeWindow", "initialBackoff", "maxBackoff",
            "maxRetryAfter", "retryHorizon", "pollInterval", "lease", "stopDeadline", "unavailableRetryAfter",
            "deadLetterRetention", "housekeepingInterval");

    /** {@link ServerSettings} component name to the key {@link ServerSettings#from} reads it from. */
    private static final Map<String, String> SERVER_KEYS = serverKeys();
    private static final List<String> SERVER_INTEGERS = List.of("deskassist.port", "deskassist.management.port",
            "deskassist.maxBodyBytes", "deskassist.maxHeaderBytes", "deskassist.maxConnections",
            "deskassist.maxThreads");
    private static final List<String> SERVER_DURATIONS = List.of("deskassist.headerTimeout", "deskassist.bodyTimeout",
            "deskassist.idleTimeout", "deskassist.idleTimeoutAtLimit");

    /** Keys of the in-memory middleware that no longer mean anything, with what replaced them. */
    private static final Map<String, String> RETIRED = Map.of(
            "deskassist.deadLetterDir", "dead letters are kept in the event store under deskassist.dataDir; "
                    + "see 'dead-letters list'",
            "deskassist.maxAttempts", "transient failures are retried until deskassist.retryHorizon; "
                    + "permanent ones become dead letters at once",
            "deskassist.retryBackoff", "use deskassist.initialBackoff and deskassist.maxBackoff",
            "deskassist.queueCapacity", "accepted events wait in the event store, which has no fixed capacity");

    public ServeSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(storeBusyTimeout, "storeBusyTimeout");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(requestGrace, "requestGrace");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(server, "server");
    }

    /**
     * The settings from a properties file (may be {@code null}) overridden by the environment.
     *
     * @throws AdapterConfigException naming every problem, including an unreadable file
     */
    public static ServeSettings load(Path file, Map<String, String> env) {
        return from(source(file, env));
    }

    /** The environment over the file (when given), the way every command reads its configuration. */
    public static ConfigSource source(Path file, Map<String, String> env) {
        ConfigSource environment = ConfigSource.environment(env);
        return file == null ? environment : ConfigSource.layered(environment, ConfigSource.fromFile(file));
    }

    /** Settings over plain properties, for tests and embedding. */
    public static ServeSettings of(Properties properties) {
        return from(ConfigSource.of(properties));
    }

    /** The Zendesk adapter's configuration, over the same source. */
    public ZendeskConfig zendesk() {
        return ZendeskConfig.from(source);
    }

    /** The Freshdesk adapter's configuration, over the same source. */
    public FreshdeskConfig freshdesk() {
        return FreshdeskConfig.from(source);
    }

    /** The ServiceNow adapter's configuration, over the same source. */
    public ServiceNowConfig servicenow() {
        return ServiceNowConfig.from(source);
    }

    /** The adapter configuration of {@code name}, one of {@link #HELPDESKS}, over the same source. */
    public HelpdeskConfig helpdeskConfig(String name) {
        return helpdeskConfig(source, name);
    }

    private static HelpdeskConfig helpdeskConfig(ConfigSource source, String name) {
        return switch (name) {
            case "zendesk" -> ZendeskConfig.from(source);
            case "freshdesk" -> FreshdeskConfig.from(source);
            case "servicenow" -> ServiceNowConfig.from(source);
            default -> throw new IllegalArgumentException("not a helpdesk serve runs: " + name);
        };
    }

    /**
     * The helpdesks to serve, in a fixed order: those with any key set under their name (so that a
     * half-done configuration is reported, not ignored), or at least {@code <name>.baseUrl}.
     */
    public List<String> helpdesks() {
        return helpdesks(source);
    }

    private static List<String> helpdesks(ConfigSource source) {
        return HELPDESKS.stream().filter(h -> ConfigValues.optional(source::get, h + ".baseUrl").isPresent()
                || !source.unknownKeys(h, Set.of()).isEmpty()).toList();
    }

    /** {@code deskassist.mode}: {@code SHADOW} writes nothing to any helpdesk; {@code LIVE} by default. */
    public RunMode mode() {
        return mode(source);
    }

    /** {@code deskassist.correctionsFile}, when set. */
    public Optional<Path> correctionsFile() {
        return path(source, "deskassist.correctionsFile");
    }

    private static RunMode mode(ConfigSource source) {
        String v = ConfigValues.optional(source::get, "deskassist.mode").orElse("live").strip();
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "live" -> RunMode.LIVE;
            case "shadow" -> RunMode.SHADOW;
            default -> throw new AdapterConfigException(new ConfigProblem("deskassist.mode", null,
                    "must be live or shadow"));
        };
    }

    /** The audit file, when one is set. */
    public Optional<Path> auditFileValue() {
        return Optional.ofNullable(auditFile);
    }

    /**
     * Reads and checks every setting.
     *
     * @throws AdapterConfigException listing every problem found, each with key, origin and what it should hold
     */
    public static ServeSettings from(ConfigSource source) {
        Objects.requireNonNull(source, "source");
        Checks c = new Checks(source);

        Path dataDir = c.read(() -> dataDir(source), DEFAULT_DATA_DIR);
        Duration busy = c.read(() -> positive(source, "deskassist.storeBusyTimeout", DEFAULT_BUSY_TIMEOUT), null);
        String engine = ConfigValues.optional(source::get, "deskassist.engine").orElse("offline");
        if (!ENGINES.contains(engine)) {
            c.add("deskassist.engine", "must be one of " + String.join(", ", ENGINES.stream().sorted().toList()));
        }
        Path auditFile = c.read(() -> path(source, "deskassist.auditFile").orElse(null), null);
        String store = c.read(() -> storeKind(source), EMBEDDED);
        if (REDIS.equals(store)) {
            c.read(() -> {
                redisSecretsFromEnvironment(source);
                return null;
            }, null);
            c.read(() -> redis(source), null);
        }
        Duration grace = c.read(() -> positive(source, "deskassist.requestGrace", DEFAULT_REQUEST_GRACE), null);
        c.read(() -> mode(source), null);
        c.read(() -> path(source, "deskassist.correctionsFile"), null);
        PipelineSettings pipeline = pipeline(source, c);
        ServerSettings server = server(source, c);
        List<String> helpdesks = helpdesks(source);
        if (helpdesks.isEmpty()) {
            c.add("zendesk.baseUrl", "no helpdesk configured: set zendesk.baseUrl, freshdesk.baseUrl or "
                    + "servicenow.baseUrl with that helpdesk's keys");
        }
        for (String helpdesk : helpdesks) {
            // without a secret ServiceNow is served by its poller alone
            helpdesk(helpdeskConfig(source, helpdesk), !helpdesk.equals("servicenow"), c);
        }

        RETIRED.forEach((key, instead) -> {
            if (source.get(key) != null) {
                c.add(key, "no longer read: " + instead);
            }
        });
        Set<String> known = new LinkedHashSet<>(knownKeys());
        known.addAll(RETIRED.keySet());
        c.checks.addAll(source.unknownKeys(PREFIX, known));

        List<ConfigProblem> problems = c.checks.problems();
        if (!problems.isEmpty()) {
            throw new AdapterConfigException(problems);
        }
        return new ServeSettings(source, dataDir, busy, engine, auditFile, grace, pipeline, server);
    }

    /**
     * Only the event store's directory ({@code deskassist.dataDir}, default {@code ./deskassist-data}),
     * for commands that need nothing else from the configuration.
     */
    public static Path dataDir(ConfigSource source) {
        return path(source, "deskassist.dataDir").orElse(DEFAULT_DATA_DIR);
    }

    /** Only {@code deskassist.storeBusyTimeout} (default 5 s). */
    public static Duration storeBusyTimeout(ConfigSource source) {
        return positive(source, "deskassist.storeBusyTimeout", DEFAULT_BUSY_TIMEOUT);
    }

    /** {@code deskassist.store}: {@value #EMBEDDED} (the default) or {@value #REDIS}. */
    public String store() {
        return storeKind(source);
    }

    /** The Redis store's settings when {@code deskassist.store} is {@value #REDIS}. */
    public Optional<RedisStoreSettings> redis() {
        return REDIS.equals(store()) ? Optional.of(redis(source)) : Optional.empty();
    }

    /** {@code deskassist.store} alone. */
    public static String storeKind(ConfigSource source) {
        String v = ConfigValues.optional(source::get, "deskassist.store").orElse(EMBEDDED);
        if (!v.equals(EMBEDDED) && !v.equals(REDIS)) {
            throw new AdapterConfigException(new ConfigProblem("deskassist.store", source.origin("deskassist.store"),
                    "must be embedded or redis"));
        }
        return v;
    }

    /** Refuses Redis credentials written in a file: they belong in the environment, not beside the configuration. */
    private static void redisSecretsFromEnvironment(ConfigSource source) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (String secret : List.of("deskassist.redis.username", "deskassist.redis.password")) {
            String origin = source.origin(secret);
            if (origin != null && origin.contains(" line ")) {
                problems.add(new ConfigProblem(secret, origin,
                        "is read only from the environment (" + ConfigSource.environmentName(secret) + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new AdapterConfigException(problems);
        }
    }

    /** The {@code deskassist.redis.*} keys as {@link RedisStoreSettings} ({@link #from} checks the credentials' origin). */
    public static RedisStoreSettings redis(ConfigSource source) {
        String url = ConfigValues.required(source::get, "deskassist.redis.url",
                "redis://host:port, or rediss://host:port for TLS");
        RedisStoreSettings.Builder b = RedisStoreSettings.builder(url);
        String tls = ConfigValues.optional(source::get, "deskassist.redis.tls").orElse("false");
        if (!tls.equals("true") && !tls.equals("false")) {
            throw new AdapterConfigException(new ConfigProblem("deskassist.redis.tls",
                    source.origin("deskassist.redis.tls"), "must be true or false"));
        }
        b.tls(Boolean.parseBoolean(tls));
        b.username(source.get("deskassist.redis.username"));
        b.password(source.get("deskassist.redis.password"));
        ConfigValues.optional(source::get, "deskassist.redis.keyPrefix").ifPresent(b::keyPrefix);
        Optional.ofNullable(ConfigValues.duration(source::get, "deskassist.redis.connectTimeout", null))
                .ifPresent(b::connectTimeout);
        Optional.ofNullable(ConfigValues.duration(source::get, "deskassist.redis.commandTimeout", null))
                .ifPresent(b::commandTimeout);
        Optional.ofNullable(ConfigValues.duration(source::get, "deskassist.redis.intakeIdle", null))
                .ifPresent(b::intakeIdle);
        return b.build();
    }

    /** Every {@code deskassist.*} key read here. */
    public static Set<String> knownKeys() {
        Set<String> keys = new LinkedHashSet<>(List.of("deskassist.dataDir", "deskassist.storeBusyTimeout",
                "deskassist.engine", "deskassist.auditFile", "deskassist.requestGrace", "deskassist.mode",
                "deskassist.correctionsFile", "deskassist.store",
                "deskassist.redis.url", "deskassist.redis.tls", "deskassist.redis.username",
                "deskassist.redis.password", "deskassist.redis.keyPrefix", "deskassist.redis.connectTimeout",
                "deskassist.redis.commandTimeout", "deskassist.redis.intakeIdle"));
        PIPELINE_INTEGERS.forEach(n -> keys.add(PREFIX + "." + n));
        PIPELINE_DURATIONS.forEach(n -> keys.add(PREFIX + "." + n));
        keys.addAll(SERVER_KEYS.values());
        return Set.copyOf(keys);
    }

    // ---- pipeline

    private static PipelineSettings pipeline(ConfigSource source, Checks c) {
        PipelineSettings.Builder b = PipelineSettings.builder();
        for (String name : PIPELINE_INTEGERS) {
            String key = PREFIX + "." + name;
            if (ConfigValues.optional(source::get, key).isEmpty()) {
                continue;
            }
            Integer v = c.read(() -> ConfigValues.integer(source::get, key, 0), null);
            if (v != null) {
                switch (name) {
                    case "workers" -> b.workers(v);
                    case "maxBodyBytes" -> b.maxBodyBytes(v);
                    default -> b.maxJsonDepth(v);
                }
            }
        }
        for (String name : PIPELINE_DURATIONS) {
            Duration d = c.read(() -> ConfigValues.duration(source::get, PREFIX + "." + name, null), null);
            if (d == null) {
                continue;
            }
            switch (name) {
                case "dedupeWindow" -> b.dedupeWindow(d);
                case "initialBackoff" -> b.initialBackoff(d);
                case "maxBackoff" -> b.maxBackoff(d);
                case "maxRetryAfter" -> b.maxRetryAfter(d);
                case "retryHorizon" -> b.retryHorizon(d);
                case "pollInterval" -> b.pollInterval(d);
                case "lease" -> b.lease(d);
                case "stopDeadline" -> b.stopDeadline(d);
                case "unavailableRetryAfter" -> b.unavailableRetryAfter(d);
                case "deadLetterRetention" -> b.deadLetterRetention(d);
                default -> b.housekeepingInterval(d);
            }
        }
        // unreadable values were left at their defaults (and reported): the range checks still see the rest
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            c.addAll(e, name -> PIPELINE_INTEGERS.contains(name) || PIPELINE_DURATIONS.contains(name)
                    ? PREFIX + "." + name : null);
            return PipelineSettings.defaults();
        }
    }

    // ---- server

    private static ServerSettings server(ConfigSource source, Checks c) {
        Set<String> unreadable = new HashSet<>();
        for (String key : SERVER_INTEGERS) {
            if (c.read(() -> ConfigValues.integer(source::get, key, 0), null) == null) {
                unreadable.add(key);
            }
        }
        for (String key : SERVER_DURATIONS) {
            if (!c.read(() -> {
                ConfigValues.duration(source::get, key, null);
                return true;
            }, false)) {
                unreadable.add(key);
            }
        }
        // unreadable values are reported already: hidden, so that the range checks see the rest
        try {
            return ServerSettings.from(key -> unreadable.contains(key) ? null : source.get(key));
        } catch (AdapterConfigException e) {
            e.problems().forEach(c.checks::add);
        } catch (IllegalArgumentException e) {
            c.addAll(e, SERVER_KEYS::get);
        }
        return ServerSettings.defaults();
    }

    private static Map<String, String> serverKeys() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("webhookHost", "deskassist.bind");
        m.put("webhookPort", "deskassist.port");
        m.put("managementHost", "deskassist.management.bind");
        m.put("managementPort", "deskassist.management.port");
        for (String n : List.of("maxBodyBytes", "maxHeaderBytes", "headerTimeout", "bodyTimeout", "idleTimeout",
                "maxConnections", "idleTimeoutAtLimit", "maxThreads")) {
            m.put(n, PREFIX + "." + n);
        }
        return Map.copyOf(m);
    }

    // ---- helpdesks

    private static void helpdesk(HelpdeskConfig config, boolean webhookSecretRequired, Checks c) {
        // the kit reports every problem under the prefix, typos included; serve receives webhooks, so
        // the secret is required here even though a fetch-only use of an adapter needs none
        config.problems().forEach(c.checks::add);
        if (webhookSecretRequired
                && ConfigValues.optional(config::get, config.prefix() + ".webhookSecret").isEmpty()) {
            c.read(config::webhookSecrets, null);
        }
    }

    // ---- values

    private static Optional<Path> path(ConfigSource source, String key) {
        Optional<String> v = ConfigValues.optional(source::get, key);
        try {
            return v.map(Path::of);
        } catch (InvalidPathException e) {
            throw new AdapterConfigException(new ConfigProblem(key, null, "is not a file system path"));
        }
    }

    private static Duration positive(ConfigSource source, String key, Duration fallback) {
        Duration d = ConfigValues.duration(source::get, key, fallback);
        if (d.isZero() || d.isNegative()) {
            throw new AdapterConfigException(new ConfigProblem(key, null, "must be a positive duration"));
        }
        return d;
    }

    /** Collects problems; a read that fails records its problems and yields the fallback. */
    private static final class Checks {
        final ConfigChecks checks;

        Checks(ConfigSource source) {
            this.checks = new ConfigChecks(source);
        }

        <T> T read(Supplier<T> value, T fallback) {
            try {
                return value.get();
            } catch (AdapterConfigException e) {
                e.problems().forEach(checks::add);
            } catch (IllegalArgumentException e) {
                // a builder's own validation; its message names settings, never values of secrets
                checks.add(new ConfigProblem(null, null, e.getMessage()));
            }
            return fallback;
        }

        void add(String key, String message) {
            checks.add(new ConfigProblem(key, null, message));
        }

        /**
         * A settings record's "invalid ...: a must be ...; b must be ..." as one problem per part, each
         * under the key its leading component name maps to.
         */
        void addAll(IllegalArgumentException e, Function<String, String> keyOf) {
            String msg = e.getMessage() == null ? "invalid value" : e.getMessage();
            int colon = msg.indexOf(": ");
            List<String> parts = new ArrayList<>(List.of((colon < 0 ? msg : msg.substring(colon + 2)).split("; ")));
            for (String part : parts) {
                int space = part.indexOf(' ');
                String key = space < 0 ? null : keyOf.apply(part.substring(0, space));
                checks.add(new ConfigProblem(key, null, key == null ? part : part.substring(space + 1)));
            }
        }
    }
}

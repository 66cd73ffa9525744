package dev.deskassist.core.adapter;

import dev.deskassist.core.http.ApiClientConfig;
import dev.deskassist.core.http.Auth;
import dev.deskassist.core.http.ErrorBodyParser;
import dev.deskassist.core.http.JsonErrorBodyParser;
import dev.deskassist.core.http.OAuthTokenEndpoint;
import dev.deskassist.core.http.RateBudget;
import dev.deskassist.core.http.StatusClassifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * The settings every helpdesk adapter shares, in the manner of Micrometer's
 * {@code StepRegistryConfig}: implement {@link #get(String)} and {@link #prefix()} (or use
 * {@link #of(String, ConfigSource)}), every other method has a default. An adapter's config
 * extends this interface with only its own keys and declares them in {@link #adapterKeys()}, so
 * that {@link #validate()} can tell them from typos. Keys are {@code <prefix>.<name>}, in the
 * environment {@code DESKASSIST_<PREFIX>_<NAME>} (see {@link ConfigSource}).
 *
 * <table>
 *   <caption>keys read here</caption>
 *   <tr><td>baseUrl</td><td>required; https (http only on a loopback address, for tests)</td></tr>
 *   <tr><td>apiToken (+ username)</td><td>API-token auth; how it is sent is the adapter's {@link #apiTokenAuth}</td></tr>
 *   <tr><td>username + password</td><td>HTTP Basic</td></tr>
 *   <tr><td>oauthToken</td><td>a fixed OAuth bearer token</td></tr>
 *   <tr><td>oauthTokenUrl, oauthClientId, oauthClientSecret, oauthScope, oauthGrant</td><td>OAuth tokens fetched
 *       and refreshed; grant {@code client_credentials} (default) or {@code password} (with username + password)</td></tr>
 *   <tr><td>webhookSecret, webhookSecretPrevious</td><td>the webhook secret (at least 16 characters) and, while
 *       rotating, the other accepted one</td></tr>
 *   <tr><td>webhookUser, webhookHeader</td><td>for unsigned webhooks: a fixed HTTP Basic user, or the header
 *       carrying the secret (instead of Basic)</td></tr>
 *   <tr><td>webhookTolerance, webhookMaxBodyBytes</td><td>signed-timestamp window (5m), body bound (1000000)</td></tr>
 *   <tr><td>integrationUserIds</td><td>ids of the user(s) DeskAssist writes as, comma-separated (loop guard)</td></tr>
 *   <tr><td>fieldIds, groupIds</td><td>logical name to helpdesk id, e.g. {@code category=360001,language=360002}</td></tr>
 *   <tr><td>markerTag</td><td>default {@code deskassist_processed}; {@code none} = off</td></tr>
 *   <tr><td>rateLimit</td><td>client-side budget, e.g. {@code 400/min} or {@code 1000/hour}; default none</td></tr>
 *   <tr><td>connectTimeout, readTimeout, callTimeout, maxRetries, initialBackoff, maxBackoff, maxRetryAfter,
 *       maxConcurrentRequests, circuitOpenFor (30s), circuitMinimumCalls (20)</td><td>HTTP kit; {@code maxRetryAfter} (default 30s) is the longest
 *       {@code Retry-After} waited for in-process, longer ones go back to the pipeline to schedule</td></tr>
 * </table>
 *
 * Only one kind of credentials may be set, so that a forgotten old token cannot silently win.
 */
public interface HelpdeskConfig {

    /** The names (below the prefix) of the keys read here. */
    Set<String> BASE_KEYS = Set.of("baseUrl", "username", "password", "apiToken", "oauthToken", "oauthTokenUrl",
            "oauthClientId", "oauthClientSecret", "oauthScope", "oauthGrant", "webhookSecret", "webhookSecretPrevious",
            "webhookUser", "webhookHeader", "webhookTolerance", "webhookMaxBodyBytes", "integrationUserIds", "fieldIds",
            "groupIds", "markerTag", "rateLimit", "connectTimeout", "readTimeout", "callTimeout", "maxRetries",
            "initialBackoff", "maxBackoff", "maxRetryAfter", "maxConcurrentRequests", "circuitOpenFor",
            "circuitMinimumCalls");

    /**
     * The names (below the prefix) of the keys holding secrets. A file may name the environment
     * variable holding one instead of the value ({@code zendesk.apiToken.env=ZENDESK_API_TOKEN}, see
     * {@link ConfigSource#withSecretReferences}).
     */
    Set<String> SECRET_KEYS = Set.of("password", "apiToken", "oauthToken", "oauthClientSecret", "webhookSecret",
            "webhookSecretPrevious");

    /** Webhook secrets shorter than this are refused: a shared secret without a signature is guessable otherwise. */
    int MIN_WEBHOOK_SECRET_LENGTH = 16;

    /**
     * The config after {@link #validate()}, for an adapter's constructor (Micrometer's
     * {@code requireValid}).
     *
     * @throws AdapterConfigException listing every problem of {@code config}
     */
    static <C extends HelpdeskConfig> C requireValid(C config) {
        Objects.requireNonNull(config, "config").validate();
        return config;
    }

    /** A config of no particular adapter over a source, e.g. for a helpdesk that needs no keys of its own. */
    static HelpdeskConfig of(String prefix, ConfigSource source) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(source, "source");
        return new HelpdeskConfig() {
            @Override
            public String get(String key) {
                return source.get(key);
            }

            @Override
            public String prefix() {
                return prefix;
            }

            @Override
            public ConfigSource source() {
                return source;
            }

            @Override
            public String toString() {
                return "HelpdeskConfig[" + prefix + ", values hidden]";
            }
        };
    }

    /** The raw value of a full key such as {@code zendesk.baseUrl}, or {@code null}. */
    String get(String key);

    /** The key prefix, e.g. {@code zendesk}; adapters give a default. */
    String prefix();

    /**
     * Where values come from, for origins ("file line 4") and typo detection; override together
     * with {@link #get} when built over a {@link ConfigSource}. The default only knows {@link #get}.
     */
    default ConfigSource source() {
        return ConfigSource.of(this::get);
    }

    /** {@code <prefix>.<name>}. */
    default String key(String name) {
        return prefix() + "." + name;
    }

    /** The names (below the prefix) of the adapter's own keys; declare every one, or it is reported as a typo. */
    default Set<String> adapterKeys() {
        return Set.of();
    }

    /** All full keys this config reads. */
    default Set<String> knownKeys() {
        Set<String> out = new LinkedHashSet<>();
        BASE_KEYS.forEach(n -> out.add(key(n)));
        adapterKeys().forEach(n -> out.add(key(n)));
        return Set.copyOf(out);
    }

    /** The name of the remote service in logs, errors and metrics; the prefix by default. */
    default String serviceName() {
        return prefix();
    }

    // ---- where and how

    /** The helpdesk's base URL, e.g. {@code https://acme.zendesk.com}. */
    default String baseUrl() {
        String key = key("baseUrl");
        String v = ConfigValues.required(this, "baseUrl", "the helpdesk's base URL, e.g. https://acme.example.com");
        checkUrl(key, v);
        return v;
    }

    /**
     * The credentials for the helpdesk API, from exactly one of: {@code apiToken}, {@code username}
     * and {@code password}, {@code oauthToken}, or {@code oauthTokenUrl} with client id and secret.
     */
    default Auth auth() {
        List<String> kinds = new ArrayList<>();
        boolean oauthClient = has("oauthTokenUrl") || has("oauthClientId") || has("oauthClientSecret");
        boolean passwordGrant = oauthClient && "password".equals(oauthGrant());
        if (oauthClient) {
            kinds.add("oauthTokenUrl/oauthClientId/oauthClientSecret");
        }
        if (has("oauthToken")) {
            kinds.add("oauthToken");
        }
        if (has("apiToken")) {
            kinds.add("apiToken");
        }
        if (has("password") && !passwordGrant) {
            kinds.add("username/password");
        }
        if (kinds.isEmpty()) {
            throw new AdapterConfigException(new ConfigProblem(key("apiToken"), null, "no credentials: set "
                    + key("apiToken") + ", " + key("username") + " and " + key("password") + ", " + key("oauthToken")
                    + ", or " + key("oauthTokenUrl") + " with " + key("oauthClientId") + " and "
                    + key("oauthClientSecret")));
        }
        if (kinds.size() > 1) {
            throw new AdapterConfigException(new ConfigProblem(null, null, "more than one kind of credentials set under '"
                    + prefix() + "' (" + String.join(", ", kinds) + "); keep one"));
        }
        if (oauthClient) {
            return Auth.oauth(oauthTokenEndpoint());
        }
        if (has("oauthToken")) {
            return Auth.bearer(ConfigValues.required(this, "oauthToken", "an OAuth access token"));
        }
        if (has("apiToken")) {
            return apiTokenAuth(ConfigValues.optional(this, "username").orElse(null),
                    ConfigValues.required(this, "apiToken", "an API token"));
        }
        return Auth.basic(ConfigValues.required(this, "username", "the API user's name, with " + key("password")),
                ConfigValues.required(this, "password", "the API user's password"));
    }

    /**
     * How an API token is sent; adapters override (Zendesk: Basic {@code email/token:TOKEN};
     * Freshdesk: Basic {@code TOKEN:X}). The default is Basic {@code username:TOKEN}.
     *
     * @param username the configured {@code username}, or {@code null}
     */
    default Auth apiTokenAuth(String username, String apiToken) {
        if (username == null) {
            throw new AdapterConfigException(new ConfigProblem(key("username"), null, "missing: the user the API token "
                    + "belongs to (set " + key("username") + " or " + ConfigSource.environmentName(key("username"))
                    + ")"));
        }
        return Auth.basic(username, apiToken);
    }

    /** {@code client_credentials} (default) or {@code password}. */
    default String oauthGrant() {
        String g = ConfigValues.optional(this, "oauthGrant").orElse("client_credentials").toLowerCase(Locale.ROOT);
        if (!g.equals("client_credentials") && !g.equals("password")) {
            throw new AdapterConfigException(new ConfigProblem(key("oauthGrant"), source().origin(key("oauthGrant")),
                    "must be client_credentials or password"));
        }
        return g;
    }

    /** The token endpoint for {@code oauthTokenUrl}; override to tune (client authentication, timeouts). */
    default OAuthTokenEndpoint oauthTokenEndpoint() {
        String url = ConfigValues.required(this, "oauthTokenUrl", "the OAuth token URL, e.g. https://acme.example.com/oauth_token.do");
        checkUrl(key("oauthTokenUrl"), url);
        String id = ConfigValues.required(this, "oauthClientId", "the OAuth client id");
        String secret = ConfigValues.required(this, "oauthClientSecret", "the OAuth client secret");
        OAuthTokenEndpoint.Builder b = "password".equals(oauthGrant())
                ? OAuthTokenEndpoint.password(url, id, secret,
                        ConfigValues.required(this, "username", "the integration user for the password grant"),
                        ConfigValues.required(this, "password", "the integration user's password"))
                : OAuthTokenEndpoint.clientCredentials(url, id, secret);
        return b.service(serviceName() + "-oauth").scope(ConfigValues.optional(this, "oauthScope").orElse(null))
                .timeout(callTimeout()).build();
    }

    // ---- webhooks

    /**
     * The accepted webhook secrets: {@code webhookSecret}, then {@code webhookSecretPrevious}
     * when set (during a rotation).
     */
    default List<String> webhookSecrets() {
        String current = ConfigValues.optional(this, "webhookSecret").orElse(null);
        Optional<String> previous = ConfigValues.optional(this, "webhookSecretPrevious");
        if (current == null) {
            throw new AdapterConfigException(new ConfigProblem(key("webhookSecret"), null, "missing: the webhook secret"
                    + (previous.isPresent() ? " (" + key("webhookSecretPrevious") + " alone is not enough)" : "")
                    + " (set " + key("webhookSecret") + " or " + ConfigSource.environmentName(key("webhookSecret")) + ")"));
        }
        List<String> out = new ArrayList<>();
        out.add(checkSecret("webhookSecret", current));
        previous.ifPresent(p -> out.add(checkSecret("webhookSecretPrevious", p)));
        return List.copyOf(out);
    }

    private String checkSecret(String name, String secret) {
        if (secret.length() < MIN_WEBHOOK_SECRET_LENGTH) {
            throw new AdapterConfigException(new ConfigProblem(key(name), source().origin(key(name)),
                    "too short: use at least " + MIN_WEBHOOK_SECRET_LENGTH + " random characters"));
        }
        return secret;
    }

    /** Whether {@link #validate()} requires a webhook secret; an adapter that only polls says false. */
    default boolean webhookSecretRequired() {
        return true;
    }

    default Duration webhookTolerance() {
        return ConfigValues.duration(this, "webhookTolerance", Duration.ofMinutes(5));
    }

    default int webhookMaxBodyBytes() {
        return ConfigValues.integer(this, "webhookMaxBodyBytes", HmacWebhookVerifier.DEFAULT_MAX_BODY_BYTES, 1);
    }

    /**
     * A verifier for a signed webhook: {@code scheme} names headers and encoding, this config adds
     * secrets, tolerance and body bound. Zendesk:
     * {@code hmacVerifier(HmacWebhookVerifier.builder(SIG).timestampHeader(TS))}.
     */
    default HmacWebhookVerifier hmacVerifier(HmacWebhookVerifier.Builder scheme) {
        return scheme.secrets(webhookSecrets()).tolerance(webhookTolerance()).maxBodyBytes(webhookMaxBodyBytes())
                .build();
    }

    /**
     * A verifier for an unsigned webhook: the secret in the header {@code webhookHeader} when
     * set, else the HTTP Basic password (with the fixed user {@code webhookUser} when set).
     */
    default SharedSecretVerifier sharedSecretVerifier() {
        Optional<String> header = ConfigValues.optional(this, "webhookHeader");
        SharedSecretVerifier v = header.isPresent() ? SharedSecretVerifier.header(header.get(), webhookSecrets())
                : SharedSecretVerifier.basicPassword(ConfigValues.optional(this, "webhookUser").orElse(null),
                        webhookSecrets());
        return v.maxBodyBytes(webhookMaxBodyBytes());
    }

    // ---- mapping

    default Set<String> integrationUserIds() {
        return ConfigValues.set(this, "integrationUserIds");
    }

    /** Logical field name (e.g. {@code category}) to the helpdesk's field id or name. */
    default Map<String, String> fieldIds() {
        return ConfigValues.map(this, "fieldIds");
    }

    /** Group name as triage routes to the helpdesk's group id. */
    default Map<String, String> groupIds() {
        return ConfigValues.map(this, "groupIds");
    }

    /** The tag marking processed tickets, or empty when set to {@code none}. */
    default Optional<String> markerTag() {
        String v = ConfigValues.optional(this, "markerTag").orElse("deskassist_processed");
        if (v.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        if (v.chars().anyMatch(c -> Character.isWhitespace(c) || c == ',')) {
            throw new AdapterConfigException(new ConfigProblem(key("markerTag"), source().origin(key("markerTag")),
                    "a tag cannot contain blanks or commas"));
        }
        return Optional.of(v);
    }

    // ---- HTTP kit

    /** The client-side request budget ({@code rateLimit}, e.g. {@code 400/min}); unlimited by default. */
    default RateBudget rateBudget() {
        Optional<String> v = ConfigValues.optional(this, "rateLimit");
        try {
            return v.map(RateBudget::parse).orElse(RateBudget.UNLIMITED);
        } catch (IllegalArgumentException e) {
            throw new AdapterConfigException(new ConfigProblem(key("rateLimit"), source().origin(key("rateLimit")),
                    e.getMessage()));
        }
    }

    default Duration connectTimeout() {
        return ConfigValues.duration(this, "connectTimeout", Duration.ofSeconds(5));
    }

    default Duration readTimeout() {
        return ConfigValues.duration(this, "readTimeout", Duration.ofSeconds(30));
    }

    default Duration callTimeout() {
        return ConfigValues.duration(this, "callTimeout", Duration.ofSeconds(60));
    }

    default int maxRetries() {
        return ConfigValues.integer(this, "maxRetries", 2, 0);
    }

    default Duration initialBackoff() {
        return ConfigValues.duration(this, "initialBackoff", Duration.ofMillis(500));
    }

    default Duration maxBackoff() {
        return ConfigValues.duration(this, "maxBackoff", Duration.ofSeconds(30));
    }

    /** The longest {@code Retry-After} waited for in-process (default 30 s); longer ones are the pipeline's to schedule. */
    default Duration maxRetryAfter() {
        return ConfigValues.duration(this, "maxRetryAfter", Duration.ofSeconds(30));
    }

    default int maxConcurrentRequests() {
        return ConfigValues.integer(this, "maxConcurrentRequests", 64, 1);
    }

    /** How long the circuit stays open after the helpdesk kept failing (default 30 s); the pipeline holds its events meanwhile. */
    default Duration circuitOpenFor() {
        return ConfigValues.duration(this, "circuitOpenFor", Duration.ofSeconds(30));
    }

    /** How many recent calls the circuit looks at before it may open (default 20). */
    default int circuitMinimumCalls() {
        return ConfigValues.integer(this, "circuitMinimumCalls", 20, 1);
    }

    /** What the helpdesk's error statuses mean; ServiceNow overrides 403 as a rejection. */
    default StatusClassifier statusClassifier() {
        return StatusClassifier.standard();
    }

    default ErrorBodyParser errorParser() {
        return new JsonErrorBodyParser();
    }

    default String userAgent() {
        return "deskassist-" + prefix() + "/0.1";
    }

    /** The HTTP kit settings from the keys above; override to tune further. */
    default ApiClientConfig apiClientConfig() {
        return ApiClientConfig.builder(serviceName(), baseUrl())
                .auth(auth())
                .connectTimeout(connectTimeout())
                .readTimeout(readTimeout())
                .callTimeout(callTimeout())
                .maxRetries(maxRetries())
                .backoff(initialBackoff(), maxBackoff())
                .maxRetryAfter(maxRetryAfter())
                .rateBudget(rateBudget())
                .maxConcurrentRequests(maxConcurrentRequests())
                .circuitBreaker(50f, circuitMinimumCalls(), circuitOpenFor())
                .statusClassifier(statusClassifier())
                .errorParser(errorParser())
                .userAgent(userAgent())
                .build();
    }

    // ---- validation

    /**
     * Every problem in this configuration: missing or unreadable values of the keys read here,
     * then the adapter's own ({@link #checkAdapterKeys}), then unknown keys under the prefix.
     */
    default List<ConfigProblem> problems() {
        ConfigChecks checks = new ConfigChecks(source());
        checks.check(this::baseUrl);
        checks.check(this::auth);
        if (webhookSecretRequired() || has("webhookSecret") || has("webhookSecretPrevious")) {
            checks.check(this::webhookSecrets);
        }
        List<Supplier<?>> values = List.of(this::webhookTolerance, this::webhookMaxBodyBytes, this::integrationUserIds,
                this::fieldIds, this::groupIds, this::markerTag, this::rateBudget, this::connectTimeout,
                this::readTimeout, this::callTimeout, this::maxRetries, this::initialBackoff, this::maxBackoff,
                this::maxRetryAfter, this::maxConcurrentRequests, this::circuitOpenFor, this::circuitMinimumCalls);
        values.forEach(checks::check);
        checkAdapterKeys(checks);
        checks.addAll(source().unknownKeys(prefix(), knownKeys()));
        return checks.problems();
    }

    /** Adapter hook: read each own key through {@code checks.check(this::myKey)} so its problems join the report. */
    default void checkAdapterKeys(ConfigChecks checks) {
    }

    /**
     * Checks everything at once, like Micrometer's {@code requireValid()}.
     *
     * @throws AdapterConfigException listing every problem, when there is at least one
     */
    default void validate() {
        List<ConfigProblem> problems = problems();
        if (!problems.isEmpty()) {
            throw new AdapterConfigException(problems);
        }
    }

    private boolean has(String name) {
        return ConfigValues.optional(this, name).isPresent();
    }

    private void checkUrl(String key, String value) {
        HttpUrl url = HttpUrl.parse(value);
        String problem = null;
        if (url == null) {
            problem = "must be an absolute https URL, e.g. https://acme.example.com";
        } else if (!url.username().isEmpty() || !url.password().isEmpty()) {
            problem = "must not contain credentials; set them in their own keys";
        } else if (!url.isHttps() && !isLoopback(url.host())) {
            problem = "must use https (http only on a loopback address, for tests)";
        } else if (url.query() != null || url.fragment() != null) {
            problem = "must not have a query or fragment";
        }
        if (problem != null) {
            throw new AdapterConfigException(new ConfigProblem(key, source().origin(key), problem));
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }
}

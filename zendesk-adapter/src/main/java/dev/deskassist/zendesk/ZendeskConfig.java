package dev.deskassist.zendesk;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.ConfigValues;
import dev.deskassist.core.http.ApiClientConfig;
import dev.deskassist.core.http.Auth;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Settings of the Zendesk adapter, in the manner of a Micrometer registry config: implement
 * {@link #get(String)} (or use {@link #of(Function)} over properties or environment) and every
 * other method has a default. Keys are {@code zendesk.<name>}:
 *
 * <table>
 *   <caption>keys</caption>
 *   <tr><td>baseUrl</td><td>required, e.g. {@code https://acme.zendesk.com}</td></tr>
 *   <tr><td>email + apiToken</td><td>API-token auth ({@code email/token:TOKEN} Basic)</td></tr>
 *   <tr><td>oauthToken</td><td>OAuth bearer auth instead (wins when both are set)</td></tr>
 *   <tr><td>webhookSecret</td><td>required for webhooks: the webhook's signing secret</td></tr>
 *   <tr><td>timestampTolerance</td><td>replay window, default 5m</td></tr>
 *   <tr><td>integrationUserIds</td><td>ids of the API user(s) we write as, comma-separated (loop guard)</td></tr>
 *   <tr><td>markerTag</td><td>tag marking processed tickets, default {@code deskassist_processed}; {@code none} = off</td></tr>
 *   <tr><td>fieldIds</td><td>logical field to custom field id, e.g. {@code category=360001,language=360002}</td></tr>
 *   <tr><td>groupIds</td><td>group name to group id, e.g. {@code billing=2001,technical=2002}</td></tr>
 *   <tr><td>maxConflictRetries</td><td>re-read and re-plan rounds after a 409, default 3</td></tr>
 *   <tr><td>maxRetries, connectTimeout, readTimeout, requestsPerSecond</td><td>HTTP kit settings</td></tr>
 * </table>
 */
public interface ZendeskConfig {

    /** Reads configuration from a lookup such as {@code System::getProperty} or a {@code Properties::getProperty}. */
    static ZendeskConfig of(Function<String, String> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        return new ZendeskConfig() {
            @Override
            public String get(String key) {
                return lookup.apply(key);
            }

            @Override
            public String toString() {
                return "ZendeskConfig[baseUrl=" + get(prefix() + ".baseUrl") + ", secrets hidden]";
            }
        };
    }

    /** The raw value for a full key such as {@code zendesk.baseUrl}, or {@code null}. */
    String get(String key);

    default String prefix() {
        return "zendesk";
    }

    private String key(String name) {
        return prefix() + "." + name;
    }

    default String baseUrl() {
        return ConfigValues.required(this::get, key("baseUrl"), "the Zendesk URL, e.g. https://acme.zendesk.com");
    }

    /** Auth from {@code oauthToken}, else {@code email} + {@code apiToken}. */
    default Auth auth() {
        Optional<String> oauth = ConfigValues.optional(this::get, key("oauthToken"));
        if (oauth.isPresent()) {
            return Auth.bearer(oauth.get());
        }
        Optional<String> token = ConfigValues.optional(this::get, key("apiToken"));
        if (token.isEmpty()) {
            throw new AdapterConfigException("missing required configuration '" + key("apiToken") + "' (with '"
                    + key("email") + "') or '" + key("oauthToken") + "': Zendesk credentials");
        }
        String email = ConfigValues.required(this::get, key("email"), "the agent email the API token belongs to");
        return Auth.basic(email + "/token", token.get());
    }

    default String webhookSecret() {
        return ConfigValues.required(this::get, key("webhookSecret"),
                "the webhook's signing secret (Admin Center > Webhooks > Reveal secret)");
    }

    default Duration timestampTolerance() {
        return ConfigValues.duration(this::get, key("timestampTolerance"), Duration.ofMinutes(5));
    }

    default Set<String> integrationUserIds() {
        return ConfigValues.set(this::get, key("integrationUserIds"));
    }

    /** The marker tag, or empty when set to {@code none}. */
    default Optional<String> markerTag() {
        String v = ConfigValues.optional(this::get, key("markerTag")).orElse("deskassist_processed");
        return v.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(v);
    }

    /** Logical field name ({@code WriteBack.Field}) to Zendesk custom field id. */
    default Map<String, Long> fieldIds() {
        return numericValues("fieldIds");
    }

    /** Group name as triage routes to Zendesk group id; a name not listed that is numeric is taken as an id. */
    default Map<String, Long> groupIds() {
        return numericValues("groupIds");
    }

    default int maxConflictRetries() {
        return ConfigValues.integer(this::get, key("maxConflictRetries"), 3);
    }

    /** HTTP kit settings for Zendesk; override to tune further. */
    default ApiClientConfig apiClientConfig() {
        return ApiClientConfig.builder("zendesk", baseUrl())
                .auth(auth())
                .maxRetries(ConfigValues.integer(this::get, key("maxRetries"), 2))
                .connectTimeout(ConfigValues.duration(this::get, key("connectTimeout"), Duration.ofSeconds(5)))
                .readTimeout(ConfigValues.duration(this::get, key("readTimeout"), Duration.ofSeconds(30)))
                .callTimeout(ConfigValues.duration(this::get, key("callTimeout"), Duration.ofSeconds(60)))
                .backoff(ConfigValues.duration(this::get, key("initialBackoff"), Duration.ofMillis(500)),
                        ConfigValues.duration(this::get, key("maxBackoff"), Duration.ofSeconds(30)))
                .maxRetryAfter(ConfigValues.duration(this::get, key("maxRetryAfter"), Duration.ofMinutes(2)))
                .requestsPerSecond(ConfigValues.integer(this::get, key("requestsPerSecond"), 0))
                .userAgent("deskassist-zendesk/0.1")
                .build();
    }

    private Map<String, Long> numericValues(String name) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        ConfigValues.map(this::get, key(name)).forEach((k, v) -> {
            try {
                out.put(k, Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw new AdapterConfigException("configuration '" + key(name) + "': id of '" + k
                        + "' is not a number: " + v, e);
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }
}

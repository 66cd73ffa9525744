package dev.deskassist.zendesk;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.ConfigChecks;
import dev.deskassist.core.adapter.ConfigProblem;
import dev.deskassist.core.adapter.ConfigSource;
import dev.deskassist.core.adapter.ConfigValues;
import dev.deskassist.core.adapter.HelpdeskConfig;
import dev.deskassist.core.http.Auth;
import dev.deskassist.core.http.RateBudget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Settings of the Zendesk adapter: the shared keys of {@link HelpdeskConfig} under the prefix
 * {@code zendesk}, plus these:
 *
 * <table>
 *   <caption>Zendesk's own keys</caption>
 *   <tr><td>email</td><td>the agent the {@code apiToken} belongs to; sent as Basic {@code email/token:TOKEN}</td></tr>
 *   <tr><td>maxConflictRetries</td><td>re-read and re-plan rounds after a 409, default 3</td></tr>
 *   <tr><td>timestampTolerance</td><td>old name of {@code webhookTolerance}, still read</td></tr>
 *   <tr><td>requestsPerSecond</td><td>old form of {@code rateLimit} (e.g. {@code 20} = {@code 20/s}), still read</td></tr>
 * </table>
 *
 * Custom field and group ids ({@code fieldIds}, {@code groupIds}) must be numbers, as Zendesk's are.
 * The webhook secret is optional here, so that an application that only fetches and writes needs
 * none; {@link ZendeskWebhook#of} asks for it.
 */
public interface ZendeskConfig extends HelpdeskConfig {

    /** The names (below the prefix) of Zendesk's own keys. */
    Set<String> KEYS = Set.of("email", "maxConflictRetries", "timestampTolerance", "requestsPerSecond");

    /** Reads configuration from a lookup such as {@code System::getProperty} or {@code Properties::getProperty}. */
    static ZendeskConfig of(Function<String, String> lookup) {
        return from(ConfigSource.of(lookup));
    }

    /** Reads configuration from a source that knows origins and can report unknown keys (typos). */
    static ZendeskConfig from(ConfigSource source) {
        return new SourcedZendeskConfig(source);
    }

    @Override
    default String prefix() {
        return "zendesk";
    }

    @Override
    default Set<String> adapterKeys() {
        return KEYS;
    }

    /** Zendesk's API-token form: Basic {@code email/token:TOKEN}, with {@code email} (or {@code username}). */
    @Override
    default Auth apiTokenAuth(String username, String apiToken) {
        String email = ConfigValues.optional(this, "email").orElse(username);
        if (email == null) {
            email = ConfigValues.required(this, "email", "the agent email the API token belongs to");
        }
        return Auth.basic(email + "/token", apiToken);
    }

    /** An application that only fetches and writes needs no webhook secret; {@link ZendeskWebhook#of} asks for it. */
    @Override
    default boolean webhookSecretRequired() {
        return false;
    }

    default int maxConflictRetries() {
        return ConfigValues.integer(this, "maxConflictRetries", 3, 0);
    }

    @Override
    default Duration webhookTolerance() {
        return ConfigValues.duration(this, renamed("webhookTolerance", "timestampTolerance"), Duration.ofMinutes(5));
    }

    @Override
    default RateBudget rateBudget() {
        if (renamed("rateLimit", "requestsPerSecond").equals("rateLimit")) {
            return HelpdeskConfig.super.rateBudget();
        }
        try {
            return RateBudget.perSecond(Double.parseDouble(ConfigValues.optional(this, "requestsPerSecond").orElseThrow()));
        } catch (IllegalArgumentException e) {
            throw problem("requestsPerSecond", "must be a number of requests per second, at least 0 (or set "
                    + key("rateLimit") + ", e.g. 400/min)");
        }
    }

    @Override
    default Map<String, String> fieldIds() {
        return numericIds("fieldIds", HelpdeskConfig.super.fieldIds());
    }

    /** Group name as triage routes to Zendesk group id; a name not listed that is itself numeric is taken as an id. */
    @Override
    default Map<String, String> groupIds() {
        return numericIds("groupIds", HelpdeskConfig.super.groupIds());
    }

    @Override
    default void checkAdapterKeys(ConfigChecks checks) {
        checks.check(this::maxConflictRetries);
    }

    private Map<String, String> numericIds(String name, Map<String, String> ids) {
        List<String> bad = ids.entrySet().stream().filter(e -> !e.getValue().matches("[1-9][0-9]{0,18}"))
                .map(Map.Entry::getKey).toList();
        if (!bad.isEmpty()) {
            throw problem(name, "Zendesk ids are positive numbers; the id of " + String.join(", ", bad) + " is not");
        }
        return ids;
    }

    /** {@code current}, or its old name when only that is set; both set is a problem, so neither silently wins. */
    private String renamed(String current, String old) {
        boolean hasOld = ConfigValues.optional(this, old).isPresent();
        if (hasOld && ConfigValues.optional(this, current).isPresent()) {
            throw problem(old, "old name of " + key(current) + ", which is set too; keep only " + key(current));
        }
        return hasOld ? old : current;
    }

    private AdapterConfigException problem(String name, String message) {
        return new AdapterConfigException(new ConfigProblem(key(name), source().origin(key(name)), message));
    }
}

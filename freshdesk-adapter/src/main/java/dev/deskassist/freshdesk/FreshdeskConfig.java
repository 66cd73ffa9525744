package dev.deskassist.freshdesk;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.ConfigChecks;
import dev.deskassist.core.adapter.ConfigProblem;
import dev.deskassist.core.adapter.ConfigSource;
import dev.deskassist.core.adapter.ConfigValues;
import dev.deskassist.core.adapter.HelpdeskConfig;
import dev.deskassist.core.http.Auth;
import dev.deskassist.core.http.ErrorBodyParser;
import dev.deskassist.core.http.ErrorKind;
import dev.deskassist.core.http.StatusClassifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Settings of the Freshdesk adapter: the shared keys of {@link HelpdeskConfig} under the prefix
 * {@code freshdesk}, plus these:
 *
 * <table>
 *   <caption>Freshdesk's own keys</caption>
 *   <tr><td>poll</td><td>list changed tickets as well as receiving webhooks, default {@code true}</td></tr>
 *   <tr><td>pollInterval</td><td>how often, default {@code 3m} (at least 30 s)</td></tr>
 *   <tr><td>ticketFieldsTtl</td><td>how long field types, choices and status labels are cached, default {@code 10m}</td></tr>
 *   <tr><td>maxConflictRetries</td><td>re-read and rebase rounds when the ticket moved under a write, default 3</td></tr>
 * </table>
 *
 * The API key goes in {@code apiToken} and is sent as Basic {@code KEY:X}. {@code fieldIds} map
 * logical fields to Freshdesk field names: {@code cf_…} custom fields, or {@code type} for the
 * built-in ticket type. Group and integration-agent ids are numbers. The webhook secret is
 * optional here, so that an application that only fetches and writes needs none;
 * {@link FreshdeskWebhook#of} asks for it.
 */
public interface FreshdeskConfig extends HelpdeskConfig {

    /** The names (below the prefix) of Freshdesk's own keys. */
    Set<String> KEYS = Set.of("poll", "pollInterval", "ticketFieldsTtl", "maxConflictRetries");

    /** The built-in ticket type, the one default field a logical field may map to. */
    String TYPE_FIELD = "type";

    /** A pause shorter than this spends the list endpoint's small budget (20/min on Growth) on nothing. */
    Duration MIN_POLL_INTERVAL = Duration.ofSeconds(30);

    /** Reads configuration from a lookup such as {@code System::getProperty} or {@code Properties::getProperty}. */
    static FreshdeskConfig of(Function<String, String> lookup) {
        return from(ConfigSource.of(lookup));
    }

    /** Reads configuration from a source that knows origins and can report unknown keys (typos). */
    static FreshdeskConfig from(ConfigSource source) {
        return new SourcedFreshdeskConfig(source);
    }

    @Override
    default String prefix() {
        return "freshdesk";
    }

    @Override
    default Set<String> adapterKeys() {
        return KEYS;
    }

    /** Freshdesk's API-key form: Basic {@code KEY:X} (Freshdesk ignores the password); the key never shows in toString. */
    @Override
    default Auth apiTokenAuth(String username, String apiToken) {
        return new ApiKeyAuth(apiToken);
    }

    /** An application that only fetches and writes needs no webhook secret; {@link FreshdeskWebhook#of} asks for it. */
    @Override
    default boolean webhookSecretRequired() {
        return false;
    }

    /** 401 is authentication; 403 is a permission of the API key's agent or a feature of the plan, not credentials. */
    @Override
    default StatusClassifier statusClassifier() {
        return StatusClassifier.standard().withStatus(403, ErrorKind.REJECTED);
    }

    @Override
    default ErrorBodyParser errorParser() {
        return new FreshdeskErrors();
    }

    default boolean poll() {
        return ConfigValues.bool(this, "poll", true);
    }

    default Duration pollInterval() {
        Duration d = ConfigValues.duration(this, "pollInterval", Duration.ofMinutes(3));
        if (d.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw problem("pollInterval", "must be at least 30s (2 to 5 minutes is sensible)");
        }
        return d;
    }

    default Duration ticketFieldsTtl() {
        return ConfigValues.duration(this, "ticketFieldsTtl", Duration.ofMinutes(10));
    }

    default int maxConflictRetries() {
        return ConfigValues.integer(this, "maxConflictRetries", 3, 0);
    }

    /** Logical field name to Freshdesk field name: {@code cf_…}, or {@code type}. */
    @Override
    default Map<String, String> fieldIds() {
        Map<String, String> ids = HelpdeskConfig.super.fieldIds();
        Pattern name = Pattern.compile("cf_[A-Za-z0-9_]+|" + TYPE_FIELD);
        List<String> bad = ids.entrySet().stream().filter(e -> !name.matcher(e.getValue()).matches())
                .map(Map.Entry::getKey).toList();
        if (!bad.isEmpty()) {
            throw problem("fieldIds", "Freshdesk field names are cf_… (custom fields, as in Admin → Ticket Fields) "
                    + "or type; the name of " + String.join(", ", bad) + " is not");
        }
        return ids;
    }

    /** Group name as triage routes to Freshdesk group id; a name not listed that is itself numeric is taken as an id. */
    @Override
    default Map<String, String> groupIds() {
        Map<String, String> ids = HelpdeskConfig.super.groupIds();
        List<String> bad = ids.entrySet().stream().filter(e -> !isId(e.getValue())).map(Map.Entry::getKey).toList();
        if (!bad.isEmpty()) {
            throw problem("groupIds", "Freshdesk group ids are positive numbers; the id of " + String.join(", ", bad)
                    + " is not");
        }
        return ids;
    }

    /** The integration agent's user id(s), as conversations name them in {@code user_id}. */
    @Override
    default Set<String> integrationUserIds() {
        Set<String> ids = HelpdeskConfig.super.integrationUserIds();
        if (ids.stream().anyMatch(id -> !isId(id))) {
            throw problem("integrationUserIds", "Freshdesk agent ids are positive numbers (the number in the agent's "
                    + "profile URL)");
        }
        return ids;
    }

    @Override
    default void checkAdapterKeys(ConfigChecks checks) {
        checks.check(this::poll);
        checks.check(this::pollInterval);
        checks.check(this::ticketFieldsTtl);
        checks.check(this::maxConflictRetries);
    }

    private static boolean isId(String s) {
        return s.matches("[1-9][0-9]{0,18}");
    }

    private AdapterConfigException problem(String name, String message) {
        return new AdapterConfigException(new ConfigProblem(key(name), source().origin(key(name)), message));
    }
}

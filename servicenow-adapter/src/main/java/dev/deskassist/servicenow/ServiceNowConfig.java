package dev.deskassist.servicenow;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.ConfigChecks;
import dev.deskassist.core.adapter.ConfigProblem;
import dev.deskassist.core.adapter.ConfigSource;
import dev.deskassist.core.adapter.ConfigValues;
import dev.deskassist.core.adapter.HelpdeskConfig;
import dev.deskassist.core.http.Auth;
import dev.deskassist.core.http.ErrorKind;
import dev.deskassist.core.http.OAuthTokenEndpoint;
import dev.deskassist.core.http.StatusClassifier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Settings of the ServiceNow adapter: the shared keys of {@link HelpdeskConfig} under the prefix
 * {@code servicenow}, plus these:
 *
 * <table>
 *   <caption>ServiceNow's own keys</caption>
 *   <tr><td>table</td><td>{@code incident} (default) or {@code sn_customerservice_case}</td></tr>
 *   <tr><td>callerField</td><td>the reference to the customer: {@code caller_id} (incident), {@code contact} (case)</td></tr>
 *   <tr><td>tagsField</td><td>a text field holding DeskAssist's labels, comma-separated (e.g. {@code u_ai_labels});
 *       none by default, then tags are skipped with a reason</td></tr>
 *   <tr><td>choiceValues</td><td>logical field values to the instance's choice values, e.g.
 *       {@code category.billing=inquiry,category.technical=software}</td></tr>
 *   <tr><td>fieldDefaults</td><td>values the instance puts into a field nobody chose, by ServiceNow field
 *       ({@code category=inquiry} on incidents, {@code category=1} on cases): they count as empty</td></tr>
 *   <tr><td>priorityMatrix, priorityLevels</td><td>the instance's impact × urgency lookup and the core priorities'
 *       ServiceNow numbers ({@link PriorityMatrix}); {@code priorityMatrix=off} never writes impact or urgency</td></tr>
 *   <tr><td>closedStates</td><td>state values that accept no update: {@code 7,8} (incident), {@code 3,7} (case)</td></tr>
 *   <tr><td>pollEnabled, pollInterval, pollPageSize, pollFilter</td><td>the poller that makes delivery complete:
 *       on, every 2m (1m to 5m), 100 records a page, an extra encoded query (e.g. {@code active=true})</td></tr>
 *   <tr><td>journalPageSize</td><td>{@code sys_journal_field} rows per request, default 100</td></tr>
 *   <tr><td>maxConflictRetries</td><td>re-read and re-plan rounds when the record moved, default 3</td></tr>
 *   <tr><td>webhookAuth</td><td>{@code hmac} (default: the shipped business rule's signature) or {@code basic}
 *       (HTTP Basic whose password is {@code webhookSecret})</td></tr>
 * </table>
 *
 * {@code integrationUserIds} holds user names (sys_user.user_name), as ServiceNow records authors;
 * it defaults to {@code username}. {@code fieldIds} maps logical names to ServiceNow field names
 * ({@code category=category,language=u_language}); {@code groupIds} group names to
 * {@code sys_user_group} sys_ids. Credentials are {@code username} + {@code password} (Basic) or
 * OAuth ({@code oauthClientId} + {@code oauthClientSecret}; {@code oauthTokenUrl} defaults to
 * {@code <baseUrl>/oauth_token.do}). A 403 means an ACL, business rule or data policy said no and
 * is a rejection, not an authentication failure. The webhook secret is optional: without one the
 * poller alone delivers, and {@link ServiceNowWebhook#of} asks for it.
 */
public interface ServiceNowConfig extends HelpdeskConfig {

    /** The names (below the prefix) of ServiceNow's own keys. */
    Set<String> KEYS = Set.of("table", "callerField", "tagsField", "choiceValues", "fieldDefaults", "priorityMatrix",
            "priorityLevels", "closedStates", "pollEnabled", "pollInterval", "pollPageSize", "pollFilter",
            "journalPageSize", "maxConflictRetries", "webhookAuth");

    String INCIDENT = "incident";
    String CASE = "sn_customerservice_case";

    /** How the business rule's call proves itself. */
    enum WebhookAuth {
        /** {@link ServiceNowWebhook#SIGNATURE_HEADER}, HMAC-SHA256 over timestamp and body. */
        HMAC,
        /** HTTP Basic whose password is the webhook secret (a REST message with a basic auth profile). */
        BASIC
    }

    /** Table and field names: letters, digits and underscores; dot-walks are built by the adapter. */
    Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,79}");
    /** A sys_id: 32 lower-case hex digits. */
    Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

    /** Reads configuration from a lookup such as {@code System::getProperty} or {@code Properties::getProperty}. */
    static ServiceNowConfig of(Function<String, String> lookup) {
        return from(ConfigSource.of(lookup));
    }

    /** Reads configuration from a source that knows origins and can report unknown keys (typos). */
    static ServiceNowConfig from(ConfigSource source) {
        return new SourcedServiceNowConfig(source);
    }

    @Override
    default String prefix() {
        return "servicenow";
    }

    @Override
    default Set<String> adapterKeys() {
        return KEYS;
    }

    /** 403 is an ACL, business rule or data policy saying no: rejected, with the instance's message. */
    @Override
    default StatusClassifier statusClassifier() {
        return StatusClassifier.standard().withStatus(403, ErrorKind.REJECTED);
    }

    /** ServiceNow's Table API takes Basic or OAuth; there is no API token to send. */
    @Override
    default Auth apiTokenAuth(String username, String apiToken) {
        throw problem("apiToken", "ServiceNow takes " + key("username") + " and " + key("password")
                + " (Basic) or OAuth (" + key("oauthClientId") + ", " + key("oauthClientSecret") + ")");
    }

    /** {@code oauthTokenUrl}, or the instance's {@code /oauth_token.do}. */
    @Override
    default OAuthTokenEndpoint oauthTokenEndpoint() {
        String url = ConfigValues.optional(this, "oauthTokenUrl")
                .orElseGet(() -> baseUrl().replaceAll("/+$", "") + "/oauth_token.do");
        String id = ConfigValues.required(this, "oauthClientId", "the OAuth client id (System OAuth > Application Registry)");
        String secret = ConfigValues.required(this, "oauthClientSecret", "the OAuth client secret");
        OAuthTokenEndpoint.Builder b;
        try {
            b = "password".equals(oauthGrant())
                    ? OAuthTokenEndpoint.password(url, id, secret,
                            ConfigValues.required(this, "username", "the integration user for the password grant"),
                            ConfigValues.required(this, "password", "the integration user's password"))
                    : OAuthTokenEndpoint.clientCredentials(url, id, secret);
        } catch (IllegalArgumentException e) {
            throw problem("oauthTokenUrl", e.getMessage());
        }
        return b.service(serviceName() + "-oauth").scope(ConfigValues.optional(this, "oauthScope").orElse(null))
                .timeout(callTimeout()).build();
    }

    /** The poller delivers what a lost business-rule call did not; the secret is only needed for webhooks. */
    @Override
    default boolean webhookSecretRequired() {
        return false;
    }

    /** User names DeskAssist writes as; {@code username} when not set. */
    @Override
    default Set<String> integrationUserIds() {
        Set<String> explicit = HelpdeskConfig.super.integrationUserIds();
        if (!explicit.isEmpty()) {
            return explicit;
        }
        return ConfigValues.optional(this, "username").map(Set::of).orElse(Set.of());
    }

    // ---- what is read and written

    default String table() {
        String t = ConfigValues.optional(this, "table").orElse(INCIDENT);
        if (!NAME.matcher(t).matches()) {
            throw problem("table", "must be a table name such as incident or sn_customerservice_case");
        }
        return t;
    }

    default String callerField() {
        String def = CASE.equals(table()) ? "contact" : "caller_id";
        return fieldName("callerField", ConfigValues.optional(this, "callerField").orElse(def));
    }

    /** The field holding DeskAssist's labels, or empty: tags are then skipped with a reason. */
    default Optional<String> tagsField() {
        return ConfigValues.optional(this, "tagsField").map(f -> fieldName("tagsField", f));
    }

    /** Logical field name to ServiceNow field name. */
    @Override
    default Map<String, String> fieldIds() {
        Map<String, String> ids = HelpdeskConfig.super.fieldIds();
        ids.forEach((logical, field) -> fieldName("fieldIds", field));
        return ids;
    }

    /** Group name as triage routes to {@code sys_user_group} sys_id; a name that is a sys_id is taken as one. */
    @Override
    default Map<String, String> groupIds() {
        Map<String, String> ids = HelpdeskConfig.super.groupIds();
        if (ids.values().stream().anyMatch(v -> !SYS_ID.matcher(v).matches())) {
            throw problem("groupIds", "every group must map to a sys_id of 32 lower-case hex digits");
        }
        return ids;
    }

    /** {@code <logical field>.<logical value>} (lower case) to the instance's choice value. */
    default Map<String, String> choiceValues() {
        Map<String, String> out = new LinkedHashMap<>();
        ConfigValues.map(this, "choiceValues").forEach((k, v) -> {
            int dot = k.indexOf('.');
            if (dot <= 0 || dot == k.length() - 1) {
                throw problem("choiceValues", "entries are <field>.<value>=<choice value>, e.g. category.billing=inquiry");
            }
            out.put(k.substring(0, dot) + "." + k.substring(dot + 1).toLowerCase(Locale.ROOT), v);
        });
        return Map.copyOf(out);
    }

    /** By ServiceNow field name, the value a new record gets when nobody chooses one. */
    default Map<String, String> fieldDefaults() {
        Map<String, String> explicit = ConfigValues.map(this, "fieldDefaults");
        if (ConfigValues.optional(this, "fieldDefaults").isPresent()) {
            return explicit;
        }
        return CASE.equals(table()) ? Map.of("category", "1") : INCIDENT.equals(table())
                ? Map.of("category", "inquiry") : Map.of();
    }

    /** The lookup and levels; empty when {@code priorityMatrix=off} (priority is then never written). */
    default Optional<PriorityMatrix> priorityMatrix() {
        String m = ConfigValues.optional(this, "priorityMatrix").orElse(PriorityMatrix.DEFAULT_MATRIX);
        String l = ConfigValues.optional(this, "priorityLevels").orElse(PriorityMatrix.DEFAULT_LEVELS);
        if (m.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        try {
            PriorityMatrix.parse(m, PriorityMatrix.DEFAULT_LEVELS);
        } catch (IllegalArgumentException e) {
            throw problem("priorityMatrix", e.getMessage());
        }
        try {
            return Optional.of(PriorityMatrix.parse(m, l));
        } catch (IllegalArgumentException e) {
            throw problem("priorityLevels", e.getMessage());
        }
    }

    /** State values of records that accept no update. */
    default Set<String> closedStates() {
        Set<String> explicit = ConfigValues.set(this, "closedStates");
        if (!explicit.isEmpty()) {
            return explicit;
        }
        return CASE.equals(table()) ? Set.of("3", "7") : Set.of("7", "8");
    }

    // ---- polling

    /** Whether the poller runs (default true); without it a lost business-rule call is lost. */
    default boolean pollEnabled() {
        return ConfigValues.bool(this, "pollEnabled", true);
    }

    /** How often to poll: 1 to 5 minutes, default 2. */
    default Duration pollInterval() {
        Duration d = ConfigValues.duration(this, "pollInterval", Duration.ofMinutes(2));
        if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(Duration.ofMinutes(5)) > 0) {
            throw problem("pollInterval", "must lie between 1m and 5m (rate limits are per hour; webhooks cover the rest)");
        }
        return d;
    }

    default int pollPageSize() {
        int n = ConfigValues.integer(this, "pollPageSize", 100, 1);
        if (n > 1000) {
            throw problem("pollPageSize", "must be at most 1000");
        }
        return n;
    }

    /** An encoded query ANDed to the poll (e.g. {@code active=true}), or empty. */
    default Optional<String> pollFilter() {
        Optional<String> f = ConfigValues.optional(this, "pollFilter");
        if (f.isPresent() && (f.get().contains("ORDERBY") || f.get().contains("^NQ"))) {
            throw problem("pollFilter", "must be plain conditions; the poller sets the order itself");
        }
        return f;
    }

    default int journalPageSize() {
        int n = ConfigValues.integer(this, "journalPageSize", 100, 1);
        if (n > 1000) {
            throw problem("journalPageSize", "must be at most 1000");
        }
        return n;
    }

    default int maxConflictRetries() {
        return ConfigValues.integer(this, "maxConflictRetries", 3, 0);
    }

    default WebhookAuth webhookAuth() {
        String v = ConfigValues.optional(this, "webhookAuth").orElse("hmac").toUpperCase(Locale.ROOT);
        try {
            return WebhookAuth.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw problem("webhookAuth", "must be hmac or basic");
        }
    }

    @Override
    default void checkAdapterKeys(ConfigChecks checks) {
        checks.check(this::table);
        checks.check(this::callerField);
        checks.check(this::tagsField);
        checks.check(this::choiceValues);
        checks.check(this::fieldDefaults);
        checks.check(this::priorityMatrix);
        checks.check(this::closedStates);
        checks.check(this::pollEnabled);
        checks.check(this::pollInterval);
        checks.check(this::pollPageSize);
        checks.check(this::pollFilter);
        checks.check(this::journalPageSize);
        checks.check(this::maxConflictRetries);
        checks.check(this::webhookAuth);
        checks.check(() -> {
            if (integrationUserIds().isEmpty()) {
                throw problem("integrationUserIds", "missing: the user name DeskAssist writes as (needed with OAuth "
                        + "client credentials; the poller skips its updates and its journal entries are marked as ours)");
            }
            return null;
        });
        checks.check(() -> {
            Set<String> used = new LinkedHashSet<>(fieldIds().values());
            tagsField().ifPresent(t -> {
                if (used.contains(t)) {
                    throw problem("tagsField", "is also mapped in " + key("fieldIds"));
                }
            });
            for (String f : used) {
                if (Set.of("priority", "impact", "urgency", "comments", "work_notes", "assignment_group").contains(f)) {
                    throw problem("fieldIds", "must not map to " + f + ", which the adapter writes itself (or never)");
                }
            }
            return null;
        });
    }

    private String fieldName(String key, String value) {
        if (!NAME.matcher(value).matches()) {
            throw problem(key, "must be ServiceNow field names: lower-case letters, digits and underscores");
        }
        return value;
    }

    private AdapterConfigException problem(String name, String message) {
        return new AdapterConfigException(new ConfigProblem(key(name), source().origin(key(name)), message));
    }
}

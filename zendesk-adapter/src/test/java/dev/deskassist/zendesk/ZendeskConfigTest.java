package dev.deskassist.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.ConfigProblem;
import dev.deskassist.core.adapter.ConfigSource;
import dev.deskassist.core.http.RateBudget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ZendeskConfigTest {

    private static final String SECRET = "zendesk-webhook-secret-0123";

    private static ZendeskConfig config(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return ZendeskConfig.from(ConfigSource.of(p));
    }

    private static List<String> keys(AdapterConfigException e) {
        return e.problems().stream().map(ConfigProblem::key).toList();
    }

    private static String messages(AdapterConfigException e) {
        return e.problems().stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void aWorkingConfigHasNoProblems() {
        ZendeskConfig c = config("zendesk.baseUrl", "https://acme.zendesk.com", "zendesk.email", "bot@acme.com",
                "zendesk.apiToken", "api-token-value", "zendesk.webhookSecret", SECRET,
                "zendesk.fieldIds", "category=360001", "zendesk.groupIds", "billing=2001",
                "zendesk.maxConflictRetries", "5");
        assertEquals(List.of(), c.problems());
        assertEquals(Map.of("category", "360001"), c.fieldIds());
        assertEquals(5, c.maxConflictRetries());
        assertEquals(Duration.ofSeconds(30), c.maxRetryAfter(), "the kit's default");
        assertEquals("deskassist-zendesk/0.1", c.apiClientConfig().userAgent());
    }

    @Test
    void aTypoIsReportedWithASuggestion() {
        ZendeskConfig c = config("zendesk.baseUrl", "https://acme.zendesk.com", "zendesk.emial", "bot@acme.com",
                "zendesk.apiToken", "api-token-value", "zendesk.webhookSecert", SECRET);
        AdapterConfigException e = assertThrows(AdapterConfigException.class, c::validate);
        String m = messages(e);
        assertTrue(m.contains("zendesk.emial: unknown key, probably a typo: did you mean zendesk.email?"), m);
        assertTrue(m.contains("zendesk.webhookSecert: unknown key, probably a typo: did you mean zendesk.webhookSecret?"),
                m);
        assertTrue(m.contains("zendesk.email: missing"), "the misspelt email is missing: " + m);
        assertFalse(m.contains(SECRET) || m.contains("bot@acme.com"), m);
    }

    @Test
    void everyProblemIsReportedAtOnceNamingItsKey() {
        ZendeskConfig c = config("zendesk.apiToken", "api-token-value", "zendesk.email", "bot@acme.com",
                "zendesk.oauthToken", "oauth-token-value", "zendesk.fieldIds", "category=360001,language=de",
                "zendesk.groupIds", "billing", "zendesk.webhookSecret", "tiny-s3cr",
                "zendesk.maxConflictRetries", "-1");
        AdapterConfigException e = assertThrows(AdapterConfigException.class, () -> new ZendeskAdapter(c));
        List<String> keys = keys(e);
        for (String key : List.of("zendesk.baseUrl", "zendesk.webhookSecret", "zendesk.fieldIds", "zendesk.groupIds",
                "zendesk.maxConflictRetries")) {
            assertTrue(keys.contains(key), key + " in " + keys);
        }
        String m = messages(e);
        assertTrue(m.contains("zendesk.baseUrl: missing"), m);
        assertTrue(m.contains("zendesk.fieldIds: Zendesk ids are positive numbers; the id of language is not"), m);
        assertTrue(m.contains("more than one kind of credentials"), "one kind of credentials only: " + m);
        assertTrue(m.contains("zendesk.webhookSecret: too short"), m);
        for (String value : List.of("api-token-value", "oauth-token-value", "tiny-s3cr", "=de")) {
            assertFalse(m.contains(value), "value leaked: " + value);
        }
    }

    @Test
    void oldKeysAreReadAsTheKitsAndNotBesideThem() {
        ZendeskConfig old = config("zendesk.timestampTolerance", "2m", "zendesk.requestsPerSecond", "20");
        assertEquals(Duration.ofMinutes(2), old.webhookTolerance());
        assertEquals(RateBudget.perSecond(20), old.rateBudget());

        ZendeskConfig current = config("zendesk.webhookTolerance", "3m", "zendesk.rateLimit", "400/min");
        assertEquals(Duration.ofMinutes(3), current.webhookTolerance());
        assertEquals(RateBudget.perMinute(400), current.rateBudget());
        assertEquals(Duration.ofMinutes(5), config().webhookTolerance());
        assertTrue(config().rateBudget().isUnlimited());

        ZendeskConfig both = config("zendesk.baseUrl", "https://acme.zendesk.com", "zendesk.oauthToken", "t",
                "zendesk.timestampTolerance", "2m", "zendesk.webhookTolerance", "3m",
                "zendesk.requestsPerSecond", "fast", "zendesk.rateLimit", "400/min");
        AdapterConfigException e = assertThrows(AdapterConfigException.class, both::validate);
        assertEquals(List.of("zendesk.timestampTolerance", "zendesk.requestsPerSecond"), keys(e));
        assertTrue(messages(e).contains("old name of zendesk.webhookTolerance, which is set too"), messages(e));
        AdapterConfigException bad = assertThrows(AdapterConfigException.class,
                () -> config("zendesk.requestsPerSecond", "fast").rateBudget());
        assertTrue(bad.getMessage().contains("zendesk.requestsPerSecond: must be a number"), bad.getMessage());
    }

    @Test
    void anApiTokenIsSentAsEmailSlashToken() {
        ZendeskConfig c = config("zendesk.baseUrl", "https://acme.zendesk.com", "zendesk.email", "bot@acme.com",
                "zendesk.apiToken", "tok");
        okhttp3.Request.Builder r = new okhttp3.Request.Builder().url("https://acme.zendesk.com/");
        c.auth().apply(r);
        assertEquals(okhttp3.Credentials.basic("bot@acme.com/token", "tok"), r.build().header("Authorization"));
        AdapterConfigException e = assertThrows(AdapterConfigException.class,
                () -> config("zendesk.apiToken", "tok").auth());
        assertEquals(List.of("zendesk.email"), keys(e));
    }

    @Test
    void aWebhookSecretIsNeededOnlyForWebhooks() {
        ZendeskConfig fetchOnly = config("zendesk.baseUrl", "https://acme.zendesk.com", "zendesk.oauthToken", "t");
        assertEquals(List.of(), fetchOnly.problems());
        AdapterConfigException e = assertThrows(AdapterConfigException.class, () -> ZendeskWebhook.of(fetchOnly));
        assertEquals(List.of("zendesk.webhookSecret"), keys(e));
    }
}

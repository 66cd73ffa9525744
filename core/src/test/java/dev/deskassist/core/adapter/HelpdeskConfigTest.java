package dev.deskassist.core.adapter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.http.ApiClientConfig;
import dev.deskassist.core.http.RateBudget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpdeskConfigTest {

    private static final String SECRET = "webhook-secret-0123456789";

    /** How an adapter's config looks: its own keys only, declared, and checked with the base ones. */
    interface DeskConfig extends HelpdeskConfig {

        static DeskConfig of(ConfigSource source) {
            return new DeskConfig() {
                @Override
                public String get(String key) {
                    return source.get(key);
                }

                @Override
                public ConfigSource source() {
                    return source;
                }
            };
        }

        @Override
        default String prefix() {
            return "desk";
        }

        @Override
        default Set<String> adapterKeys() {
            return Set.of("plan");
        }

        default String plan() {
            String p = ConfigValues.optional(this, "plan").orElse("growth");
            if (!Set.of("growth", "pro", "enterprise").contains(p)) {
                throw new AdapterConfigException(new ConfigProblem(key("plan"), null, "must be growth, pro or enterprise"));
            }
            return p;
        }

        @Override
        default void checkAdapterKeys(ConfigChecks checks) {
            checks.check(this::plan);
        }

        @Override
        default dev.deskassist.core.http.Auth apiTokenAuth(String username, String apiToken) {
            return dev.deskassist.core.http.Auth.basic(apiToken, "X");
        }
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    private static Properties valid() {
        return props("desk.baseUrl", "https://acme.example.com", "desk.apiToken", "api-token-value",
                "desk.webhookSecret", SECRET);
    }

    private static String keysOf(AdapterConfigException e) {
        return e.problems().stream().map(ConfigProblem::key).collect(Collectors.joining(","));
    }

    @Test
    void aMinimalConfigIsValidAndBuildsTheHttpKitSettings() {
        DeskConfig c = DeskConfig.of(ConfigSource.of(valid()));
        assertEquals(List.of(), c.problems());
        ApiClientConfig http = c.apiClientConfig();
        assertEquals("desk", http.service());
        assertEquals("https://acme.example.com/", http.baseUrl().toString());
        assertTrue(http.auth().toString().contains("basic"));
        assertEquals(RateBudget.UNLIMITED, http.rateBudget());
        assertEquals(Duration.ofSeconds(30), http.maxRetryAfter(), "long waits go back to the pipeline");
        assertEquals("deskassist-desk/0.1", http.userAgent());
        assertEquals(Optional.of("deskassist_processed"), c.markerTag());
        assertEquals("growth", c.plan());
    }

    @Test
    void readsTheEnvironmentUnderDeskassistNamesAndLetsItWin() {
        Map<String, String> env = Map.of("DESKASSIST_DESK_BASE_URL", "https://other.example.com",
                "DESKASSIST_DESK_RATE_LIMIT", "400/min", "DESKASSIST_DESK_FIELD_IDS", "category=360001, language=cf_lang",
                "PATH", "/usr/bin");
        DeskConfig c = DeskConfig.of(ConfigSource.of(valid(), env));
        assertEquals("https://other.example.com", c.baseUrl());
        assertEquals(RateBudget.perMinute(400), c.apiClientConfig().rateBudget());
        assertEquals(Map.of("category", "360001", "language", "cf_lang"), c.fieldIds());
        assertEquals("environment variable DESKASSIST_DESK_BASE_URL", c.source().origin("desk.baseUrl"));
        assertEquals("property desk.apiToken", c.source().origin("desk.apiToken"));
        assertEquals(List.of(), c.problems());
    }

    @Test
    void validateReportsEveryProblemAtOnceWithoutValues() {
        Properties p = props("desk.baseUrl", "http://acme.example.com", "desk.webhookSecret", "tiny-s3cr",
                "desk.connectTimeout", "soon", "desk.maxRetries", "-1", "desk.rateLimit", "fast",
                "desk.fieldIds", "category", "desk.webhookSecert", SECRET, "desk.plan", "free",
                "desk.markerTag", "done by bot");
        Map<String, String> env = Map.of("DESKASSIST_DESK_BASE_UR", "https://x.example.com");
        DeskConfig c = DeskConfig.of(ConfigSource.of(p, env));
        AdapterConfigException e = assertThrows(AdapterConfigException.class, c::validate);
        assertEquals("desk.baseUrl,desk.apiToken,desk.webhookSecret,desk.fieldIds,desk.markerTag,desk.rateLimit,"
                + "desk.connectTimeout,desk.maxRetries,desk.plan,DESKASSIST_DESK_BASE_UR,desk.webhookSecert", keysOf(e));
        String m = e.getMessage();
        assertTrue(m.startsWith("11 configuration problems:"), m);
        assertTrue(m.contains("property desk.baseUrl: must use https"), m);
        assertTrue(m.contains("desk.apiToken: no credentials"), m);
        assertTrue(m.contains("property desk.webhookSecret: too short"), m);
        assertTrue(m.contains("environment variable DESKASSIST_DESK_BASE_UR: unknown key, probably a typo: did you mean "
                + "DESKASSIST_DESK_BASE_URL?"), m);
        assertTrue(m.contains("property desk.webhookSecert: unknown key, probably a typo: did you mean desk.webhookSecret?"), m);
        assertTrue(m.contains("property desk.plan: must be growth, pro or enterprise"), m);
        for (String value : List.of("acme.example.com", "tiny-s3cr", "soon", "fast", SECRET, "free", "done by bot")) {
            assertFalse(m.contains(value), "value leaked: " + value);
        }
    }

    @Test
    void namesFileAndLineForAPropertiesFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("deskassist.properties");
        Files.writeString(file, String.join("\n",
                "# DeskAssist",
                "desk.apiToken = api-token-value",
                "desk.webhookSecret: " + SECRET,
                "! another comment",
                "desk.readTimeout = \\",
                "    desk.baseUrl",
                "desk.baseUrl=ftp://acme.example.com",
                "desk.base_url=https://acme.example.com",
                ""), StandardCharsets.UTF_8);
        DeskConfig c = DeskConfig.of(ConfigSource.fromFile(file));
        AdapterConfigException e = assertThrows(AdapterConfigException.class, c::validate);
        List<String> problems = e.problems().stream().map(ConfigProblem::toString).toList();
        assertEquals(List.of(
                "deskassist.properties line 7 (desk.baseUrl): must be an absolute https URL, e.g. https://acme.example.com",
                "deskassist.properties line 5 (desk.readTimeout): is not a duration (e.g. 5m, 30s, 500ms, PT5M)",
                "deskassist.properties line 8 (desk.base_url): unknown key, probably a typo: did you mean desk.baseUrl?"),
                problems);
        AdapterConfigException unreadable = assertThrows(AdapterConfigException.class,
                () -> ConfigSource.fromFile(dir.resolve("missing.properties")));
        assertTrue(unreadable.getMessage().contains("missing.properties"));
    }

    @Test
    void onlyOneKindOfCredentials() {
        Properties p = valid();
        p.setProperty("desk.oauthToken", "bearer-token-value");
        AdapterConfigException e = assertThrows(AdapterConfigException.class, () -> DeskConfig.of(ConfigSource.of(p)).validate());
        assertTrue(e.getMessage().contains("more than one kind of credentials set under 'desk' (oauthToken, apiToken)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("bearer-token-value"));

        Properties basic = props("desk.baseUrl", "https://acme.example.com", "desk.username", "integration",
                "desk.password", "user-password", "desk.webhookSecret", SECRET);
        HelpdeskConfig generic = HelpdeskConfig.of("desk", ConfigSource.of(basic));
        assertEquals(List.of(), generic.problems());
        assertTrue(generic.auth().toString().contains("basic"));

        Properties tokenWithoutUser = props("desk.baseUrl", "https://acme.example.com", "desk.apiToken", "t",
                "desk.webhookSecret", SECRET);
        assertEquals("desk.username", HelpdeskConfig.of("desk", ConfigSource.of(tokenWithoutUser)).problems().get(0).key(),
                "the default API-token auth needs the user it belongs to");
    }

    @Test
    void oauthClientCredentialsAndPasswordGrant() {
        Properties p = props("desk.baseUrl", "https://acme.example.com", "desk.oauthTokenUrl",
                "https://acme.example.com/oauth_token.do", "desk.oauthClientId", "client", "desk.oauthClientSecret",
                "client-secret-value", "desk.webhookSecret", SECRET);
        HelpdeskConfig c = HelpdeskConfig.of("desk", ConfigSource.of(p));
        assertEquals(List.of(), c.problems());
        assertTrue(c.auth().toString().contains("oauth"));
        assertFalse(c.auth().toString().contains("client-secret-value"));

        p.setProperty("desk.oauthGrant", "password");
        assertEquals(List.of(), c.problems(), "a source is a snapshot");
        c = HelpdeskConfig.of("desk", ConfigSource.of(p));
        AdapterConfigException e = assertThrows(AdapterConfigException.class, c::validate);
        assertEquals("desk.username", e.problems().get(0).key(), e.getMessage());
        p.setProperty("desk.username", "integration");
        p.setProperty("desk.password", "user-password");
        c = HelpdeskConfig.of("desk", ConfigSource.of(p));
        assertEquals(List.of(), c.problems(), "username and password belong to the grant, not to Basic");

        p.setProperty("desk.oauthGrant", "implicit");
        p.setProperty("desk.oauthTokenUrl", "http://acme.example.com/oauth_token.do");
        c = HelpdeskConfig.of("desk", ConfigSource.of(p));
        assertEquals(List.of("desk.oauthGrant"), c.problems().stream().map(ConfigProblem::key).distinct().toList());
        p.setProperty("desk.oauthGrant", "client_credentials");
        c = HelpdeskConfig.of("desk", ConfigSource.of(p));
        assertEquals("more than one kind of credentials set under 'desk' (oauthTokenUrl/oauthClientId/oauthClientSecret, "
                + "username/password); keep one", c.problems().get(0).toString());
        p.remove("desk.username");
        p.remove("desk.password");
        c = HelpdeskConfig.of("desk", ConfigSource.of(p));
        assertTrue(c.problems().get(0).message().contains("must use https"), c.problems().toString());
    }

    @Test
    void loopbackHttpIsAllowedForTestsButNotCredentialsInTheUrl() {
        Properties p = valid();
        p.setProperty("desk.baseUrl", "http://127.0.0.1:8089/api");
        assertEquals(List.of(), DeskConfig.of(ConfigSource.of(p)).problems());
        p.setProperty("desk.baseUrl", "https://user:pw@acme.example.com");
        AdapterConfigException e = assertThrows(AdapterConfigException.class, () -> DeskConfig.of(ConfigSource.of(p)).validate());
        assertTrue(e.getMessage().contains("must not contain credentials"));
        assertFalse(e.getMessage().contains("user:pw"));
    }

    @Test
    void webhookVerifiersFromConfigAcceptBothSecretsWhileRotating() {
        Properties p = valid();
        p.setProperty("desk.webhookSecretPrevious", "previous-secret-0123");
        p.setProperty("desk.webhookUser", "freshdesk");
        DeskConfig c = DeskConfig.of(ConfigSource.of(p));
        assertEquals(List.of(SECRET, "previous-secret-0123"), c.webhookSecrets());

        SharedSecretVerifier basic = c.sharedSecretVerifier();
        for (String secret : c.webhookSecrets()) {
            String auth = "Basic " + Base64.getEncoder().encodeToString(("freshdesk:" + secret).getBytes(StandardCharsets.UTF_8));
            assertDoesNotThrow(() -> basic.verify(WebhookRequest.ofSingleValued("POST", "/", Map.of("Authorization", auth),
                    new byte[0], Instant.now())));
        }
        p.setProperty("desk.webhookHeader", "X-DeskAssist-Secret");
        SharedSecretVerifier header = DeskConfig.of(ConfigSource.of(p)).sharedSecretVerifier();
        assertDoesNotThrow(() -> header.verify(WebhookRequest.ofSingleValued("POST", "/",
                Map.of("X-DeskAssist-Secret", "previous-secret-0123"), new byte[0], Instant.now())));

        HmacWebhookVerifier hmac = c.hmacVerifier(HmacWebhookVerifier.builder("X-Signature").timestampHeader("X-Timestamp"));
        String ts = Instant.now().toString();
        String sig = hmac.sign("previous-secret-0123", ts, "{}".getBytes(StandardCharsets.UTF_8));
        assertDoesNotThrow(() -> hmac.verify(WebhookRequest.ofSingleValued("POST", "/",
                Map.of("X-Signature", sig, "X-Timestamp", ts), "{}".getBytes(StandardCharsets.UTF_8), Instant.now())));

        Properties onlyPrevious = props("desk.baseUrl", "https://acme.example.com", "desk.apiToken", "t",
                "desk.webhookSecretPrevious", "previous-secret-0123");
        AdapterConfigException e = assertThrows(AdapterConfigException.class,
                () -> DeskConfig.of(ConfigSource.of(onlyPrevious)).validate());
        assertTrue(e.getMessage().contains("alone is not enough"), e.getMessage());
    }

    @Test
    void mappingKeys() {
        Properties p = valid();
        p.setProperty("desk.integrationUserIds", "42, 43");
        p.setProperty("desk.groupIds", "billing=2001,technical=sys_id_abc");
        p.setProperty("desk.markerTag", "none");
        DeskConfig c = DeskConfig.of(ConfigSource.of(p));
        assertEquals(Set.of("42", "43"), c.integrationUserIds());
        assertEquals(Map.of("billing", "2001", "technical", "sys_id_abc"), c.groupIds());
        assertEquals(Optional.empty(), c.markerTag());
    }

    @Test
    void aGetOnlyConfigWorksWithoutAListingSource() {
        Map<String, String> values = Map.of("desk.baseUrl", "https://acme.example.com", "desk.apiToken", "t",
                "desk.webhookSecret", SECRET, "desk.webhookSecert", "typo nobody can list");
        DeskConfig c = new DeskConfig() {
            @Override
            public String get(String key) {
                return values.get(key);
            }
        };
        assertEquals(List.of(), c.problems());
        assertInstanceOf(ApiClientConfig.class, c.apiClientConfig());
    }

    @Test
    void pollingOnlyAdaptersNeedNoWebhookSecret() {
        HelpdeskConfig polling = new HelpdeskConfig() {
            @Override
            public String get(String key) {
                return Map.of("poll.baseUrl", "https://acme.example.com", "poll.apiToken", "t", "poll.username", "u")
                        .get(key);
            }

            @Override
            public String prefix() {
                return "poll";
            }

            @Override
            public boolean webhookSecretRequired() {
                return false;
            }
        };
        assertEquals(List.of(), polling.problems());
        assertThrows(AdapterConfigException.class, polling::webhookSecrets);
    }
}

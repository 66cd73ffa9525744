package dev.deskassist.freshdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.ConfigProblem;
import dev.deskassist.core.adapter.ConfigSource;
import dev.deskassist.core.http.ErrorDetails;
import dev.deskassist.core.http.ErrorKind;
import dev.deskassist.core.http.RateBudget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class FreshdeskConfigTest {

    private static FreshdeskConfig config(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(Map.of("freshdesk.baseUrl", "https://acme.freshdesk.com",
                "freshdesk.apiToken", "abcdefKEY"));
        p.putAll(extra);
        return FreshdeskConfig.of(p::get);
    }

    @Test
    void theApiKeyIsSentAsBasicKeyColonX() {
        Request.Builder b = new Request.Builder().url("https://acme.freshdesk.com/api/v2/tickets/1");
        config(Map.of()).auth().apply(b);
        assertEquals("Basic " + Base64.getEncoder().encodeToString("abcdefKEY:X".getBytes(StandardCharsets.UTF_8)),
                b.build().header("Authorization"));
        assertFalse(config(Map.of()).auth().toString().contains("abcdefKEY"), "the key never shows");
    }

    @Test
    void defaults() {
        FreshdeskConfig c = config(Map.of());
        c.validate();
        assertEquals("freshdesk", c.prefix());
        assertTrue(c.poll());
        assertEquals(Duration.ofMinutes(3), c.pollInterval());
        assertEquals(Duration.ofMinutes(10), c.ticketFieldsTtl());
        assertEquals(3, c.maxConflictRetries());
        assertEquals(RateBudget.UNLIMITED, c.rateBudget());
        assertFalse(c.webhookSecretRequired(), "fetch-and-apply users need no webhook secret");
    }

    @Test
    void aForbiddenIsAPermissionOrPlanRefusalNotBadCredentials() {
        FreshdeskConfig c = config(Map.of());
        assertEquals(ErrorKind.AUTHENTICATION, c.statusClassifier().classify(401, ErrorDetails.NONE));
        assertEquals(ErrorKind.REJECTED, c.statusClassifier().classify(403, ErrorDetails.NONE));
        assertEquals(ErrorKind.VALIDATION, c.statusClassifier().classify(400, ErrorDetails.NONE));
        assertEquals(ErrorKind.RATE_LIMITED, c.statusClassifier().classify(429, ErrorDetails.NONE));
        assertEquals(RateBudget.perMinute(160), config(Map.of("freshdesk.rateLimit", "160/min")).rateBudget());
    }

    @Test
    void fieldNamesAreCustomFieldsOrTheType() {
        FreshdeskConfig ok = config(Map.of("freshdesk.fieldIds", "category=type,language=cf_language_2974"));
        assertEquals(Map.of("category", "type", "language", "cf_language_2974"), ok.fieldIds());
        AdapterConfigException e = assertThrows(AdapterConfigException.class,
                () -> config(Map.of("freshdesk.fieldIds", "category=360001,language=cf_lang")).validate());
        assertTrue(e.getMessage().contains("freshdesk.fieldIds") && e.getMessage().contains("category"), e.getMessage());
        assertFalse(e.getMessage().contains("360001"), "values are not quoted");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsKey() {
        AdapterConfigException e = assertThrows(AdapterConfigException.class, () -> config(Map.of(
                "freshdesk.groupIds", "billing=abc", "freshdesk.integrationUserIds", "bot",
                "freshdesk.pollInterval", "10s", "freshdesk.poll", "maybe", "freshdesk.ticketFieldsTtl", "soon")).validate());
        List<String> keys = e.problems().stream().map(ConfigProblem::key).toList();
        assertTrue(keys.containsAll(List.of("freshdesk.groupIds", "freshdesk.integrationUserIds",
                "freshdesk.pollInterval", "freshdesk.poll", "freshdesk.ticketFieldsTtl")), keys.toString());
    }

    @Test
    void aTypoUnderThePrefixIsNamed() {
        Properties p = new Properties();
        p.setProperty("freshdesk.baseUrl", "https://acme.freshdesk.com");
        p.setProperty("freshdesk.apiToken", "k");
        p.setProperty("freshdesk.pollIntervall", "2m");
        AdapterConfigException e = assertThrows(AdapterConfigException.class,
                () -> FreshdeskConfig.from(ConfigSource.of(p)).validate());
        assertTrue(e.getMessage().contains("freshdesk.pollIntervall"), e.getMessage());
        assertTrue(e.getMessage().contains("freshdesk.pollInterval"), "did you mean: " + e.getMessage());
    }

    @Test
    void pollingCanBeSwitchedOff() {
        try (FreshdeskAdapter on = new FreshdeskAdapter(config(Map.of("freshdesk.pollInterval", "2m")));
             FreshdeskAdapter off = new FreshdeskAdapter(config(Map.of("freshdesk.poll", "false")))) {
            assertEquals(Duration.ofMinutes(2), on.poller().orElseThrow().interval());
            assertTrue(off.poller().isEmpty());
        }
    }
}

package dev.deskassist.core.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigSourceTest {

    @Test
    void environmentNames() {
        assertEquals("DESKASSIST_ZENDESK_BASE_URL", ConfigSource.environmentName("zendesk.baseUrl"));
        assertEquals("DESKASSIST_SERVICENOW_OAUTH_CLIENT_SECRET", ConfigSource.environmentName("servicenow.oauthClientSecret"));
        assertEquals("DESKASSIST_FRESHDESK_WEBHOOK_SECRET_PREVIOUS",
                ConfigSource.environmentName("freshdesk.webhookSecretPrevious"));
        assertEquals("DESKASSIST_PORT", ConfigSource.environmentName("deskassist.port"));
    }

    @Test
    void layeredSourcesTakeTheFirstValueAndReportTyposFromAll() {
        Properties p = new Properties();
        p.setProperty("desk.baseUrl", "https://file.example.com");
        p.setProperty("desk.apiTokn", "x");
        ConfigSource s = ConfigSource.of(p, Map.of("DESKASSIST_DESK_BASE_URL", "https://env.example.com",
                "DESKASSIST_DESK_APITOKEN", "y"));
        assertEquals("https://env.example.com", s.get("desk.baseUrl"));
        assertNull(s.get("desk.apiToken"));
        List<ConfigProblem> unknown = s.unknownKeys("desk", Set.of("desk.baseUrl", "desk.apiToken"));
        assertEquals(List.of("DESKASSIST_DESK_APITOKEN", "desk.apiTokn"), unknown.stream().map(ConfigProblem::key).toList());
        assertTrue(unknown.get(0).message().endsWith("did you mean DESKASSIST_DESK_API_TOKEN?"));
        assertTrue(unknown.get(1).message().endsWith("did you mean desk.apiToken?"));
    }

    @Test
    void farFromAnyKnownKeyGetsNoSuggestion() {
        assertEquals("unknown key, probably a typo (the adapter does not read it)",
                ConfigSources.unknown("desk.colour", Set.of("desk.baseUrl", "desk.apiToken")));
        assertEquals(1, ConfigSources.distance("secert", "secret"), "a swap counts once");
    }

    @Test
    void keyLinesFollowPropertiesSyntax() {
        Map<String, Integer> lines = ConfigSources.keyLines(String.join("\n",
                "# comment \\",
                "a=1",
                "b : 2 \\",
                "  c=not a key",
                "   d\\:e  3",
                "a=again",
                "! x",
                "f"));
        assertEquals(Map.of("a", 6, "b", 3, "d:e", 5, "f", 8), lines);
    }

    @Test
    void plainLookupsCannotListKeys() {
        ConfigSource s = ConfigSource.of(Map.of("desk.x", "1")::get);
        assertEquals("1", s.get("desk.x"));
        assertEquals("desk.x", s.origin("desk.x"));
        assertEquals(List.of(), s.unknownKeys("desk", Set.of()));
    }
}

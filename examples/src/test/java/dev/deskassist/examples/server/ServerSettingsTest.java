package dev.deskassist.examples.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.AdapterConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void propertiesOverrideTheDefaultsKeyByKey() {
        Map<String, String> p = Map.of(
                "deskassist.bind", "127.0.0.1",
                "deskassist.port", "9090",
                "deskassist.management.port", "9091",
                "deskassist.maxBodyBytes", "65536",
                "deskassist.headerTimeout", "3s",
                "deskassist.bodyTimeout", "1500ms",
                "deskassist.maxConnections", "64");

        ServerSettings s = ServerSettings.from(p::get);

        assertEquals("127.0.0.1", s.webhookHost());
        assertEquals(9090, s.webhookPort());
        assertEquals("127.0.0.1", s.managementHost(), "management stays on loopback unless configured");
        assertEquals(9091, s.managementPort());
        assertEquals(65536, s.maxBodyBytes());
        assertEquals(Duration.ofSeconds(3), s.headerTimeout());
        assertEquals(Duration.ofMillis(1500), s.bodyTimeout());
        assertEquals(64, s.maxConnections());
        assertEquals(ServerSettings.defaults().idleTimeout(), s.idleTimeout());
        assertEquals(ServerSettings.defaults().maxThreads(), s.maxThreads());
    }

    @Test
    void everyInvalidValueIsReportedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerSettings.builder()
                .webhook("0.0.0.0", 70000).maxBodyBytes(0).headerTimeout(Duration.ZERO).maxThreads(2).build());

        assertTrue(e.getMessage().contains("webhookPort"), e.getMessage());
        assertTrue(e.getMessage().contains("maxBodyBytes"), e.getMessage());
        assertTrue(e.getMessage().contains("headerTimeout"), e.getMessage());
        assertTrue(e.getMessage().contains("maxThreads"), e.getMessage());
    }

    @Test
    void unreadableValueNamesItsKey() {
        AdapterConfigException e = assertThrows(AdapterConfigException.class,
                () -> ServerSettings.from(Map.of("deskassist.bodyTimeout", "soon")::get));

        assertTrue(e.getMessage().contains("deskassist.bodyTimeout"), e.getMessage());
    }
}

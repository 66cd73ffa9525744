package dev.deskassist.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.pipeline.RunMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deskassist.mode} and {@code deskassist.correctionsFile}. */
class ServeModeSettingsTest {

    private static final String ZENDESK = """
            zendesk.baseUrl=https://acme.zendesk.com
            zendesk.email=bot@example.com
            zendesk.apiToken=token-value-never-shown
            zendesk.webhookSecret=webhook-secret-never-shown
            zendesk.integrationUserIds=7000
            """;

    private static ServeSettings load(Path dir, String extra) throws IOException {
        Path f = dir.resolve("serve.properties");
        Files.writeString(f, ZENDESK + extra);
        return ServeSettings.load(f, Map.of());
    }

    @Test
    void liveByDefaultShadowWhenSet(@TempDir Path dir) throws IOException {
        assertEquals(RunMode.LIVE, load(dir, "").mode());
        assertEquals(RunMode.SHADOW, load(dir, "deskassist.mode=Shadow\n").mode());
        assertEquals(RunMode.SHADOW, ServeSettings.load(dir.resolve("serve.properties"),
                Map.of("DESKASSIST_MODE", "shadow")).mode());
        assertTrue(load(dir, "").correctionsFile().isEmpty());
        assertEquals(Path.of("c.jsonl"), load(dir, "deskassist.correctionsFile=c.jsonl\n").correctionsFile().get());
    }

    @Test
    void anUnknownModeIsAProblemNamingTheKey(@TempDir Path dir) {
        AdapterConfigException e = assertThrows(AdapterConfigException.class, () -> load(dir, "deskassist.mode=dry\n"));
        assertTrue(e.getMessage().contains("deskassist.mode"), e.getMessage());
        assertTrue(e.getMessage().contains("live or shadow"), e.getMessage());
    }
}

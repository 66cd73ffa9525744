package dev.deskassist.core.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretReferencesTest {

    private static boolean secret(String key) {
        return HelpdeskConfig.SECRET_KEYS.contains(key.substring(key.indexOf('.') + 1));
    }

    @Test
    void aFileNamesTheVariableAndTheConfigReadsItsValue(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("deskassist.properties"), """
                acme.baseUrl=https://acme.example.com
                acme.apiToken.env=ACME_TOKEN
                acme.username=bot
                acme.webhookSecret.env=ACME_HOOK
                acme.webhookSecrt.env=TYPO
                """);
        ConfigSource source = ConfigSource.withSecretReferences(ConfigSource.fromFile(file),
                Map.of("ACME_TOKEN", "token-never-shown"), SecretReferencesTest::secret);
        assertEquals("token-never-shown", source.get("acme.apiToken"));
        assertEquals("environment variable ACME_TOKEN (named by deskassist.properties line 2 (acme.apiToken.env))",
                source.origin("acme.apiToken"));
        assertNull(source.get("acme.webhookSecret"), "an unset variable is an absent value");
        assertEquals("https://acme.example.com", source.get("acme.baseUrl"));

        List<ConfigProblem> problems = HelpdeskConfig.of("acme", source).problems();
        String text = problems.toString();
        assertTrue(text.contains("acme.webhookSecret") && text.contains("missing"), text);
        assertTrue(text.contains("acme.webhookSecrt.env") && text.contains("did you mean acme.webhookSecret.env?"), text);
        assertFalse(text.contains("acme.apiToken.env"), "a reference is a known key: " + text);
        assertFalse(text.contains("token-never-shown"), text);
    }
}

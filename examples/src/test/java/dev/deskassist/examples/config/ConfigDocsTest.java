package dev.deskassist.examples.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.config.ConfigFileProblem;
import dev.deskassist.core.config.ConfigSchema;
import dev.deskassist.examples.serve.ServeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference pages in docs/config agree with the schemas and the keys the code reads. */
class ConfigDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "config");
    private static final Map<ConfigSchema, String> PAGES = Map.of(
            ConfigSchema.TAXONOMY, "taxonomy.md",
            ConfigSchema.PRIORITY_POLICY, "priority-policy.md",
            ConfigSchema.GUARDRAIL_POLICY, "guardrail-policy.md",
            ConfigSchema.WRITEBACK_POLICY, "writeback-policy.md",
            ConfigSchema.SENSITIVITY_POLICY, "sensitivity-policy.md",
            ConfigSchema.KB_ARTICLE, "knowledge-base.md");

    private static List<String> blocks(String page, String language) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(page);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everySchemaHasAPageWhoseExamplesValidateAndWhichNamesEveryProperty() throws Exception {
        assertEquals(ConfigSchema.all().size(), PAGES.size());
        for (Map.Entry<ConfigSchema, String> e : PAGES.entrySet()) {
            String page = Files.readString(DOCS.resolve(e.getValue()));
            List<String> examples = blocks(page, "json");
            assertFalse(examples.isEmpty(), e.getValue() + " has no JSON example");
            for (String json : examples) {
                List<ConfigFileProblem> problems = e.getKey().validate(json, e.getValue());
                assertEquals(List.of(), problems, e.getValue() + ": " + problems);
            }
            for (String property : e.getKey().propertyNames()) {
                assertTrue(page.contains("`" + property + "`"), e.getValue() + " does not mention `" + property + "`");
            }
        }
    }

    @Test
    void thePropertiesPageNamesEveryKeyAndItsExampleIsAWorkingSetup(@TempDir Path tmp) throws Exception {
        String page = Files.readString(DOCS.resolve("deskassist-properties.md"));
        List<String> keys = new ArrayList<>(ConfigDirectory.ENGINE_KEYS);
        for (ConfigDirectory.File f : ConfigDirectory.File.values()) {
            keys.add(f.key());
        }
        keys.addAll(ServeSettings.knownKeys());
        ConfigDirectory.HELPDESK_SECRETS.forEach(keys::add);
        for (String key : keys) {
            assertTrue(page.contains(key), "deskassist-properties.md does not mention " + key);
        }
        Path dir = tmp.resolve("setup");
        ConfigScaffold.init(dir);
        Files.writeString(dir.resolve(ConfigDirectory.PROPERTIES), blocks(page, "properties").get(0));
        List<ConfigFileProblem> problems = ConfigDirectory.check(dir, Map.of("OPENAI_API_KEY", "sk-test-never-shown",
                "ZENDESK_API_TOKEN", "token-never-shown", "ZENDESK_WEBHOOK_SECRET", "webhook-secret-never-shown"));
        assertEquals(List.of(), problems, problems.toString());
    }

    @Test
    void theIndexLinksEveryPage() throws Exception {
        String index = Files.readString(DOCS.resolve("README.md"));
        for (String page : PAGES.values()) {
            assertTrue(index.contains("(" + page + ")"), page);
        }
        assertTrue(index.contains("(deskassist-properties.md)"));
    }
}

package dev.deskassist.examples.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.audit.AuditSink;
import dev.deskassist.core.config.ConfigFileException;
import dev.deskassist.core.config.ConfigFileProblem;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.classify.LinearIntentModel;
import dev.deskassist.examples.SampleTickets;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDirectoryTest {

    private static final String TOKEN = "token-value-never-shown";
    private static final String SECRET = "webhook-secret-value-never-shown";
    private static final Map<String, String> ENV = Map.of("ZENDESK_API_TOKEN", TOKEN, "ZENDESK_WEBHOOK_SECRET", SECRET);

    @TempDir
    Path tmp;

    private Path scaffold() throws Exception {
        Path dir = tmp.resolve("acme");
        ConfigScaffold.init(dir);
        return dir;
    }

    private static String all(List<ConfigFileProblem> problems) {
        return problems.stream().map(ConfigFileProblem::toString).collect(Collectors.joining("\n"));
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "test setup: " + from + " not in " + file);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void relativeFilePathsResolveAgainstTheDirectory() throws Exception {
        Path dir = scaffold();
        Files.writeString(dir.resolve("deskassist.properties"), "\ndeskassist.auditFile=audit.jsonl\n"
                + "deskassist.correctionsFile=corrections.jsonl\n", java.nio.file.StandardOpenOption.APPEND);
        Setup setup = ConfigDirectory.load(dir, ENV);
        assertEquals(dir.resolve("audit.jsonl").toString(), setup.serveSettings().auditFile().toString());
        assertEquals(dir.resolve("corrections.jsonl").toString(),
                setup.serveSettings().correctionsFile().orElseThrow().toString());
    }

    @Test
    void theScaffoldedSamplePassesEveryCheckAndRuns() throws Exception {
        Path dir = scaffold();
        assertTrue(Files.isRegularFile(dir.resolve("README.txt")));
        assertTrue(Files.readString(dir.resolve("taxonomy.json")).contains("\"$comment\""));
        assertTrue(Files.readString(dir.resolve("deskassist.properties")).startsWith("#"));
        List<ConfigFileProblem> problems = ConfigDirectory.check(dir, ENV);
        assertEquals(List.of(), problems, all(problems));

        Setup setup = ConfigDirectory.load(dir, ENV);
        assertEquals(List.of("zendesk"), setup.serveSettings().helpdesks());
        assertEquals(dir.resolve("deskassist-data").toString(), setup.serveSettings().dataDir().toString());
        assertFalse(setup.toString().contains(TOKEN));
        assertEquals(dir.resolve("training.jsonl"), setup.path(ConfigDirectory.File.TRAINING_DATA));
        assertTrue(setup.trainingData().isPresent());
        Ticket ticket = SampleTickets.load(Clock.systemUTC().instant()).get(0);
        try (Setup.AssistEngines engines = setup.engines(AuditSink.NONE)) {
            Assistance a = engines.deskAssist().assist(ticket);
            if (a.triage().category().hasValue()) {
                String c = a.triage().category().value();
                assertTrue(setup.taxonomy().category(c).isPresent(), c);
            }
            assertFalse(a.triage().language().reasons().isEmpty());
        }
    }

    @Test
    void theLibraryDefaultGuardrailPolicyProtectsTheSampleTaxonomy() throws Exception {
        Path dir = scaffold();
        dev.deskassist.core.triage.rules.Taxonomy taxonomy = dev.deskassist.core.triage.rules.Taxonomy.load(
                dir.resolve("taxonomy.json"));
        java.util.Set<String> approval = dev.deskassist.core.draft.GuardrailPolicy.defaults().approvalCategories();
        for (String id : approval) {
            assertTrue(taxonomy.category(id).isPresent(), "default approval category " + id + " is not a sample id");
        }
        taxonomy.categories().stream().filter(c -> c.hasFlag("sensitive"))
                .forEach(c -> assertTrue(approval.contains(c.id()), c.id() + " is sensitive but needs no approval"));
        assertTrue(approval.containsAll(java.util.Set.of("refund", "complaint-legal", "data-protection")));
        assertEquals(dev.deskassist.core.draft.GuardrailPolicy.load(dir.resolve("guardrail-policy.json"))
                .approvalCategories(), approval, "the sample and the library default agree");
    }

    @Test
    void initRefusesToOverwrite() throws Exception {
        Path dir = scaffold();
        String before = Files.readString(dir.resolve("taxonomy.json"));
        assertThrows(FileAlreadyExistsException.class, () -> ConfigScaffold.init(dir));
        assertEquals(before, Files.readString(dir.resolve("taxonomy.json")));
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertThrows(FileAlreadyExistsException.class, () -> ConfigScaffold.init(file));
    }

    @Test
    void missingDirectoryAndMissingFilesAreNamed() throws Exception {
        List<ConfigFileProblem> none = ConfigDirectory.check(tmp.resolve("nope"), ENV);
        assertEquals(1, none.size());
        assertTrue(none.get(0).message().contains("deskassist init"), all(none));

        Path dir = scaffold();
        Files.delete(dir.resolve("priority-policy.json"));
        Files.delete(dir.resolve("deskassist.properties"));
        List<ConfigFileProblem> problems = ConfigDirectory.check(dir, ENV, ConfigDirectory.Scope.ENGINES);
        String text = all(problems);
        assertTrue(text.contains("deskassist.properties: file not found"), text);
        assertTrue(text.contains("priority-policy.json: file not found (deskassist.priorityPolicy)"), text);
    }

    @Test
    void unreadableMalformedWrongTypeAndUnknownKeyAreAllReportedAtOnce() throws Exception {
        Path dir = scaffold();
        Files.delete(dir.resolve("sensitivity-policy.json"));
        Files.createDirectory(dir.resolve("sensitivity-policy.json"));
        String taxonomy = Files.readString(dir.resolve("taxonomy.json"));
        Files.writeString(dir.resolve("taxonomy.json"), taxonomy.substring(0, taxonomy.indexOf("\"id\": \"refund\"")));
        edit(dir.resolve("priority-policy.json"), "{\"id\": \"fraud\", \"points\": 3,", "{\"id\": \"fraud\", \"points\": \"3\",");
        edit(dir.resolve("writeback-policy.json"), "\"tagPrefix\"", "\"tagPrefx\"");

        List<ConfigFileProblem> problems = ConfigDirectory.check(dir, ENV);
        String text = all(problems);
        assertTrue(text.contains("sensitivity-policy.json: is not a file"), text);
        ConfigFileProblem truncated = problems.stream().filter(p -> "taxonomy.json".equals(p.file())).findFirst().orElseThrow();
        assertTrue(truncated.message().contains("ends too early"), text);
        assertTrue(truncated.line() > 1, text);
        ConfigFileProblem wrongType = problems.stream().filter(p -> "priority-policy.json".equals(p.file())).findFirst()
                .orElseThrow();
        assertEquals("/cues/1/points", wrongType.pointer(), text);
        assertEquals(11, wrongType.line(), text);
        assertTrue(wrongType.message().contains("expected a whole number, found a string"), text);
        assertTrue(text.contains("writeback-policy.json:3:3: at /tagPrefx: unknown key `tagPrefx`; did you mean `tagPrefix`?"),
                text);

        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigDirectory.load(dir, ENV));
        assertEquals(problems, e.problems());
    }

    @Test
    void categoriesGroupsAndFieldsMustAgreeAcrossFiles() throws Exception {
        Path dir = scaffold();
        edit(dir.resolve("writeback-policy.json"), "[\"login\", \"delivery\"]", "[\"password_reset\", \"delivry\"]");
        edit(dir.resolve("guardrail-policy.json"), "\"complaint-legal\",", "\"legal\",");
        edit(dir.resolve("sensitivity-policy.json"), "\"data-protection\",", "\"data_protection\",");
        edit(dir.resolve("deskassist.properties"), ",Retention=3000000000004", "");
        edit(dir.resolve("deskassist.properties"), ",summary=2000000000006", "");
        edit(dir.resolve("writeback-policy.json"), "\"summary\":    {\"mode\": \"SUGGEST\"}",
                "\"summary\":    {\"mode\": \"AUTO\", \"threshold\": 0.5}");

        List<ConfigFileProblem> problems = ConfigDirectory.check(dir, ENV);
        String text = all(problems);
        assertEquals(6, problems.size(), text);
        assertTrue(text.contains("writeback-policy.json:19:20: at /publicReply/categories/0: category `password_reset` is "
                + "not defined in taxonomy.json"), text);
        assertTrue(text.contains("category `delivry` is not defined in taxonomy.json; did you mean `delivery`?"), text);
        assertTrue(text.contains("guardrail-policy.json:") && text.contains("category `legal` is not defined"), text);
        assertTrue(text.contains("sensitivity-policy.json:3:18: at /categories/0: category `data_protection` is not "
                + "defined in taxonomy.json; did you mean `data-protection`?"), text);
        assertTrue(text.contains("at /categories/6/group: group `Retention` is not in zendesk.groupIds"), text);
        assertTrue(text.contains("at /outputs/summary/mode: writes the helpdesk field `summary`, which zendesk.fieldIds "
                + "does not map"), text);
    }

    @Test
    void categoryOverridesNameTaxonomyCategoriesAndCountAsWrites() throws Exception {
        Path dir = scaffold();
        edit(dir.resolve("writeback-policy.json"), "\"category\":   {\"mode\": \"AUTO\",    \"threshold\": 0.80}",
                "\"category\":   {\"mode\": \"AUTO\", \"threshold\": 0.80, \"categories\": {"
                        + "\"login\": {\"mode\": \"AUTO\", \"threshold\": 0.7}, \"complaint_legal\": {\"mode\": \"SUGGEST\"}}}");
        edit(dir.resolve("deskassist.properties"), ",summary=2000000000006", "");
        edit(dir.resolve("writeback-policy.json"), "\"summary\":    {\"mode\": \"SUGGEST\"}",
                "\"summary\":    {\"mode\": \"SUGGEST\", \"categories\": {\"Login\": {\"mode\": \"AUTO\"}}}");

        List<ConfigFileProblem> problems = ConfigDirectory.check(dir, ENV);
        String text = all(problems);
        assertEquals(2, problems.size(), text);
        assertTrue(text.contains("at /outputs/category/categories/complaint_legal: category `complaint_legal` is not "
                + "defined in taxonomy.json; did you mean `complaint-legal`?"), text);
        assertTrue(text.contains("writes the helpdesk field `summary`, which zendesk.fieldIds does not map"),
                "AUTO for one category writes the field too: " + text);
    }

    @Test
    void secretsComeOnlyFromNamedVariables() throws Exception {
        Path dir = scaffold();
        List<ConfigFileProblem> unset = ConfigDirectory.check(dir, Map.of("ZENDESK_WEBHOOK_SECRET", SECRET));
        assertEquals(1, unset.size(), all(unset));
        assertEquals("deskassist.properties", unset.get(0).file());
        assertTrue(unset.get(0).line() > 0);
        assertTrue(unset.get(0).message().contains("environment variable ZENDESK_API_TOKEN is not set"), all(unset));

        List<ConfigFileProblem> tooShort = ConfigDirectory.check(dir, Map.of("ZENDESK_API_TOKEN", TOKEN,
                "ZENDESK_WEBHOOK_SECRET", "short-secret"));
        assertEquals(1, tooShort.size(), all(tooShort));
        assertTrue(tooShort.get(0).file().startsWith("environment variable ZENDESK_WEBHOOK_SECRET (named by "
                + "deskassist.properties line "), all(tooShort));
        assertTrue(tooShort.get(0).message().contains("too short"), all(tooShort));
        assertFalse(all(tooShort).contains("short-secret"), all(tooShort));

        edit(dir.resolve("deskassist.properties"), "zendesk.apiToken.env=ZENDESK_API_TOKEN", "zendesk.apiToken=" + TOKEN);
        List<ConfigFileProblem> literal = ConfigDirectory.check(dir, ENV);
        String text = all(literal);
        assertTrue(text.contains("at zendesk.apiToken: a secret must not be written in a file"), text);
        assertFalse(text.contains(TOKEN), "a secret never reaches a message: " + text);
        assertFalse(text.contains(SECRET), text);
    }

    @Test
    void aModelFromAnotherVersionIsNamedWithItsFile() throws Exception {
        Path dir = scaffold();
        Setup setup = ConfigDirectory.load(dir, ENV, ConfigDirectory.Scope.ENGINES, Clock.systemUTC());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ((LinearIntentModel) setup.model()).save(bytes);
        byte[] model = bytes.toByteArray();
        ByteBuffer.wrap(model).putInt(4, LinearIntentModel.FORMAT_VERSION + 1);
        Files.write(dir.resolve("model.bin"), model);
        edit(dir.resolve("deskassist.properties"), "deskassist.trainingData=training.jsonl", "deskassist.model=model.bin");

        List<ConfigFileProblem> problems = ConfigDirectory.check(dir, ENV, ConfigDirectory.Scope.ENGINES);
        assertEquals(1, problems.size(), all(problems));
        assertEquals("model.bin", problems.get(0).file());
        assertTrue(problems.get(0).message().contains("model format version " + (LinearIntentModel.FORMAT_VERSION + 1)),
                all(problems));
    }

    @Test
    void knowledgeBaseJsonEntriesAreCheckedAgainstTheirSchema() throws Exception {
        Path dir = scaffold();
        Files.writeString(dir.resolve("kb/en/extra.json"), """
                {"id": "extra", "title": "Extra", "language": "en", "aproved": true,
                 "categories": ["returns"], "body": "Text."}
                """);
        List<ConfigFileProblem> problems = ConfigDirectory.check(dir, ENV);
        String text = all(problems);
        assertEquals(2, problems.size(), text);
        assertTrue(text.contains("kb/en/extra.json:1:53: at /aproved: unknown key `aproved`; did you mean `approved`?"), text);
        assertTrue(text.contains("kb/en/extra.json:1:1: missing required key `approved`"), text);
    }

    @Test
    void commandsThatDoNotConnectNeedNoHelpdeskSecrets() throws Exception {
        Path dir = scaffold();
        assertEquals(List.of(), ConfigDirectory.check(dir, Map.of(), ConfigDirectory.Scope.ENGINES));
        Setup setup = ConfigDirectory.load(dir, Map.of(), ConfigDirectory.Scope.ENGINES, Clock.systemUTC());
        assertTrue(setup.serve().isEmpty());
        assertThrows(IllegalStateException.class, setup::serveSettings);
        assertFalse(ConfigDirectory.check(dir, Map.of()).isEmpty(), "serve needs them");
    }

    @Test
    void engineKeysAreChecked() throws Exception {
        Path dir = scaffold();
        edit(dir.resolve("deskassist.properties"), "engine.draft=offline", "engine.draft=opnai\nengine.summary.x=1");
        edit(dir.resolve("deskassist.properties"), "engine.triage=offline", "engine.triage=anthropic");
        List<ConfigFileProblem> problems = ConfigDirectory.check(dir, ENV, ConfigDirectory.Scope.ENGINES);
        String text = all(problems);
        assertTrue(text.contains("at engine.draft: must be one of offline, openai, anthropic, off (did you mean openai?)"),
                text);
        assertTrue(text.contains("at anthropic.model: missing"), text);
        assertTrue(text.contains("anthropic.apiKey.env: missing"), text);
        assertTrue(text.contains("engine.summary.x"), text);
    }
}

package dev.deskassist.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.draft.GuardrailPolicy;
import dev.deskassist.core.draft.PolicyException;
import dev.deskassist.core.privacy.SensitivityPolicy;
import dev.deskassist.core.triage.rules.PriorityPolicy;
import dev.deskassist.core.triage.rules.RulesFileException;
import dev.deskassist.core.triage.rules.Taxonomy;
import dev.deskassist.core.writeback.WriteBackPolicy;
import dev.deskassist.core.writeback.WriteBackPolicyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSchemaTest {

    private static final String TAXONOMY = """
            {
              "categories": [
                {"id": "billing", "group": "Billing",
                 "rules": [{"keywords": ["invoice"], "weigth": 2}]}
              ]
            }
            """;

    @Test
    void misspeltKeyInTaxonomyIsReportedWithLineColumnPointerAndSuggestion() {
        List<ConfigFileProblem> problems = ConfigSchema.TAXONOMY.validate(TAXONOMY, "taxonomy.json");
        assertEquals(1, problems.size(), problems.toString());
        ConfigFileProblem p = problems.get(0);
        assertEquals("taxonomy.json", p.file());
        assertEquals(4, p.line());
        assertEquals(42, p.column());
        assertEquals("/categories/0/rules/0/weigth", p.pointer());
        assertTrue(p.message().contains("did you mean `weight`?"), p.message());
        assertEquals("taxonomy.json:4:42: at /categories/0/rules/0/weigth: unknown key `weigth`; did you mean `weight`?",
                p.toString());
    }

    @Test
    void taxonomyLoaderFailsThroughItsOwnExceptionWithAllProblems() {
        RulesFileException e = assertThrows(RulesFileException.class, () -> Taxonomy.parse(TAXONOMY, "taxonomy.json"));
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().contains("taxonomy.json:4:42"), e.getMessage());
    }

    @Test
    void priorityPolicyWithPointInsteadOfPointsSuggestsPoints() {
        String json = """
                {"cues": [{"id": "fraud", "point": 3, "terms": {"en": ["fraud"]}}]}
                """;
        RulesFileException e = assertThrows(RulesFileException.class, () -> PriorityPolicy.parse(json, "priority.json"));
        assertTrue(e.getMessage().contains("unknown key `point`; did you mean `points`?"), e.getMessage());
        assertTrue(e.getMessage().startsWith("priority.json:1:27"), e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String json = """
                {
                  "fallbackGroup": 7,
                  "categories": [
                    {"id": "a", "rules": [{"keywords": "x", "force": "yes", "weight": 11}]},
                    {"id": "", "group": "G", "descripton": "typo"}
                  ]
                }
                """;
        List<ConfigFileProblem> problems = ConfigSchema.TAXONOMY.validate(json, "t.json");
        List<String> messages = problems.stream().map(ConfigFileProblem::toString).toList();
        assertEquals(7, problems.size(), String.join("\n", messages));
        assertTrue(messages.get(0).startsWith("t.json:2:20: at /fallbackGroup: expected a string, found a number"),
                messages.get(0));
        assertTrue(messages.stream().anyMatch(m -> m.contains("/categories/0: missing required key `group`")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("/categories/0/rules/0/keywords: expected an array")));
        assertTrue(messages.stream().anyMatch(m -> m.contains("/categories/0/rules/0/force: expected true or false")));
        assertTrue(messages.stream().anyMatch(m -> m.contains("/categories/0/rules/0/weight: must be at most 10")));
        assertTrue(messages.stream().anyMatch(m -> m.contains("/categories/1/id: must not be empty")));
        assertTrue(messages.stream().anyMatch(m -> m.contains("did you mean `description`?")));
    }

    @Test
    void truncatedJsonIsOneProblemWithThePlace() {
        List<ConfigFileProblem> problems = ConfigSchema.TAXONOMY.validate("{\n  \"categories\": [\n", "t.json");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("ends too early"), problems.get(0).message());
        assertTrue(problems.get(0).line() >= 2, problems.toString());
    }

    @Test
    void strayCharactersAndDuplicateKeysAreProblems() {
        assertTrue(ConfigSchema.TAXONOMY.validate("{'categories': []}", "t.json").get(0).message()
                .startsWith("malformed JSON"));
        List<ConfigFileProblem> dup = ConfigSchema.TAXONOMY.validate(
                "{\"categories\": [{\"id\": \"a\", \"group\": \"G\", \"id\": \"b\"}]}", "t.json");
        assertEquals(1, dup.size(), dup.toString());
        assertTrue(dup.get(0).message().startsWith("duplicate key `id`"), dup.toString());
    }

    @Test
    void writeBackModeTypoSuggestsTheMode() {
        String json = "{\"outputs\": {\"draft\": {\"mode\": \"AUTOO\"}, \"catgory\": {\"mode\": \"OFF\"}}}";
        WriteBackPolicyException e = assertThrows(WriteBackPolicyException.class,
                () -> WriteBackPolicy.fromJson(json, "wb.json"));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("`AUTOO` is not allowed here; expected one of OFF, SUGGEST, AUTO"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean `category`?"), e.getMessage());
    }

    @Test
    void guardrailUnknownKeyAndWrongType() {
        PolicyException e = assertThrows(PolicyException.class, () -> GuardrailPolicy.parse(
                "{\"approvalCategorys\": [\"refund\"], \"requireCitations\": \"yes\"}", "g.json"));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean `approvalCategories`?"), e.getMessage());
    }

    @Test
    void commentsAreAllowedWhereTheSchemaSaysSo() {
        WriteBackPolicy p = WriteBackPolicy.fromJson("""
                {"$comment": "ours", "outputs": {"$comment": "x", "draft": {"$comment": "y", "mode": "SUGGEST"}},
                 "publicReply": {"$comment": "none", "categories": []}}
                """, "wb.json");
        assertEquals(p.rule(dev.deskassist.core.writeback.Output.DRAFT).mode(), dev.deskassist.core.writeback.WriteMode.SUGGEST);
        assertFalse(Taxonomy.parse("{\"$comment\": \"c\", \"categories\": [{\"$comment\": \"c\", \"id\": \"a\", \"group\": \"G\"}]}",
                "t.json").categories().isEmpty());
    }

    @Test
    void sensitivityPolicyReadsItsFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sensitivity-policy.json");
        Files.writeString(f, "{\"categories\": [\"complaint-legal\"], \"defaultKeywords\": false, \"keywords\": {\"hr\": [\"betriebsrat\"]}}");
        SensitivityPolicy p = SensitivityPolicy.load(f);
        assertEquals(java.util.Set.of("complaint-legal"), p.categories());
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> SensitivityPolicy.load(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
        ConfigFileException bad = assertThrows(ConfigFileException.class,
                () -> SensitivityPolicy.parse("{\"keywords\": {\"hr\": \"betriebsrat\"}}", "s.json"));
        assertTrue(bad.getMessage().contains("s.json:1:21: at /keywords/hr: expected an array, found a string"), bad.getMessage());
    }

    @Test
    void builtInPoliciesPassTheirSchemas() {
        PriorityPolicy.defaults();
        GuardrailPolicy.defaults();
        for (ConfigSchema s : ConfigSchema.all()) {
            assertFalse(s.propertyNames().isEmpty(), s.name());
        }
    }
}

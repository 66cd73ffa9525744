package dev.deskassist.core.writeback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBackPolicyTest {

    static final String SAMPLE = """
            {
              "tagPrefix": "da_",
              "noteLanguage": "de",
              "internalNote": true,
              "allowLowerPriority": false,
              "outputs": {
                "category":  {"mode": "AUTO", "threshold": 0.8},
                "priority":  {"mode": "SUGGEST"},
                "group":     {"mode": "auto", "threshold": 0.9},
                "sentiment": {"mode": "OFF"},
                "draft":     {"mode": "AUTO", "threshold": 0.85}
              },
              "publicReply": {"categories": ["password_reset", "delivery_status"], "minCategoryConfidence": 0.9}
            }
            """;

    @Test
    void loadsAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("policy.json");
        Files.writeString(f, SAMPLE);
        WriteBackPolicy p = WriteBackPolicy.fromJson(f);
        assertEquals(OutputRule.auto(0.8), p.rule(Output.CATEGORY));
        assertEquals(WriteMode.SUGGEST, p.rule(Output.PRIORITY).mode());
        assertEquals(OutputRule.auto(0.9), p.rule(Output.GROUP));
        assertEquals(WriteMode.OFF, p.rule(Output.SENTIMENT).mode());
        assertEquals(WriteBackPolicy.defaults().rule(Output.LANGUAGE), p.rule(Output.LANGUAGE), "unset keeps default");
        assertEquals(Set.of("password_reset", "delivery_status"), p.publicReplyCategories());
        assertEquals(0.9, p.publicReplyMinCategoryConfidence());
        assertEquals("de", p.noteLanguage());
        assertFalse(p.allowLowerPriority());
    }

    @Test
    void malformedJsonNamesFileAndLine() {
        String broken = "{\n  \"tagPrefix\": \"da_\",\n  \"outputs\": {\n    \"category\": {\"mode\": \"AUTO\",, }\n}";
        WriteBackPolicyException e = assertThrows(WriteBackPolicyException.class,
                () -> WriteBackPolicy.fromJson(broken, "policy.json"));
        assertTrue(e.getMessage().startsWith("policy.json:4:"), e.getMessage());
    }

    @Test
    void typosAreErrorsNotSilentDefaults() {
        assertMessage("{\"outputs\": {\"category\": {\"mode\": \"ALWAYS\"}}}",
                "/outputs/category/mode: `ALWAYS` is not allowed here; expected one of OFF, SUGGEST, AUTO");
        assertMessage("{\"outputs\": {\"categroy\": {\"mode\": \"AUTO\"}}}",
                "unknown key `categroy`; did you mean `category`?");
        assertMessage("{\"outputs\": {\"category\": {\"threshold\": 0.5}}}", "missing required key `mode`");
        assertMessage("{\"outputs\": {\"category\": {\"mode\": \"AUTO\", \"threshold\": 1.5}}}",
                "/outputs/category/threshold: must be at most 1, found 1.5");
        assertMessage("{\"tagprefix\": \"x\"}", "unknown key `tagprefix`; did you mean `tagPrefix`?");
        assertMessage("{\"tagPrefix\": \"bad prefix\"}", "`bad prefix` does not match");
        assertMessage("{\"publicReply\": {\"categories\": \"billing\"}}",
                "/publicReply/categories: expected an array, found a string");
        assertMessage("[1, 2]", "expected an object, found an array");
    }

    @Test
    void missingFileIsATypedError(@TempDir Path dir) {
        Path f = dir.resolve("nope.json");
        WriteBackPolicyException e = assertThrows(WriteBackPolicyException.class, () -> WriteBackPolicy.fromJson(f));
        assertTrue(e.getMessage().contains("nope.json"), e.getMessage());
    }

    @Test
    void builderAndRules() {
        WriteBackPolicy p = WriteBackPolicy.builder().rule(Output.TAGS, OutputRule.suggest()).build();
        assertEquals(WriteMode.SUGGEST, p.rule(Output.TAGS).mode());
        assertEquals(p, p.toBuilder().build());
        assertEquals(WriteMode.AUTO, OutputRule.auto(0.5).effective(0.5));
        assertEquals(WriteMode.SUGGEST, OutputRule.auto(0.5).effective(0.49));
        assertEquals(WriteMode.OFF, OutputRule.off().effective(1.0));
        assertThrows(IllegalArgumentException.class, () -> OutputRule.auto(1.2));
    }

    private static void assertMessage(String json, String expected) {
        WriteBackPolicyException e = assertThrows(WriteBackPolicyException.class,
                () -> WriteBackPolicy.fromJson(json, "p.json"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("p.json"), e.getMessage());
    }

    @Test
    void categoryOverridesLoadAndAreCheckedLikeRules() {
        WriteBackPolicy p = WriteBackPolicy.fromJson("""
                {"outputs": {"category": {"mode": "AUTO", "threshold": 0.9, "categories": {
                    "$comment": "login is safe earlier",
                    "login": {"mode": "auto", "threshold": 0.7}, "complaint-legal": {"mode": "SUGGEST"}}}}}
                """, "p.json");
        OutputRule rule = p.rule(Output.CATEGORY);
        assertEquals(java.util.List.of("login", "complaint-legal"), java.util.List.copyOf(rule.categories().keySet()));
        assertEquals(OutputRule.auto(0.7), rule.forCategory("LOGIN"));
        assertEquals(OutputRule.suggest(), rule.forCategory("complaint-legal"));
        assertEquals(OutputRule.auto(0.9), rule.forCategory("billing"));
        assertEquals(OutputRule.auto(0.9), rule.forCategory(null));
        assertTrue(p.hasCategoryOverrides());
        assertFalse(p.forCategory("login").hasCategoryOverrides());
        assertEquals(OutputRule.auto(0.7), p.forCategory("login").rule(Output.CATEGORY));
        WriteBackPolicy plain = WriteBackPolicy.defaults();
        assertTrue(plain.forCategory("login") == plain, "no overrides: the same policy");

        WriteBackPolicyException nested = assertThrows(WriteBackPolicyException.class, () -> WriteBackPolicy.fromJson("""
                {"outputs": {"category": {"mode": "AUTO", "categories": {
                    "login": {"mode": "AUTO", "categories": {}}}}}}
                """, "p.json"));
        assertTrue(nested.getMessage().contains("p.json"), nested.getMessage());
        WriteBackPolicyException badMode = assertThrows(WriteBackPolicyException.class, () -> WriteBackPolicy.fromJson(
                "{\"outputs\": {\"draft\": {\"mode\": \"OFF\", \"categories\": {\"login\": {\"mode\": \"ALWAYS\"}}}}}",
                "p.json"));
        assertTrue(badMode.getMessage().contains("login"), badMode.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OutputRule.auto(0.5).withCategory("a", OutputRule.off())
                .withCategory("b", OutputRule.auto(0.5).withCategory("c", OutputRule.off())));
    }
}

package dev.deskassist.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void builtInPromptsCarryTheirVersion() {
        assertEquals("triage-v1", PromptTemplate.load("triage-v1").version());
        assertEquals("draft-v1", PromptTemplate.load("draft-v1").version());
        assertEquals("summary-v1", PromptTemplate.load("summary-v1").version());
    }

    @Test
    void rendersVariablesInBothSections() {
        PromptTemplate p = PromptTemplate.parse("t.txt", "# version: t-v1\n=== system ===\nLang {{language}}\n=== user ===\n{{ticket}}\n");
        PromptTemplate.Rendered r = p.render(Map.of("language", "de", "ticket", "Hallo $1 \\ {{x}}"));
        assertEquals("Lang de", r.system());
        assertEquals("Hallo $1 \\ {{x}}", r.user(), "values are inserted literally, never re-expanded");
    }

    @Test
    void missingValueNamesFileAndLine() {
        PromptTemplate p = PromptTemplate.parse("t.txt", "# version: t-v1\n=== system ===\nA\nB {{rules}}\n=== user ===\nx\n");
        PromptException e = assertThrows(PromptException.class, () -> p.render(Map.of()));
        assertEquals("t.txt:4: no value for {{rules}}", e.getMessage());
    }

    @Test
    void malformedTemplatesAreRejectedClearly() {
        assertTrue(assertThrows(PromptException.class, () -> PromptTemplate.parse("a.txt", "=== system ===\nx\n=== user ===\ny"))
                .getMessage().contains("missing '# version"));
        assertTrue(assertThrows(PromptException.class, () -> PromptTemplate.parse("b.txt", "# version: b\n=== system ===\nx"))
                .getMessage().contains("needs both"));
        assertTrue(assertThrows(PromptException.class, () -> PromptTemplate.load("nope-v9")).getMessage().contains("not found"));
    }
}

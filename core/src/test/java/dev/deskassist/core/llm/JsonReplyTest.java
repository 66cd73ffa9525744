package dev.deskassist.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReplyTest {

    static final JsonSchema SCHEMA = JsonSchema.of("t", """
            {"type":"object","required":["category","priority","confidence","tags"],
             "properties":{"category":{"type":"string"},
               "priority":{"type":"string","enum":["low","high"]},
               "confidence":{"type":"number","minimum":0,"maximum":1},
               "count":{"type":"integer"},
               "ok":{"type":"boolean"},
               "tags":{"type":"array","items":{"type":"string"}}}}""");

    @Test
    void stripsMarkdownFences() {
        JsonReply.Parsed p = JsonReply.parse("```json\n{\"category\":\"a\",\"priority\":\"low\",\"confidence\":0.5,\"tags\":[]}\n```",
                SCHEMA, false);
        assertTrue(p.ok(), p.problems().toString());
    }

    @Test
    void cutsJsonOutOfAChattySentence() {
        JsonReply.Parsed p = JsonReply.parse("Sure! Here it is: {\"category\":\"a\",\"priority\":\"high\","
                + "\"confidence\":1,\"tags\":[\"x\"]} Hope that helps.", SCHEMA, false);
        assertTrue(p.ok(), p.problems().toString());
    }

    @Test
    void proseIsAProblem() {
        JsonReply.Parsed p = JsonReply.parse("I think this is about billing.", SCHEMA, false);
        assertFalse(p.ok());
        assertEquals(List.of("the reply was prose, not a JSON object"), p.problems());
    }

    @Test
    void truncatedJsonIsReportedAsCutOff() {
        JsonReply.Parsed p = JsonReply.parse("{\"category\":\"a\",\"priority\":\"lo", SCHEMA, true);
        assertFalse(p.ok());
        assertTrue(p.problems().get(0).contains("cut off"), p.problems().toString());
    }

    @Test
    void schemaProblemsNameThePath() {
        JsonReply.Parsed p = JsonReply.parse("{\"category\":3,\"priority\":\"medium\",\"confidence\":1.5,"
                + "\"tags\":[\"a\",2],\"count\":1.5,\"ok\":\"yes\"}", SCHEMA, false);
        assertFalse(p.ok());
        List<String> pr = p.problems();
        assertTrue(pr.contains("$.category: expected string but got number"), pr.toString());
        assertTrue(pr.stream().anyMatch(s -> s.startsWith("$.priority: must be one of")), pr.toString());
        assertTrue(pr.contains("$.confidence: must be <= 1"), pr.toString());
        assertTrue(pr.contains("$.tags[1]: expected string but got number"), pr.toString());
        assertTrue(pr.contains("$.count: expected integer but got number"), pr.toString());
        assertTrue(pr.contains("$.ok: expected boolean but got string"), pr.toString());
    }

    @Test
    void missingRequiredPropertyIsNamed() {
        JsonReply.Parsed p = JsonReply.parse("{\"category\":\"a\",\"priority\":\"low\",\"confidence\":0}", SCHEMA, false);
        assertEquals(List.of("$: missing required property 'tags'"), p.problems());
    }
}

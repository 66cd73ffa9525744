package dev.deskassist.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonErrorBodyParserTest {

    private final JsonErrorBodyParser parser = new JsonErrorBodyParser();

    @Test
    void freshdeskValidationErrors() {
        ErrorDetails d = parser.parse(400, "application/json", "{\"description\":\"Validation failed\",\"errors\":"
                + "[{\"field\":\"priority\",\"message\":\"It should be one of these values: '1,2,3,4'\",\"code\":\"invalid_value\"}]}");
        assertEquals("Validation failed", d.message());
        assertEquals(List.of("It should be one of these values: '1,2,3,4' [invalid_value]"), d.fieldErrors().get("priority"));
    }

    @Test
    void serviceNowErrorObject() {
        ErrorDetails d = parser.parse(404, "application/json",
                "{\"error\":{\"message\":\"No Record found\",\"detail\":\"Record doesn't exist or ACL restricts the record retrieval\"},\"status\":\"failure\"}");
        assertTrue(d.message().startsWith("No Record found"));
    }

    @Test
    void anthropicAndOpenAiErrors() {
        ErrorDetails a = parser.parse(529, "application/json",
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        assertEquals("overloaded_error", a.code());
        assertEquals("Overloaded", a.message());
        ErrorDetails o = parser.parse(429, "application/json",
                "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}");
        assertEquals("rate_limit_exceeded", o.code());
    }

    @Test
    void nonJsonAndBrokenBodiesGiveNoDetails() {
        assertNull(parser.parse(429, "text/html", "<html>Too many</html>").message());
        assertNull(parser.parse(500, "application/json", "{\"error\": ").code());
        assertNull(parser.parse(500, null, null).code());
    }

    @Test
    void longTextsAreCut() {
        String longText = "x".repeat(5000);
        ErrorDetails d = parser.parse(400, "application/json", "{\"error\":\"Bad\",\"description\":\"" + longText + "\"}");
        assertTrue(d.message().length() <= JsonErrorBodyParser.MAX_TEXT + 1);
    }
}

package dev.deskassist.core.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonDepthTest {

    private static boolean exceeds(String json, int max) {
        return JsonDepth.exceeds(json.getBytes(StandardCharsets.UTF_8), max);
    }

    @Test
    void countsNestedArraysAndObjects() {
        assertFalse(exceeds("{\"a\":[{\"b\":[1]}]}", 4));
        assertTrue(exceeds("{\"a\":[{\"b\":[1]}]}", 3));
        assertFalse(exceeds("[][][][][]", 1), "siblings do not nest");
        assertTrue(exceeds("[".repeat(100_000), 64));
    }

    @Test
    void bracketsInsideStringsDoNotCount() {
        assertFalse(exceeds("{\"text\":\"[[[[{{{{\"}", 1));
        // an escaped quote does not end the string
        assertFalse(exceeds("{\"text\":\"say \\\"[[[[\\\" twice\"}", 1));
        // an escaped backslash does: the bracket after the string counts
        assertTrue(exceeds("{\"text\":\"ends with \\\\\",\"x\":[[1]]}", 2));
        assertFalse(exceeds("{\"t\":\"Grüße [ü]\"}", 1), "multi-byte text is skipped");
    }
}

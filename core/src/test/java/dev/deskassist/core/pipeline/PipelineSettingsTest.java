package dev.deskassist.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PipelineSettingsTest {

    @Test
    void defaultsSuitARealHelpdesk() {
        PipelineSettings s = PipelineSettings.defaults();
        assertEquals(Runtime.getRuntime().availableProcessors(), s.workers());
        assertEquals(1_000_000, s.maxBodyBytes());
        assertEquals(64, s.maxJsonDepth());
        assertEquals(Duration.ofHours(24), s.dedupeWindow());
        assertEquals(Duration.ofSeconds(30), s.initialBackoff());
        assertEquals(Duration.ofHours(1), s.maxBackoff());
        assertEquals(Duration.ofHours(6), s.maxRetryAfter());
        assertEquals(Duration.ofHours(48), s.retryHorizon());
        assertEquals(Duration.ofDays(30), s.deadLetterRetention());
        assertEquals(s, s.toBuilder().build());
    }

    @Test
    void everyInvalidValueIsReportedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PipelineSettings.builder()
                .workers(0).maxRetryAfter(Duration.ofMinutes(5)).initialBackoff(Duration.ofMinutes(5))
                .maxBackoff(Duration.ofMinutes(1)).pollInterval(Duration.ZERO).build());
        String m = e.getMessage();
        assertTrue(m.contains("workers") && m.contains("maxRetryAfter must be >= 1 h")
                && m.contains("maxBackoff must be >= initialBackoff") && m.contains("pollInterval"), m);
    }
}

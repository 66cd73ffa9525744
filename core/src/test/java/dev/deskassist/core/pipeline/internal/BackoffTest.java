package dev.deskassist.core.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(6));

    @Test
    void growsExponentiallyWithJitterUpToTheCap() {
        for (int i = 0; i < 50; i++) {
            assertBetween(backoff.delay(1, Optional.empty()), 15, 30);
            assertBetween(backoff.delay(2, Optional.empty()), 30, 60);
            assertBetween(backoff.delay(4, Optional.empty()), 120, 240);
            assertBetween(backoff.delay(40, Optional.empty()), 1800, 3600);
            assertBetween(backoff.delay(Integer.MAX_VALUE, Optional.empty()), 1800, 3600);
        }
    }

    @Test
    void retryAfterIsHonouredUpToItsCapAndNeverShortensTheBackoff() {
        assertEquals(Duration.ofHours(1), backoff.delay(1, Optional.of(Duration.ofHours(1))));
        assertEquals(Duration.ofHours(6), backoff.delay(1, Optional.of(Duration.ofDays(2))));
        assertBetween(backoff.delay(3, Optional.of(Duration.ofSeconds(1))), 60, 120);
    }

    private static void assertBetween(Duration d, long minSeconds, long maxSeconds) {
        assertTrue(d.toMillis() >= minSeconds * 1000 && d.toMillis() <= maxSeconds * 1000, d.toString());
    }
}

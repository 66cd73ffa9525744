package dev.deskassist.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

    @Test
    void secondsAndDates() {
        assertEquals(Duration.ofSeconds(93), RetryAfter.parse("93", clock));
        assertEquals(Duration.ofMillis(1500), RetryAfter.parse(" 1.5 ", clock));
        assertEquals(Duration.ofSeconds(60), RetryAfter.parse("Wed, 21 Oct 2015 07:29:00 GMT", clock));
        assertEquals(Duration.ZERO, RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", clock));
    }

    @Test
    void garbageIsIgnored() {
        assertNull(RetryAfter.parse("soon", clock));
        assertNull(RetryAfter.parse("-5", clock));
        assertNull(RetryAfter.parse(null, clock));
    }
}

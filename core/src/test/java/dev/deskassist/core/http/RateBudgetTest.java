package dev.deskassist.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateBudgetTest {

    @Test
    void parsesPerMinuteAndPerHourForms() {
        assertEquals(RateBudget.perMinute(400), RateBudget.parse("400/min"));
        assertEquals(RateBudget.perMinute(400), RateBudget.parse(" 400 / Minute "));
        assertEquals(RateBudget.perHour(1000), RateBudget.parse("1000/hour"));
        assertEquals(RateBudget.perHour(1000), RateBudget.parse("1000/h"));
        assertEquals(new RateBudget(10, Duration.ofSeconds(1)), RateBudget.parse("10/s"));
        assertTrue(RateBudget.parse("none").isUnlimited());
        assertTrue(RateBudget.parse("0").isUnlimited());
        assertTrue(RateBudget.parse("0/min").isUnlimited());
        assertEquals("400/min", RateBudget.parse("400/min").toString());
    }

    @Test
    void rejectsUnreadableBudgetsWithoutEchoingThem() {
        for (String bad : new String[] {"4711", "fast/min", "4711/day", "-17/min", "/min4711"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateBudget.parse(bad), bad);
            assertFalse(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void spreadsTheBudgetInAboutSixtySlicesWithoutExceedingIt() {
        RateBudget freshdesk = RateBudget.perMinute(200);
        assertEquals(4, freshdesk.permitsPerSlice());
        assertEquals(Duration.ofMillis(1200), freshdesk.slice());
        RateBudget serviceNow = RateBudget.perHour(1000);
        assertEquals(17, serviceNow.permitsPerSlice());
        assertEquals(Duration.ofMillis(61_200), serviceNow.slice());
        RateBudget small = RateBudget.perHour(7);
        assertEquals(1, small.permitsPerSlice());
        assertTrue(small.slice().multipliedBy(7).compareTo(Duration.ofHours(1)) >= 0, "never more than 7 an hour");
    }

    @Test
    void requestsPerSecondKeepsItsOldMeaning() {
        assertEquals(new RateBudget(3, Duration.ofSeconds(1)), RateBudget.perSecond(2.5));
        assertEquals(new RateBudget(1, Duration.ofMillis(2000)), RateBudget.perSecond(0.5));
        assertTrue(RateBudget.perSecond(0).isUnlimited());
        assertThrows(IllegalArgumentException.class, () -> RateBudget.perSecond(-1));
    }
}

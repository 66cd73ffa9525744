package dev.deskassist.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Display values of journal fields in the date formats and zones users pick. */
class JournalDisplayTest {

    @Test
    void entriesComeOldestFirstWithTheirLinesAndLabels() {
        String shown = "2019-09-26 21:19:11 - System Administrator (Work notes)\nTeam is actively looking into it.\n"
                + "Second line.\n\n2019-09-26 21:03:07 - Jane Doe (Contractor) (Additional comments)\nThis is Sev1 incident.\n\n";
        List<JournalDisplay.Entry> e = JournalDisplay.calibrate(null, null).entries(shown);
        assertEquals(2, e.size());
        assertEquals("Jane Doe (Contractor)", e.get(0).author(), "parentheses in a name stay in the name");
        assertEquals("Additional comments", e.get(0).label());
        assertEquals(Instant.parse("2019-09-26T21:03:07Z"), e.get(0).at());
        assertEquals("Team is actively looking into it.\nSecond line.", e.get(1).text());
    }

    @Test
    void aUsFormatInAnotherZoneIsLearntFromTheRecordsOwnStamp() {
        // raw UTC 21:19:11 shown to a user on America/Los_Angeles (-07:00 in September) as 02:19:11 PM
        JournalDisplay d = JournalDisplay.calibrate("2019-09-26 21:19:11", "09-26-2019 02:19:11 PM");
        List<JournalDisplay.Entry> e = d.entries("09-26-2019 02:03:07 PM - Abel Tuter (Additional comments)\nHello\n");
        assertEquals(Instant.parse("2019-09-26T21:03:07Z"), e.get(0).at());
    }

    @Test
    void dayFirstAndMonthFirstAreToldApartByTheCalibration() {
        // 03/04 is the 3rd of April for this user, which the raw stamp proves
        JournalDisplay d = JournalDisplay.calibrate("2024-04-03 10:00:00", "03/04/2024 10:00:00");
        assertEquals(Instant.parse("2024-04-05T08:00:00Z"),
                d.entries("05/04/2024 08:00:00 - A (Work notes)\nx").get(0).at());
        JournalDisplay us = JournalDisplay.calibrate("2024-03-04 10:00:00", "03/04/2024 10:00:00");
        assertEquals(Instant.parse("2024-05-04T08:00:00Z"),
                us.entries("05/04/2024 08:00:00 - A (Work notes)\nx").get(0).at());
    }

    @Test
    void withoutCalibrationKnownFormatsAreReadAsUtcAndUnknownOnesKeepTheEntry() {
        JournalDisplay d = JournalDisplay.calibrate(null, null);
        assertEquals(Instant.parse("2023-09-26T22:40:00Z"),
                d.entries("26.09.2023 22:40 - A (Additional comments)\nx").get(0).at());
        assertEquals(Instant.parse("2023-09-26T14:40:00Z"),
                d.entries("09-26-2023 02:40:00 pm - A (Additional comments)\nx").get(0).at());
        List<JournalDisplay.Entry> odd = d.entries("2023-26-09 22:40:00 - A (Additional comments)\nx");
        assertEquals(1, odd.size());
        assertNull(odd.get(0).at());
        assertTrue(d.entries("just text without a header").isEmpty());
        assertTrue(d.entries("").isEmpty());
    }
}

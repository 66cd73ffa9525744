package dev.deskassist.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link Progress} with a hand-moved clock: plain lines off a terminal, one redrawn line on it. */
class ProgressTest {

    private final StringWriter text = new StringWriter();
    private final PrintWriter err = new PrintWriter(text, true);
    private long now = 1_000_000_000L;

    private List<String> lines() {
        return text.toString().lines().toList();
    }

    @Test
    void offATerminalOneLineAtEveryTenthWithTimeLeft() {
        try (Progress p = new Progress("deskassist train", 100, err, false, () -> now)) {
            for (int i = 1; i <= 100; i++) {
                now += TimeUnit.MILLISECONDS.toNanos(100);
                p.update(i);
            }
        }
        List<String> lines = lines();
        assertEquals(10, lines.size(), text.toString());
        assertEquals("deskassist train:  10% (10/100), about 9.0 s left", lines.get(0));
        assertEquals("deskassist train:  90% (90/100), about 1.0 s left", lines.get(8));
        assertEquals("deskassist train: took 10 s", lines.get(9));
        assertFalse(text.toString().contains("\r"), "no carriage returns in a log");
    }

    @Test
    void offATerminalSlowWorkStillPrintsEveryTenSeconds() {
        try (Progress p = new Progress("deskassist evaluate", 1000, err, false, () -> now)) {
            for (int i = 1; i <= 30; i++) {
                now += TimeUnit.SECONDS.toNanos(1);
                p.update(i);
            }
        }
        List<String> lines = lines();
        assertEquals(4, lines.size(), text.toString());
        assertTrue(lines.get(0).startsWith("deskassist evaluate:   1% (10/1000), about 16:30 min left"), lines.get(0));
        assertTrue(lines.get(2).startsWith("deskassist evaluate:   3% (30/1000)"), lines.get(2));
    }

    @Test
    void onATerminalOneLineRedrawnAndEndedOnce() {
        try (Progress p = new Progress("deskassist train", 4, err, true, () -> now)) {
            for (int i = 1; i <= 4; i++) {
                now += TimeUnit.SECONDS.toNanos(1);
                p.update(i);
            }
        }
        String out = text.toString();
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), out);
        assertTrue(out.contains("\rdeskassist train [######------------------]  25%, about 3.0 s left"), out);
        assertTrue(out.contains("\rdeskassist train [########################] 100%"), out);
        assertTrue(out.stripTrailing().endsWith("\rdeskassist train took 4.0 s"), out);
    }

    @Test
    void nothingAfterClose() {
        Progress p = new Progress("x", 10, err, false, () -> now);
        p.close();
        p.update(5);
        p.close();
        assertEquals(List.of("x: took 0.0 s"), lines());
    }
}

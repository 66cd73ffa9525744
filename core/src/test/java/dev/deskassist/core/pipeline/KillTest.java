package dev.deskassist.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An event acknowledged by a process that is then killed with SIGKILL is still in the store. */
class KillTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void acknowledgedEventsSurviveSigkill() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                KillTarget.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int acked = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (acked < 200 && (line = out.readLine()) != null) {
                if (line.startsWith("acked ")) {
                    acked = Integer.parseInt(line.substring(6));
                }
            }
            // SIGKILL: no shutdown hook, no close, no checkpoint; whatever was acknowledged must be on disk
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(200, acked, "the child stopped acknowledging early");

        try (SqliteEventStore store = SqliteEventStore.open(dir)) {
            assertTrue(store.pendingEvents() >= acked, store.pendingEvents() + " stored, " + acked + " acknowledged");
            // the delivery ids came through as well: a sender's retry of an acknowledged event is a duplicate
            assertEquals(false, store.append(new IncomingEvent(dev.deskassist.core.adapter.TicketRef.of("zendesk",
                    "T1"), dev.deskassist.core.adapter.TicketEvent.Type.UPDATED, "d-" + acked, Instant.now()),
                    Duration.ofHours(24)));
            assertTrue(store.claim(Set.of("zendesk"), Instant.now(), Duration.ofMinutes(1)).isPresent());
        }
    }
}

package dev.deskassist.examples.it;

import static dev.deskassist.examples.it.ServeHarness.await;
import static dev.deskassist.examples.it.ServeHarness.notesByDeskAssist;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.examples.server.ChildJvm;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed delivery is one delivery whatever its unsigned {@code X-Zendesk-Webhook-Invocation-Id}
 * says: re-sent with another id or none, and again after {@code serve} restarted on the same data
 * directory, it is answered as a duplicate and processed no more. Conversely, the same invocation
 * id on other signed content is another delivery.
 */
class DeliveryDedupeIT {

    @Test
    @Timeout(120)
    void aSignedDeliveryIsProcessedOnceWhateverItsInvocationIdAndAcrossARestart(@TempDir Path dir) throws Exception {
        try (FakeZendesk zendesk = new FakeZendesk(FakeZendesk.Faults.NONE)) {
            ServeHarness.addTickets(zendesk, 4001, 2);
            ServeHarness h = new ServeHarness(dir, zendesk);
            Instant signedAt = Instant.now();
            String body = ServeHarness.body("4001", "created");

            try (ChildJvm serve = h.startServe()) {
                assertEquals(202, h.send(h.signed(body, "inv-A", signedAt)).statusCode());
                await(() -> notesByDeskAssist(zendesk, "4001") == 1 && h.idle(), Duration.ofSeconds(30),
                        "the delivery processed", serve);
                zendesk.takeCallsFor("4001");

                HttpResponse<String> otherId = h.send(h.signed(body, "inv-B", signedAt));
                HttpResponse<String> noId = h.send(h.signed(body, null, signedAt));
                assertEquals(200, otherId.statusCode(), otherId.body());
                assertTrue(otherId.body().contains("duplicate"), otherId.body());
                assertEquals(200, noId.statusCode(), noId.body());

                // the same unsigned id on other signed content is another delivery
                assertEquals(202, h.send(h.signed(ServeHarness.body("4002", "created"), "inv-A", signedAt))
                        .statusCode());
                await(() -> notesByDeskAssist(zendesk, "4002") == 1 && h.idle(), Duration.ofSeconds(30),
                        "the other delivery processed", serve);
                assertTrue(metrics(h).contains("deskassist_pipeline_duplicates_total 2.0\n"), metrics(h));
                assertEquals(0, ServeHarness.sigterm(serve, Duration.ofSeconds(30)));
            }

            try (ChildJvm again = h.startServe()) {
                for (String id : new String[] {"inv-C", null}) {
                    HttpResponse<String> r = h.send(h.signed(body, id, signedAt));
                    assertEquals(200, r.statusCode(), "after the restart, invocation id " + id + ": " + r.body());
                }
                // give a wrongly accepted event time to be claimed (the poll interval is 100 ms)
                Thread.sleep(1000);
                assertTrue(h.idle(), h.health().toString());
                assertEquals(List.of(), zendesk.takeCallsFor("4001"), "processed no more: not even fetched");
                assertEquals(1, zendesk.appliedUpdates("4001"));
                assertEquals(1, notesByDeskAssist(zendesk, "4001"));
                assertEquals(0, ServeHarness.sigterm(again, Duration.ofSeconds(30)));
            }
        }
    }

    private static String metrics(ServeHarness h) throws Exception {
        return h.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.managementPort + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}

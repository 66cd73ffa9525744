package dev.deskassist.examples.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.pipeline.DeadLetterEntry;
import dev.deskassist.core.pipeline.DeadLetterQuery;
import dev.deskassist.core.pipeline.PipelineSettings;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import dev.deskassist.zendesk.testkit.SignedWebhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The webhook path over real HTTP: a rejected write-back becomes a dead letter at once and is replayed later. */
class LoopbackStackTest {

    private static final String SECRET = "loopback-secret-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();

    private static Map<String, String> keys(FakeZendesk fake) {
        Map<String, String> p = new HashMap<>();
        p.put("zendesk.baseUrl", fake.url());
        p.put("zendesk.email", "bot@example.com");
        p.put("zendesk.apiToken", "t");
        p.put("zendesk.webhookSecret", SECRET);
        p.put("zendesk.integrationUserIds", "7000");
        return p;
    }

    @Test
    @Timeout(30)
    void closedTicketIsDeadLetteredAtOnceWithoutItsBodyAndReplayedOnceReopened(@TempDir Path data) throws Exception {
        try (FakeZendesk fake = new FakeZendesk(FakeZendesk.Faults.NONE)) {
            SimulateCommandAccess.addSampleTickets(fake);
            fake.close("101");
            PipelineSettings settings = PipelineSettings.builder().pollInterval(Duration.ofMillis(50)).build();
            try (LoopbackStack stack = LoopbackStack.start(keys(fake)::get, data, settings, null, null)) {
                URI endpoint = stack.zendeskEndpoint();
                HttpResponse<String> r = http.send(SignedWebhook.zendesk(endpoint, SECRET,
                        SignedWebhook.triggerBody("101", "created", "1"), "a", Instant.now()),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(202, r.statusCode(), r.body());
                assertTrue(stack.awaitIdle(Duration.ofSeconds(10)));

                List<DeadLetterEntry> dead = stack.pipeline().deadLetters().list(DeadLetterQuery.all());
                assertEquals(1, dead.size());
                DeadLetterEntry d = dead.get(0);
                assertEquals("101", d.ticketId());
                assertEquals(1, d.attempts(), "a rejection is not retried");
                assertFalse(d.toString().contains("ticket_id"), "no body kept: " + d);
                assertEquals(0, fake.appliedUpdates("101"));

                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        stack.server().managementUri().resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(health.body().contains("\"deadLetters\":1"), health.body());

                fake.reopen("101");
                assertEquals(1, stack.pipeline().deadLetters().replay(DeadLetterQuery.id(d.id())));
                assertTrue(stack.awaitIdle(Duration.ofSeconds(10)));
                assertEquals(1, fake.appliedUpdates("101"), "replayed once the ticket could be updated");
                assertEquals(1, fake.internalNotes("101").size());
                assertTrue(stack.pipeline().deadLetters().list(DeadLetterQuery.all()).isEmpty());
            }
        }
    }
}

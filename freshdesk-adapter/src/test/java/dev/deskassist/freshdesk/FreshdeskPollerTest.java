package dev.deskassist.freshdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.TicketPoller;
import dev.deskassist.core.adapter.testkit.Fixtures;
import dev.deskassist.core.http.HttpApiException;
import dev.deskassist.freshdesk.testkit.FakeFreshdesk;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The poller lists changed tickets across pages, oldest first, and moves the watermark to the newest change. */
@Timeout(30)
class FreshdeskPollerTest {

    private static FreshdeskAdapter adapter(String baseUrl) {
        Map<String, String> p = new HashMap<>();
        p.put("freshdesk.baseUrl", baseUrl);
        p.put("freshdesk.apiToken", FakeFreshdesk.API_KEY);
        p.put("freshdesk.maxRetries", "0");
        return new FreshdeskAdapter(FreshdeskConfig.of(p::get));
    }

    private static String page(long firstId, int n, String firstUpdatedAt) {
        var arr = Json.createArrayBuilder();
        Instant at = Instant.parse(firstUpdatedAt);
        for (int i = 0; i < n; i++) {
            arr.add(Json.createObjectBuilder(Fixtures.json("freshdeskapidotnet_ticket.json")).add("id", firstId + i)
                    .add("updated_at", at.plusSeconds(i).toString()));
        }
        return arr.build().toString();
    }

    @Test
    void twoPagesFollowingTheLinkHeader() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            String next = server.url("/api/v2/tickets?updated_since=2026-01-05T08%3A59%3A59Z&order_by=updated_at"
                    + "&order_type=asc&per_page=100&page=2").toString();
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                    .setHeader("Link", "<" + next + ">; rel=\"next\"").setBody(page(100, 100, "2026-01-05T09:00:00Z")));
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                    .setBody(page(200, 2, "2026-01-05T10:00:00Z")));
            try (FreshdeskAdapter a = adapter(server.url("/").toString())) {
                TicketPoller poller = a.poller().orElseThrow();
                TicketPoller.Page p = poller.poll(Instant.parse("2026-01-05T09:00:00.123Z"));

                RecordedRequest first = server.takeRequest();
                assertEquals("/api/v2/tickets?updated_since=2026-01-05T08%3A59%3A59Z&order_by=updated_at"
                        + "&order_type=asc&per_page=100", first.getPath());
                assertEquals(Duration.ofMinutes(6), poller.firstLookback(), "polls overlap until a watermark is kept");
                assertEquals("page=2", server.takeRequest().getRequestUrl().encodedQuery().replaceAll(".*&", ""));
                assertEquals(102, p.changed().size());
                assertEquals("100", p.changed().get(0).ref().ticketId());
                assertEquals("2026-01-05T09:00:00Z", p.changed().get(0).version(), "updated_at is the version");
                assertEquals("201", p.changed().get(101).ref().ticketId());
                assertEquals(Instant.parse("2026-01-05T10:00:01Z"), p.nextWatermark(), "the newest change seen");
            }
        }
    }

    @Test
    void onTheFakeOnlyChangedTicketsComeAndNothingChangedKeepsTheWatermark() throws Exception {
        try (FakeFreshdesk fake = new FakeFreshdesk(); FreshdeskAdapter a = adapter(fake.url())) {
            Instant base = Instant.parse("2026-03-01T12:00:00Z");
            for (int i = 1; i <= 150; i++) {
                var s = fake.addTicket(String.valueOf(i), "s" + i, "d" + i);
                synchronized (s) {
                    // tickets 1..30 changed before the watermark (and its second of overlap), 31..150 after it, the lower the id the newer
                    s.updatedAt = i <= 30 ? base.minusSeconds(i + 1) : base.plusSeconds(200 - i);
                    s.rendered.clear();
                }
            }
            TicketPoller poller = a.poller().orElseThrow();
            TicketPoller.Page p = poller.poll(base);
            assertEquals(120, p.changed().size());
            assertEquals("150", p.changed().get(0).ref().ticketId(), "oldest change first");
            assertEquals("31", p.changed().get(119).ref().ticketId());
            assertEquals(base.plusSeconds(169), p.nextWatermark());
            assertEquals(2, fake.calls().size(), "a page of 100 and the rest");
            assertTrue(fake.calls().get(1).path().contains("page=2"));

            TicketPoller.Page none = poller.poll(base.plusSeconds(3600));
            assertTrue(none.changed().isEmpty());
            assertEquals(base.plusSeconds(3600), none.nextWatermark());
        }
    }

    @Test
    void aFailedPollThrowsTypedSoThePipelineKeepsItsWatermark() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "58"));
            try (FreshdeskAdapter a = adapter(server.url("/").toString())) {
                HttpApiException e = org.junit.jupiter.api.Assertions.assertThrows(HttpApiException.class,
                        () -> a.poller().orElseThrow().poll(Instant.parse("2026-01-05T09:00:00Z")));
                assertTrue(e.isRetryable());
                assertEquals(List.of(58L), List.of(e.retryAfter().orElseThrow().toSeconds()));
            }
        }
    }
}

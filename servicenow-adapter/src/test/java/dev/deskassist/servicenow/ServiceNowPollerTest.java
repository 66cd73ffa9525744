package dev.deskassist.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.TicketPoller;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.http.ApiClient;
import dev.deskassist.servicenow.testkit.FakeServiceNow;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ServiceNowPollerTest {

    private static ServiceNowConfig config(String url, Map<String, String> extra) {
        Map<String, String> p = new java.util.HashMap<>(Map.of("servicenow.baseUrl", url,
                "servicenow.username", "deskassist.integration", "servicenow.password", "pw"));
        p.putAll(extra);
        return ServiceNowConfig.of(p::get);
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void theListOfChangedRecordsBecomesVersionsAndAWatermark() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(json(Fixtures.text("backstage_table_get_incident_list_200.json")));
            ServiceNowConfig c = config(server.url("/").toString(), Map.of("servicenow.pollFilter", "active=true"));
            try (ServiceNowAdapter adapter = new ServiceNowAdapter(c)) {
                TicketPoller poller = adapter.poller().orElseThrow();
                assertEquals(Duration.ofMinutes(2), poller.interval(), "every two minutes by default");
                TicketPoller.Page page = poller.poll(Instant.parse("2023-09-26T20:50:00.250Z"));
                assertEquals(1, page.changed().size());
                assertEquals(TicketRef.of("servicenow", "8e67d33b97d1b5108686b680f053af2b"), page.changed().get(0).ref());
                assertEquals("1", page.changed().get(0).version(), "sys_mod_count is the version");
                assertEquals(Instant.parse("2023-09-26T20:52:14Z"), page.nextWatermark());
                RecordedRequest r = server.takeRequest();
                assertEquals("/api/now/table/incident?sysparm_query=sys_updated_on>=2023-09-26 20:50:00"
                        + "^sys_updated_by!=deskassist.integration^active=true^ORDERBYsys_updated_on"
                        + "&sysparm_fields=sys_id,sys_updated_on,sys_mod_count&sysparm_limit=100",
                        URLDecoder.decode(r.getPath(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void theWatermarkStaysHalfAMinuteBehindNowAndNeverGoesBack() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            ServiceNowConfig c = config(server.url("/").toString(), Map.of());
            Clock clock = Clock.fixed(Instant.parse("2023-09-26T20:52:20Z"), ZoneOffset.UTC);
            try (ApiClient client = new ApiClient(c.apiClientConfig())) {
                ServiceNowPoller poller = new ServiceNowPoller(client, ServiceNowMapping.of(c), Duration.ofMinutes(2), 100,
                        null, clock);
                server.enqueue(json(Fixtures.text("backstage_table_get_incident_list_200.json")));
                // stamped 6 s ago: its transaction may still hide others of that second
                assertEquals(Instant.parse("2023-09-26T20:51:50Z"),
                        poller.poll(Instant.parse("2023-09-26T20:50:00Z")).nextWatermark());
                server.enqueue(json("{\"result\":[]}"));
                assertEquals(Instant.parse("2023-09-26T20:52:00Z"),
                        poller.poll(Instant.parse("2023-09-26T20:52:00Z")).nextWatermark());
            }
        }
    }

    @Test
    void aFullPageWithinOneSecondIsAskedAgainWithALargerLimit() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            ServiceNowConfig c = config(server.url("/").toString(), Map.of("servicenow.pollPageSize", "2"));
            String row = "{\"sys_id\":\"%s\",\"sys_updated_on\":\"2026-01-05 09:00:00\",\"sys_mod_count\":\"1\"}";
            String two = "{\"result\":[" + row.formatted(FakeServiceNow.sysId("a")) + "," + row.formatted(FakeServiceNow.sysId("b")) + "]}";
            String three = "{\"result\":[" + row.formatted(FakeServiceNow.sysId("a")) + "," + row.formatted(FakeServiceNow.sysId("b"))
                    + "," + row.formatted(FakeServiceNow.sysId("c")).replace("09:00:00", "09:00:01") + "]}";
            server.enqueue(json(two));
            server.enqueue(json(three));
            try (ServiceNowAdapter adapter = new ServiceNowAdapter(c)) {
                TicketPoller.Page page = adapter.poller().orElseThrow().poll(Instant.parse("2026-01-05T09:00:00Z"));
                assertEquals(3, page.changed().size());
                assertEquals(Instant.parse("2026-01-05T09:00:01Z"), page.nextWatermark());
                assertTrue(server.takeRequest().getPath().endsWith("sysparm_limit=2"));
                assertTrue(server.takeRequest().getPath().endsWith("sysparm_limit=8"));
            }
        }
    }

    @Test
    void theFakeListsOnlyWhatOthersChanged() throws Exception {
        try (FakeServiceNow fake = new FakeServiceNow()) {
            String byCustomer = FakeServiceNow.sysId("one");
            String byUs = FakeServiceNow.sysId("two");
            fake.addTicket(byCustomer, "A", "a");
            fake.addTicket(byUs, "B", "b");
            try (ServiceNowAdapter adapter = new ServiceNowAdapter(config(fake.url(), Map.of()))) {
                adapter.apply(TicketRef.of("servicenow", byUs), dev.deskassist.core.writeback.WriteBack.builder(byUs)
                        .internalNote("AI triage").build());
                fake.customerComment(byCustomer, "any news?");
                TicketPoller.Page page = adapter.poller().orElseThrow().poll(Instant.now().minus(Duration.ofMinutes(5)));
                assertEquals(1, page.changed().size(), page.changed().toString());
                assertEquals(byCustomer, page.changed().get(0).ref().ticketId());
                assertEquals("1", page.changed().get(0).version());
                assertFalse(page.nextWatermark().isAfter(Instant.now().minusSeconds(ServiceNowPoller.SETTLE_SECONDS)));
            }
        }
    }

    @Test
    void pollingCanBeSwitchedOffButIsOnByDefault() {
        ServiceNowConfig off = config("https://acme.service-now.com", Map.of("servicenow.pollEnabled", "false"));
        try (ServiceNowAdapter adapter = new ServiceNowAdapter(off)) {
            assertTrue(adapter.poller().isEmpty());
        }
    }
}

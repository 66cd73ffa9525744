package dev.deskassist.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.ConfigProblem;
import dev.deskassist.core.http.ErrorDetails;
import dev.deskassist.core.http.ErrorKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceNowConfigTest {

    private static ServiceNowConfig config(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(Map.of("servicenow.baseUrl", "https://acme.service-now.com",
                "servicenow.username", "deskassist.integration", "servicenow.password", "pw"));
        p.putAll(extra);
        p.values().removeIf(String::isEmpty);
        return ServiceNowConfig.of(p::get);
    }

    private static List<String> problemKeys(ServiceNowConfig c) {
        return c.problems().stream().map(ConfigProblem::key).toList();
    }

    @Test
    void defaultsServeTheIncidentTable() {
        ServiceNowConfig c = config(Map.of());
        c.validate();
        assertEquals("incident", c.table());
        assertEquals("caller_id", c.callerField());
        assertEquals(Set.of("7", "8"), c.closedStates());
        assertEquals(Map.of("category", "inquiry"), c.fieldDefaults());
        assertEquals(PriorityMatrix.standard(), c.priorityMatrix().orElseThrow());
        assertTrue(c.pollEnabled());
        assertEquals(Duration.ofMinutes(2), c.pollInterval());
        assertEquals(Set.of("deskassist.integration"), c.integrationUserIds(), "the Basic user writes");
        assertFalse(c.webhookSecretRequired(), "the poller alone can deliver");
        assertEquals(ServiceNowConfig.WebhookAuth.HMAC, c.webhookAuth());
        assertEquals(ErrorKind.REJECTED, c.statusClassifier().classify(403, ErrorDetails.NONE));
        assertEquals(ErrorKind.AUTHENTICATION, c.statusClassifier().classify(401, ErrorDetails.NONE));
    }

    @Test
    void casesHaveTheirOwnDefaults() {
        ServiceNowConfig c = config(Map.of("servicenow.table", "sn_customerservice_case"));
        assertEquals("contact", c.callerField());
        assertEquals(Set.of("3", "7"), c.closedStates());
        assertEquals(Map.of("category", "1"), c.fieldDefaults());
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        ServiceNowConfig c = config(Map.of("servicenow.pollInterval", "30s", "servicenow.priorityMatrix", "1,2,3;2,3",
                "servicenow.groupIds", "network=Network Team", "servicenow.table", "Incident!",
                "servicenow.webhookAuth", "token", "servicenow.fieldIds", "category=priority"));
        List<String> keys = problemKeys(c);
        for (String k : List.of("servicenow.pollInterval", "servicenow.priorityMatrix", "servicenow.groupIds",
                "servicenow.table", "servicenow.webhookAuth", "servicenow.fieldIds")) {
            assertTrue(keys.contains(k), k + " in " + keys);
        }
        assertEquals(List.of("servicenow.priorityLevels"),
                problemKeys(config(Map.of("servicenow.priorityLevels", "urgent=4,high=3,normal=2,low=1"))));
    }

    @Test
    void oauthNeedsTheIntegrationUserNamedAndFindsTheTokenEndpoint() {
        ServiceNowConfig oauth = config(Map.of("servicenow.username", "", "servicenow.password", "",
                "servicenow.oauthClientId", "id", "servicenow.oauthClientSecret", "secret"));
        assertEquals(List.of("servicenow.integrationUserIds"), problemKeys(oauth));
        assertTrue(oauth.oauthTokenEndpoint().toString().contains("acme.service-now.com/oauth_token.do"));
        AdapterConfigException e = assertThrows(AdapterConfigException.class, () -> config(Map.of("servicenow.password", "",
                "servicenow.apiToken", "t")).auth());
        assertTrue(e.getMessage().contains("Basic") && e.getMessage().contains("OAuth"), e.getMessage());
    }

    @Test
    void aTypoIsReportedWithItsOrigin() {
        Properties p = new Properties();
        p.setProperty("servicenow.baseUrl", "https://acme.service-now.com");
        p.setProperty("servicenow.username", "u");
        p.setProperty("servicenow.password", "p");
        p.setProperty("servicenow.tagField", "u_ai_labels");
        ServiceNowConfig c = ServiceNowConfig.from(dev.deskassist.core.adapter.ConfigSource.of(p));
        assertEquals(List.of("servicenow.tagField"), problemKeys(c));
    }
}

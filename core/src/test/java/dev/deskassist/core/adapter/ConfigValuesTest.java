package dev.deskassist.core.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    private final Function<String, String> props = Map.of("a.tol", "90s", "a.iso", "PT2M", "a.ms", "250ms",
            "a.map", "category=123, language=456", "a.bad", "category", "a.set", "1, 2,,3")::get;

    @Test
    void readsTypedValues() {
        assertEquals(Duration.ofSeconds(90), ConfigValues.duration(props, "a.tol", Duration.ZERO));
        assertEquals(Duration.ofMinutes(2), ConfigValues.duration(props, "a.iso", Duration.ZERO));
        assertEquals(Duration.ofMillis(250), ConfigValues.duration(props, "a.ms", Duration.ZERO));
        assertEquals(Duration.ofMinutes(5), ConfigValues.duration(props, "a.none", Duration.ofMinutes(5)));
        assertEquals(Map.of("category", "123", "language", "456"), ConfigValues.map(props, "a.map"));
        assertEquals(java.util.Set.of("1", "2", "3"), ConfigValues.set(props, "a.set"));
    }

    @Test
    void missingRequiredKeyIsNamed() {
        AdapterConfigException e = assertThrows(AdapterConfigException.class,
                () -> ConfigValues.required(props, "zendesk.baseUrl", "the Zendesk URL"));
        assertTrue(e.getMessage().contains("zendesk.baseUrl"));
        assertThrows(AdapterConfigException.class, () -> ConfigValues.map(props, "a.bad"));
        assertThrows(AdapterConfigException.class, () -> ConfigValues.duration(props, "a.map", Duration.ZERO));
    }

    @Test
    void problemsNameTheKeyButNeverTheValue() {
        Function<String, String> secretInWrongKey = Map.of("a.timeout", "sk-live-123", "a.n", "sk-live-456",
                "a.m", "sk-live-789")::get;
        for (Runnable r : new Runnable[] {
                () -> ConfigValues.duration(secretInWrongKey, "a.timeout", Duration.ZERO),
                () -> ConfigValues.integer(secretInWrongKey, "a.n", 0),
                () -> ConfigValues.map(secretInWrongKey, "a.m")}) {
            AdapterConfigException e = assertThrows(AdapterConfigException.class, r::run);
            assertTrue(e.getMessage().startsWith("configuration problem: a."), e.getMessage());
            assertTrue(!e.getMessage().contains("sk-live"), e.getMessage());
            assertEquals(1, e.problems().size());
        }
    }
}

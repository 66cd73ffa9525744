package dev.deskassist.examples.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.ConfigSource;
import dev.deskassist.core.config.ConfigFileProblem;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The start-up check of LLM endpoints, against loopback sockets that refuse or never answer. */
class EndpointProbeTest {

    private static final ConfigSource NO_ORIGIN = ConfigSource.of(Map.<String, String>of()::get);

    private static EngineSettings settings(String triage, String draft, String url, Optional<String> privateUrl) {
        return new EngineSettings(triage, draft, "offline",
                Optional.of(new EngineSettings.Endpoint("openai", url, "m", "key-never-sent")), Optional.empty(),
                privateUrl.map(u -> new EngineSettings.Endpoint("openai", u, "m", null)), Duration.ofSeconds(60), true);
    }

    @Test
    void offlineEnginesAreNotProbed() {
        assertEquals(List.of(), EndpointProbe.check(EngineSettings.offline(), NO_ORIGIN, Duration.ofMillis(100)));
        // an endpoint configured but used by no skill is not probed either
        assertEquals(List.of(), EndpointProbe.check(settings("offline", "offline", "http://127.0.0.1:1/v1",
                Optional.of("http://127.0.0.1:1/v1")), NO_ORIGIN, Duration.ofMillis(100)));
    }

    @Test
    @Timeout(30)
    void anEndpointThatAcceptsButNeverAnswersIsNamedWithTheSkillsUsingIt() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/v1";
            List<ConfigFileProblem> problems = EndpointProbe.check(settings("openai", "openai", url,
                    Optional.of(url)), NO_ORIGIN, Duration.ofMillis(300));
            assertEquals(2, problems.size(), problems.toString());
            ConfigFileProblem openai = problems.get(0);
            assertEquals("openai.baseUrl", openai.pointer());
            assertEquals(ConfigDirectory.PROPERTIES, openai.file());
            assertTrue(openai.message().contains("no answer within 300 ms")
                    && openai.message().contains("engine.triage=offline, engine.draft=offline"), openai.message());
            assertEquals("private.baseUrl", problems.get(1).pointer());
            assertTrue(problems.get(1).message().contains("remove private.provider"), problems.get(1).message());
        }
    }
}

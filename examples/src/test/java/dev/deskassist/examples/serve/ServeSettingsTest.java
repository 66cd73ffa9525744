package dev.deskassist.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.ConfigProblem;
import dev.deskassist.core.pipeline.PipelineSettings;
import dev.deskassist.examples.server.ServerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeSettingsTest {

    private static final String ZENDESK = """
            zendesk.baseUrl=https://acme.zendesk.com
            zendesk.email=bot@example.com
            zendesk.apiToken=token-value-never-shown
            zendesk.webhookSecret=webhook-secret-never-shown
            """;

    private static Path file(Path dir, String text) throws IOException {
        Path f = dir.resolve("deskassist.properties");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void defaultsNeedOnlyTheZendeskKeys(@TempDir Path dir) throws IOException {
        ServeSettings s = ServeSettings.load(file(dir, ZENDESK), Map.of());
        assertEquals(Path.of("deskassist-data"), s.dataDir());
        assertEquals("offline", s.engine());
        assertNull(s.auditFile());
        assertEquals(Duration.ofSeconds(5), s.storeBusyTimeout());
        assertEquals(Duration.ofSeconds(10), s.requestGrace());
        assertEquals(PipelineSettings.defaults(), s.pipeline());
        assertEquals(ServerSettings.defaults(), s.server());
        assertEquals("https://acme.zendesk.com", s.zendesk().baseUrl());
    }

    @Test
    void keysReachThePipelineTheServerAndTheStore(@TempDir Path dir) throws IOException {
        ServeSettings s = ServeSettings.load(file(dir, ZENDESK + """
                deskassist.dataDir=/var/lib/deskassist
                deskassist.auditFile=audit.jsonl
                deskassist.bind=127.0.0.1
                deskassist.port=9000
                deskassist.management.bind=127.0.0.2
                deskassist.management.port=9001
                deskassist.workers=3
                deskassist.dedupeWindow=48h
                deskassist.retryHorizon=72h
                deskassist.initialBackoff=5s
                deskassist.maxBackoff=10m
                deskassist.stopDeadline=20s
                deskassist.maxBodyBytes=50000
                deskassist.storeBusyTimeout=2s
                deskassist.requestGrace=3s
                """), Map.of());
        assertEquals(Path.of("/var/lib/deskassist"), s.dataDir());
        assertEquals(Path.of("audit.jsonl"), s.auditFile());
        assertEquals("127.0.0.1", s.server().webhookHost());
        assertEquals(9000, s.server().webhookPort());
        assertEquals("127.0.0.2", s.server().managementHost());
        assertEquals(9001, s.server().managementPort());
        assertEquals(50000, s.server().maxBodyBytes());
        PipelineSettings p = s.pipeline();
        assertEquals(3, p.workers());
        assertEquals(Duration.ofHours(48), p.dedupeWindow());
        assertEquals(Duration.ofHours(72), p.retryHorizon());
        assertEquals(Duration.ofSeconds(5), p.initialBackoff());
        assertEquals(Duration.ofMinutes(10), p.maxBackoff());
        assertEquals(Duration.ofSeconds(20), p.stopDeadline());
        assertEquals(50000, p.maxBodyBytes(), "one body limit for server and pipeline");
        assertEquals(Duration.ofSeconds(2), s.storeBusyTimeout());
        assertEquals(Duration.ofSeconds(3), s.requestGrace());
    }

    @Test
    void theEnvironmentOverridesTheFile(@TempDir Path dir) throws IOException {
        ServeSettings s = ServeSettings.load(file(dir, ZENDESK + """
                deskassist.port=8080
                deskassist.dataDir=from-file
                deskassist.workers=2
                """), Map.of("DESKASSIST_PORT", "9090", "DESKASSIST_DATA_DIR", "from-env",
                "DESKASSIST_ZENDESK_BASE_URL", "https://other.zendesk.com", "DESKASSIST_RETRY_HORIZON", "6h"));
        assertEquals(9090, s.server().webhookPort());
        assertEquals(Path.of("from-env"), s.dataDir());
        assertEquals(2, s.pipeline().workers(), "the file's value where the environment says nothing");
        assertEquals(Duration.ofHours(6), s.pipeline().retryHorizon());
        assertEquals("https://other.zendesk.com", s.zendesk().baseUrl());
    }

    @Test
    void everyBadValueIsReportedAtOnceWithKeyAndOriginNeverTheValue(@TempDir Path dir) throws IOException {
        Path f = file(dir, """
                zendesk.email=bot@example.com
                zendesk.apiToken=token-value-never-shown
                deskassist.port=eighty
                deskassist.management.port=70000
                deskassist.workers=0
                deskassist.initialBackoff=soon
                deskassist.maxBackoff=1ms
                deskassist.engine=gpt-9
                deskassist.deadLetterDir=dead-letter
                deskassist.prot=8080
                deskassist.requestGrace=0s
                """);
        AdapterConfigException e = assertThrows(AdapterConfigException.class, () -> ServeSettings.load(f,
                Map.of("DESKASSIST_STOP_DEADLINE", "-5s", "DESKASSIST_LEASE", "forever")));
        Map<String, String> byKey = e.problems().stream().filter(p -> p.key() != null)
                .collect(Collectors.toMap(ConfigProblem::key, ConfigProblem::toString, (a, b) -> a + " | " + b));

        assertTrue(byKey.get("deskassist.port").startsWith("deskassist.properties line 3 (deskassist.port):"),
                byKey.toString());
        assertTrue(byKey.get("deskassist.port").contains("whole number"), byKey.toString());
        assertTrue(byKey.get("deskassist.management.port").contains("line 4")
                && byKey.get("deskassist.management.port").contains("0-65535"), byKey.toString());
        assertTrue(byKey.get("deskassist.workers").contains("line 5")
                && byKey.get("deskassist.workers").contains(">= 1"), byKey.toString());
        assertTrue(byKey.get("deskassist.initialBackoff").contains("not a duration"), byKey.toString());
        assertTrue(byKey.get("deskassist.maxBackoff").contains(">= initialBackoff"), byKey.toString());
        assertTrue(byKey.get("deskassist.engine").contains("one of offline"), byKey.toString());
        assertTrue(byKey.get("deskassist.deadLetterDir").contains("no longer read")
                && byKey.get("deskassist.deadLetterDir").contains("deskassist.dataDir"), byKey.toString());
        assertTrue(byKey.get("deskassist.prot").contains("did you mean deskassist.port"), byKey.toString());
        assertTrue(byKey.get("deskassist.requestGrace").contains("positive"), byKey.toString());
        assertTrue(byKey.get("deskassist.stopDeadline").startsWith("environment variable DESKASSIST_STOP_DEADLINE:"),
                byKey.toString());
        assertTrue(byKey.get("deskassist.lease").startsWith("environment variable DESKASSIST_LEASE:"),
                byKey.toString());
        assertTrue(byKey.containsKey("zendesk.baseUrl"), byKey.toString());
        assertTrue(byKey.containsKey("zendesk.webhookSecret"), byKey.toString());
        assertEquals(13, e.problems().size(), e.getMessage());

        String message = e.getMessage();
        for (String value : List.of("token-value-never-shown", "eighty", "gpt-9", "soon", "forever")) {
            assertFalse(message.contains(value), "no value in the message: " + value + "\n" + message);
        }
    }

    @Test
    void theRedisStoreTakesItsUrlFromTheConfigAndItsCredentialsOnlyFromTheEnvironment(@TempDir Path dir)
            throws IOException {
        Path f = file(dir, ZENDESK + """
                deskassist.store=redis
                deskassist.redis.url=rediss://redis.internal:6380
                deskassist.redis.keyPrefix=acme-prod
                deskassist.redis.commandTimeout=500ms
                """);
        ServeSettings s = ServeSettings.load(f, Map.of("DESKASSIST_REDIS_USERNAME", "deskassist",
                "DESKASSIST_REDIS_PASSWORD", "redis-password-never-shown"));
        assertEquals("redis", s.store());
        var redis = s.redis().orElseThrow();
        assertTrue(redis.usesTls());
        assertEquals("deskassist", redis.username());
        assertEquals("redis-password-never-shown", redis.password());
        assertEquals("acme-prod", redis.keyPrefix());
        assertEquals(Duration.ofMillis(500), redis.commandTimeout());
        assertFalse(redis.toString().contains("redis-password-never-shown"), redis.toString());
        assertEquals("embedded", ServeSettings.load(file(dir, ZENDESK), Map.of()).store());

        AdapterConfigException e = assertThrows(AdapterConfigException.class, () -> ServeSettings.load(
                file(dir, ZENDESK + "deskassist.store=redis\ndeskassist.redis.password=in-a-file\n"), Map.of()));
        assertTrue(e.getMessage().contains("deskassist.redis.url"), e.getMessage());
        assertTrue(e.getMessage().contains("DESKASSIST_REDIS_PASSWORD"), e.getMessage());
        assertFalse(e.getMessage().contains("in-a-file"), e.getMessage());
        AdapterConfigException kind = assertThrows(AdapterConfigException.class, () -> ServeSettings.load(
                file(dir, ZENDESK + "deskassist.store=postgres\n"), Map.of()));
        assertTrue(kind.getMessage().contains("embedded or redis"), kind.getMessage());
    }

    @Test
    void aMissingFileIsAProblemNotACrash(@TempDir Path dir) {
        AdapterConfigException e = assertThrows(AdapterConfigException.class,
                () -> ServeSettings.load(dir.resolve("missing.properties"), Map.of()));
        assertTrue(e.getMessage().contains("cannot read the configuration file"), e.getMessage());
    }

    @Test
    void theStoreDirectoryAloneNeedsNoOtherKey() {
        assertEquals(Path.of("deskassist-data"), ServeSettings.dataDir(ServeSettings.source(null, Map.of())));
        assertEquals(Path.of("/data"), ServeSettings.dataDir(ServeSettings.source(null,
                Map.of("DESKASSIST_DATA_DIR", "/data"))));
        Properties p = new Properties();
        p.setProperty("deskassist.workers", "x");
        assertThrows(AdapterConfigException.class, () -> ServeSettings.of(p));
    }

    @Test
    void everyKnownKeyIsReadWithoutProblems() {
        Properties p = new Properties();
        p.setProperty("zendesk.baseUrl", "https://acme.zendesk.com");
        p.setProperty("zendesk.email", "bot@example.com");
        p.setProperty("zendesk.apiToken", "t");
        p.setProperty("zendesk.webhookSecret", "webhook-secret-never-shown");
        for (String key : ServeSettings.knownKeys()) {
            p.setProperty(key, value(key));
        }
        ServeSettings s = ServeSettings.of(p);
        assertEquals(Path.of("data"), s.dataDir());
        assertEquals(7, s.pipeline().workers());
    }

    private static String value(String key) {
        return switch (key) {
            case "deskassist.dataDir" -> "data";
            case "deskassist.auditFile" -> "audit.jsonl";
            case "deskassist.mode" -> "shadow";
            case "deskassist.correctionsFile" -> "corrections.jsonl";
            case "deskassist.engine" -> "offline";
            case "deskassist.store" -> "redis";
            case "deskassist.redis.url" -> "redis://127.0.0.1:6379";
            case "deskassist.redis.tls" -> "false";
            case "deskassist.redis.keyPrefix" -> "deskassist";
            case "deskassist.redis.username", "deskassist.redis.password" -> "from-env";
            case "deskassist.bind", "deskassist.management.bind" -> "127.0.0.1";
            case "deskassist.port", "deskassist.management.port" -> "0";
            case "deskassist.workers" -> "7";
            case "deskassist.maxBodyBytes" -> "100000";
            case "deskassist.maxHeaderBytes" -> "4096";
            case "deskassist.maxJsonDepth" -> "32";
            case "deskassist.maxConnections", "deskassist.maxThreads" -> "16";
            case "deskassist.maxRetryAfter" -> "2h";
            case "deskassist.maxBackoff" -> "10m";
            default -> "30s";
        };
    }
}

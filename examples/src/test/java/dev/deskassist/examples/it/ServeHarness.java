package dev.deskassist.examples.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.examples.server.ChildJvm;
import dev.deskassist.examples.server.FreePort;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import dev.deskassist.zendesk.ZendeskWebhook;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

/**
 * What the integration tests share: the packaged jar, a {@code serve} configuration against a
 * {@link FakeZendesk} on loopback with short timings, signed deliveries, the management port's
 * health snapshot, and command-line runs of the jar as second processes.
 */
final class ServeHarness {

    static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "deskassist.jar");
    static final String SECRET = "integration-test-webhook-secret";
    /** The fake's agent id: DeskAssist writes as this user, and its notes carry it as author. */
    static final int BOT = 7000;
    static final Duration STARTUP = Duration.ofSeconds(90);

    private static final List<String[]> TEXTS = List.of(
            new String[] {"Rechnung doppelt abgebucht", "Hallo, mir wurde die Rechnung für März doppelt abgebucht. "
                    + "Bitte erstatten Sie den Betrag."},
            new String[] {"Cannot log in after password reset", "Hi, since resetting my password I cannot log in, the "
                    + "page says my account is locked. Can you help?"},
            new String[] {"Paket nicht angekommen", "Guten Tag, mein Paket ist seit einer Woche nicht da und die "
                    + "Sendungsverfolgung zeigt nichts."},
            new String[] {"API returns errors in production", "Our production integration returns error 500 on every "
                    + "order since 09:00. This is urgent!"});

    final Path dir;
    final Path dataDir;
    final Path config;
    final int port;
    final int managementPort;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * A configuration in {@code dir} for a fake Zendesk; {@code overrides} are key, value pairs on
     * top of the test defaults (short poll, backoff and lease, field and group ids).
     */
    ServeHarness(Path dir, FakeZendesk zendesk, String... overrides) throws IOException {
        this.dir = dir;
        this.dataDir = dir.resolve("data");
        this.port = FreePort.pick();
        int m = FreePort.pick();
        while (m == port) {
            m = FreePort.pick();
        }
        this.managementPort = m;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("deskassist.bind", "127.0.0.1");
        p.put("deskassist.port", String.valueOf(port));
        p.put("deskassist.management.port", String.valueOf(managementPort));
        p.put("deskassist.dataDir", dataDir.toString());
        p.put("deskassist.workers", "4");
        p.put("deskassist.pollInterval", "100ms");
        p.put("deskassist.initialBackoff", "200ms");
        p.put("deskassist.maxBackoff", "1s");
        p.put("deskassist.lease", "3s");
        p.put("deskassist.stopDeadline", "10s");
        p.put("deskassist.requestGrace", "2s");
        p.put("zendesk.baseUrl", zendesk.url());
        p.put("zendesk.email", "deskassist-bot@example.com");
        p.put("zendesk.apiToken", "integration-test-token");
        p.put("zendesk.webhookSecret", SECRET);
        p.put("zendesk.integrationUserIds", String.valueOf(BOT));
        p.put("zendesk.fieldIds", "category=360001,language=360002");
        p.put("zendesk.groupIds", "billing=2001,access=2002,technical=2003,shipping=2004");
        p.put("zendesk.initialBackoff", "50ms");
        p.put("zendesk.maxBackoff", "200ms");
        for (int i = 0; i < overrides.length; i += 2) {
            p.put(overrides[i], overrides[i + 1]);
        }
        Properties props = new Properties();
        props.putAll(p);
        this.config = dir.resolve("deskassist.properties");
        try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            props.store(w, "integration test");
        }
    }

    /** Adds tickets {@code first .. first+count-1} to the fake, with a few realistic texts in turn. */
    static void addTickets(FakeZendesk zendesk, int first, int count) {
        for (int i = 0; i < count; i++) {
            String[] t = TEXTS.get(i % TEXTS.size());
            String id = String.valueOf(first + i);
            zendesk.addTicket(id, t[0], t[1], "Kunde " + id, "kunde" + id + "@example.com", "Org " + id, List.of(),
                    List.of());
        }
    }

    /** {@code serve --config} from the jar, once it has printed its start line. */
    ChildJvm startServe() throws InterruptedException {
        ChildJvm serve = ChildJvm.jar(JAR).jvmArgs("-Xmx384m").args("serve", "--config", config.toString())
                .workDir(dir).start();
        serve.awaitLine(l -> l.startsWith("DeskAssist serving"), STARTUP);
        return serve;
    }

    /**
     * SIGTERM, then the exit code. Unlike {@code Process.destroy()} (which {@code ChildJvm.terminate}
     * uses), signalling through the process handle leaves our end of the output pipe open, so what
     * the process prints while it stops is kept.
     */
    static int sigterm(ChildJvm process, Duration timeout) throws InterruptedException {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        return process.awaitExit(timeout);
    }

    /** Runs the jar with {@code args} to its end; exit code and output. */
    Run run(String... args) throws InterruptedException {
        try (ChildJvm cli = ChildJvm.jar(JAR).jvmArgs("-Xmx256m").args(args).workDir(dir).start()) {
            int code = cli.awaitExit(Duration.ofSeconds(60));
            return new Run(code, cli.output());
        }
    }

    /** A command-line run: exit code and everything printed. */
    record Run(int code, String output) {
    }

    URI webhookEndpoint() {
        return URI.create("http://127.0.0.1:" + port + "/webhooks/zendesk");
    }

    /** The trigger body for a ticket, as Zendesk sends it with the recommended trigger. */
    static String body(String ticketId, String event) {
        return "{\"ticket_id\":\"" + ticketId + "\",\"event\":\"" + event + "\",\"actor_id\":\"1" + ticketId + "\"}";
    }

    /**
     * A POST signed as Zendesk signs it; {@code invocationId} {@code null} leaves that (unsigned)
     * header out.
     */
    HttpRequest signed(String body, String invocationId, Instant signedAt) {
        String ts = signedAt.truncatedTo(ChronoUnit.SECONDS).toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(webhookEndpoint()).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header(ZendeskWebhook.TIMESTAMP_HEADER, ts)
                .header(ZendeskWebhook.SIGNATURE_HEADER, ZendeskWebhook.sign(SECRET, ts, bytes));
        if (invocationId != null) {
            b.header(ZendeskWebhook.INVOCATION_HEADER, invocationId);
        }
        return b.POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET /health} of the management port as JSON. */
    JsonObject health() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/health")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return JsonCodec.jsonp().createReader(new StringReader(r.body())).readObject();
    }

    /** True once the running serve has no pending event and no run in flight. */
    boolean idle() {
        try {
            JsonObject h = health();
            return h.getJsonNumber("pending").longValue() == 0 && h.getInt("inFlight") == 0;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return false;
        }
    }

    /** Internal notes DeskAssist wrote on a ticket. */
    static long notesByDeskAssist(FakeZendesk zendesk, String ticketId) {
        return zendesk.comments(ticketId).stream()
                .filter(c -> c.getInt("author_id") == BOT && !c.getBoolean("public")).count();
    }

    /** Public comments DeskAssist wrote on a ticket. */
    static long repliesByDeskAssist(FakeZendesk zendesk, String ticketId) {
        return zendesk.comments(ticketId).stream()
                .filter(c -> c.getInt("author_id") == BOT && c.getBoolean("public")).count();
    }

    /** Polls until {@code done}; fails with {@code what} and the process output when {@code timeout} passes. */
    static void await(BooleanSupplier done, Duration timeout, String what, ChildJvm process)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (process != null) {
                assertTrue(process.isAlive(), "serve ended while waiting for " + what + "; output:\n"
                        + process.output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what
                        + (process == null ? "" : "; output:\n" + process.output()));
            }
            Thread.sleep(50);
        }
    }

    /** Lines of a file another process appends to, complete ones only. */
    static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String content = Files.readString(file, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int nl = content.indexOf('\n'); nl >= 0; nl = content.indexOf('\n', start)) {
            out.add(content.substring(start, nl));
            start = nl + 1;
        }
        return out;
    }
}

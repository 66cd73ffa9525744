package dev.deskassist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.deskassist.examples.serve.ServeRuntime;
import dev.deskassist.examples.server.FreePort;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import dev.deskassist.zendesk.testkit.SignedWebhook;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config directory end to end through the command line, in this JVM: {@code init}, {@code check},
 * {@code serve --config DIR} against a fake Zendesk on loopback, and the other commands' {@code --config DIR}.
 */
class ConfigCommandsTest {

    private static final String TOKEN = "config-commands-test-token";
    private static final String SECRET = "config-commands-test-webhook-secret";
    private static final Map<String, String> SECRETS = Map.of("ZENDESK_API_TOKEN", TOKEN,
            "ZENDESK_WEBHOOK_SECRET", SECRET);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** Runs one command line with these commands (each built with its environment). */
    private static Result run(List<Object> commands, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(commands, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static Result run(Map<String, String> env, String... args) {
        return run(List.of(new InitCommand(), new CheckCommand(env), new ServeCommand(env, null, null),
                new TrainCommand(env), new EvaluateCommand(env), new DemoCommand(env),
                new DeadLettersCommand(env, Instant::now)), args);
    }

    private static Path init(Path tmp) {
        Path dir = tmp.resolve("acme");
        Result r = run(Map.of(), "init", dir.toString());
        assertEquals(0, r.code(), r.toString());
        return dir;
    }

    /** Replaces text in a file of the directory; fails when it is not there. */
    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " holds " + from);
        Files.writeString(file, text.replace(from, to));
    }

    /** The environment serve needs besides the secrets: the fake's URL, free loopback ports, a quick poll. */
    private static Map<String, String> serveEnv(FakeZendesk zendesk) {
        Map<String, String> env = new HashMap<>(SECRETS);
        env.put("DESKASSIST_ZENDESK_BASE_URL", zendesk.url());
        env.put("DESKASSIST_ZENDESK_INTEGRATION_USER_IDS", FakeZendesk.INTEGRATION_USER);
        env.put("DESKASSIST_BIND", "127.0.0.1");
        env.put("DESKASSIST_PORT", "0");
        env.put("DESKASSIST_MANAGEMENT_PORT", "0");
        env.put("DESKASSIST_POLL_INTERVAL", "50ms");
        env.put("DESKASSIST_WORKERS", "2");
        return env;
    }

    private static void await(BooleanSupplier done, Duration timeout, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    /** {@code serve --config DIR} on a thread; stops it and returns its result when the body is done. */
    private interface WhileServing {
        void run(ServeRuntime runtime) throws Exception;
    }

    private static Result serving(Map<String, String> env, Path dir, WhileServing body) throws Exception {
        CompletableFuture<ServeRuntime> started = new CompletableFuture<>();
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Result> result = CompletableFuture.supplyAsync(() -> run(List.of(
                new ServeCommand(env, started::complete, stop)), "serve", "--config", dir.toString()));
        try {
            ServeRuntime runtime = CompletableFuture.anyOf(started, result).get(60, TimeUnit.SECONDS) instanceof
                    ServeRuntime rt ? rt : null;
            if (runtime == null) {
                throw new AssertionError("serve did not start: " + result.get());
            }
            body.run(runtime);
        } finally {
            stop.countDown();
        }
        return result.get(60, TimeUnit.SECONDS);
    }

    private HttpResponse<String> deliver(ServeRuntime runtime, String ticket) throws Exception {
        return http.send(SignedWebhook.zendesk(URI.create(runtime.webhookUri() + "/webhooks/zendesk"), SECRET,
                SignedWebhook.triggerBody(ticket, "created", "1" + ticket), "inv-" + ticket, Instant.now()),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void addTicket(FakeZendesk zendesk, String id) {
        zendesk.addTicket(id, "Rechnung doppelt abgebucht", "Mir wurde die Rechnung doppelt abgebucht, bitte erstatten "
                + "Sie den Betrag.", "Kundin", "kundin@example.de", "Org", List.of(), List.of());
    }

    @Test
    void initWritesACommentedDirectoryAndRefusesOneThatIsNotEmpty(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("acme");
        Result first = run(Map.of(), "init", dir.toString());
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().contains("deskassist.properties") && first.out().contains("taxonomy.json")
                && first.out().contains("knowledge-base files"), first.out());
        assertTrue(first.out().contains("deskassist check " + dir), "says what to do next: " + first.out());
        assertTrue(Files.readString(dir.resolve("deskassist.properties")).contains("zendesk.apiToken.env="));
        String before = Files.readString(dir.resolve("taxonomy.json"));

        Result again = run(Map.of(), "init", dir.toString());
        assertEquals(1, again.code(), again.toString());
        assertTrue(again.err().contains("is not empty") && again.err().contains("choose a new directory"),
                again.err());
        assertFalse(again.err().contains("Exception"), again.err());
        assertEquals(before, Files.readString(dir.resolve("taxonomy.json")), "nothing overwritten");
    }

    @Test
    void checkIsCleanOnTheScaffoldOnceTheSecretsAreSet(@TempDir Path tmp) {
        Path dir = init(tmp);
        Result r = run(SECRETS, "check", dir.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("ok: "), r.out());
        assertTrue(r.out().contains("1 helpdesk (zendesk)"), r.out());
        assertTrue(Pattern.compile("\\d+ categories, \\d+ knowledge-base articles").matcher(r.out()).find(), r.out());
        assertTrue(r.out().contains("engines: triage offline, draft offline, summary offline"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void anEncoderTierModelThatTrainWroteIsWhatCheckAndTheSetupLoad(@TempDir Path tmp) throws IOException {
        Path dir = init(tmp);
        Result trained = run(SECRETS, "train", "--encoder", "minilm", "--config", dir.toString());
        assertEquals(0, trained.code(), trained.toString());
        assertTrue(trained.out().contains("cross-validation over 3 draws of folds"), trained.out());
        edit(dir.resolve("deskassist.properties"), "\ndeskassist.trainingData=", "\n#deskassist.trainingData=");

        Result r = run(SECRETS, "check", dir.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("intent model model.bin (encoder tier: all-minilm-l6-v2-q for en)"), r.out());

        dev.deskassist.examples.config.Setup setup = dev.deskassist.examples.config.ConfigDirectory.load(dir, SECRETS);
        assertTrue(setup.model() instanceof dev.deskassist.core.encoder.EncoderIntentModel, setup.model().toString());
        assertTrue(setup.model().abstainThreshold() > 0 && setup.model().abstainThreshold() < 1);

        Files.write(dir.resolve("model.bin"), "not a model".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Result damaged = run(SECRETS, "check", dir.toString());
        assertEquals(1, damaged.code(), damaged.toString());
        assertTrue(damaged.err().contains("starts with neither DAIM") && damaged.err().contains("DAEM"), damaged.err());
    }

    @Test
    void checkListsEveryProblemWithItsPlaceAndASuggestion(@TempDir Path tmp) throws IOException {
        Path dir = init(tmp);
        edit(dir.resolve("taxonomy.json"), "\"weight\"", "\"weigth\"");
        Result r = run(Map.of("ZENDESK_WEBHOOK_SECRET", SECRET), "check", dir.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(Pattern.compile("taxonomy\\.json:\\d+:\\d+: .*weigth.*did you mean `weight`").matcher(r.err()).find(),
                r.err());
        assertTrue(r.err().contains("ZENDESK_API_TOKEN is not set"), "the unset secret too: " + r.err());
        assertFalse(r.err().contains(SECRET), "no secret printed");
        assertEquals("", r.out());
    }

    @Test
    void checkNamesACategoryAPolicyUsesButTheTaxonomyLacks(@TempDir Path tmp) throws IOException {
        Path dir = init(tmp);
        edit(dir.resolve("taxonomy.json"), "\"id\": \"billing\"", "\"id\": \"invoices\"");
        Result r = run(SECRETS, "check", dir.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("billing"), r.err());
        assertTrue(r.err().contains("training.jsonl") || r.err().contains("policy.json"), r.err());
    }

    @Test
    void initAndCheckHaveHelp() {
        for (String command : List.of("init", "check")) {
            Result r = run(Map.of(), command, "--help");
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("Usage: deskassist " + command) && r.out().contains("DIR")
                    && r.out().contains("Exit codes"), r.out());
        }
        Result missing = run(Map.of(), "check");
        assertEquals(2, missing.code(), missing.toString());
    }

    @Test
    @Timeout(120)
    void serveRunsTheDirectorysOwnTaxonomyOnASignedWebhook(@TempDir Path tmp) throws Exception {
        Path dir = init(tmp);
        // the team's own category id, everywhere the sample names it
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String renamed = text.replace("\"billing\"", "\"acme-invoices\"")
                        .replaceAll("(?m)^(categories:.*)\\bbilling\\b", "$1acme-invoices"); // Markdown articles
                if (!renamed.equals(text)) {
                    Files.writeString(f, renamed, StandardCharsets.UTF_8);
                }
            }
        }
        try (FakeZendesk zendesk = new FakeZendesk(FakeZendesk.Faults.NONE)) {
            addTicket(zendesk, "101");
            Map<String, String> env = serveEnv(zendesk);
            Result check = run(env, "check", dir.toString());
            assertEquals(0, check.code(), check.toString());
            Result r = serving(env, dir, runtime -> {
                assertEquals(202, deliver(runtime, "101").statusCode());
                await(() -> zendesk.appliedUpdates("101") == 1, Duration.ofSeconds(30), "the write-back");
                String written = String.join("\n", zendesk.writes().stream().map(FakeZendesk.Call::body).toList());
                assertTrue(written.contains("acme-invoices"), "the directory's category id is written: " + written);
                assertTrue(runtime.dataDir().startsWith(dir), "the store is in the directory: " + runtime.dataDir());
            });
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("setup from") && r.out().contains("DeskAssist serving"), r.out());
            assertTrue(r.out().contains("DeskAssist stopped"), r.out());
        }
        // the store tools find the store through the directory
        Result letters = run(SECRETS, "dead-letters", "list", "--config", dir.toString());
        assertEquals(0, letters.code(), letters.toString());
    }

    @Test
    @Timeout(60)
    void serveRefusesAnInvalidDirectoryListingEveryProblemBeforeOpeningAnything(@TempDir Path tmp) throws Exception {
        Path dir = init(tmp);
        edit(dir.resolve("taxonomy.json"), "\"id\": \"billing\"", "\"id\": \"invoices\""); // policies still say billing
        Files.delete(dir.resolve("priority-policy.json"));
        int port = FreePort.pick();
        try (FakeZendesk zendesk = new FakeZendesk(FakeZendesk.Faults.NONE)) {
            addTicket(zendesk, "101");
            Map<String, String> env = serveEnv(zendesk);
            env.remove("ZENDESK_API_TOKEN");
            env.put("DESKASSIST_PORT", String.valueOf(port));
            AtomicInteger started = new AtomicInteger();
            Result r = run(List.of(new ServeCommand(env, rt -> started.incrementAndGet(), new CountDownLatch(0))),
                    "serve", "--config", dir.toString());
            assertEquals(1, r.code(), r.toString());
            assertTrue(r.err().contains("cannot start"), r.err());
            assertTrue(r.err().contains("ZENDESK_API_TOKEN is not set"), "unset secret: " + r.err());
            assertTrue(r.err().contains("priority-policy.json") && r.err().contains("file not found"),
                    "missing file: " + r.err());
            assertTrue(r.err().contains("billing"), "cross-file mismatch: " + r.err());
            assertEquals(0, started.get());
            assertEquals(List.of(), zendesk.calls(), "nothing sent to the helpdesk");
            assertFalse(Files.exists(dir.resolve("deskassist-data")), "no store created");
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertEquals(port, s.getLocalPort(), "the webhook port was never opened");
            }
        }
    }

    @Test
    @Timeout(60)
    void serveRefusesAnUnreachableLlmEndpoint(@TempDir Path tmp) throws Exception {
        Path dir = init(tmp);
        int closed = FreePort.pick();
        edit(dir.resolve("deskassist.properties"), "engine.draft=offline", "engine.draft=openai\n"
                + "openai.baseUrl=http://127.0.0.1:" + closed + "/v1\nopenai.model=test-model\n"
                + "openai.apiKey.env=OPENAI_API_KEY");
        try (FakeZendesk zendesk = new FakeZendesk(FakeZendesk.Faults.NONE)) {
            Map<String, String> env = serveEnv(zendesk);
            env.put("OPENAI_API_KEY", "sk-test-not-printed");
            assertEquals(0, run(env, "check", dir.toString()).code(), "check makes no connection");
            Result r = run(List.of(new ServeCommand(env, rt -> {
                throw new AssertionError("started");
            }, new CountDownLatch(0))), "serve", "--config", dir.toString());
            assertEquals(1, r.code(), r.toString());
            assertTrue(r.err().contains("openai.baseUrl") && r.err().contains("does not answer (connection refused)")
                    && r.err().contains("engine.draft=offline"), r.err());
            assertFalse(r.err().contains("sk-test-not-printed"), r.err());
            assertEquals(List.of(), zendesk.calls());
        }
    }

    @Test
    @Timeout(120)
    void serveWithAnLlmEngineExportsItsUsageAndFallsBackOffline(@TempDir Path tmp) throws Exception {
        Path dir = init(tmp);
        HttpServer llm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger posts = new AtomicInteger();
        llm.createContext("/", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                posts.incrementAndGet();
            }
            exchange.getRequestBody().readAllBytes();
            // the probe's GET gets a 404 like a real API root; a call gets an answer the engine cannot use
            byte[] body = "{\"error\":{\"message\":\"no such model\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 400 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        llm.start();
        try (FakeZendesk zendesk = new FakeZendesk(FakeZendesk.Faults.NONE)) {
            edit(dir.resolve("deskassist.properties"), "engine.summary=offline", "engine.summary=openai\n"
                    + "openai.baseUrl=http://127.0.0.1:" + llm.getAddress().getPort() + "/v1\nopenai.model=test-model\n"
                    + "openai.apiKey.env=OPENAI_API_KEY");
            addTicket(zendesk, "101");
            Map<String, String> env = serveEnv(zendesk);
            env.put("OPENAI_API_KEY", "sk-test");
            Result r = serving(env, dir, runtime -> {
                assertEquals(202, deliver(runtime, "101").statusCode());
                await(() -> zendesk.appliedUpdates("101") == 1, Duration.ofSeconds(60), "the write-back");
                String metrics = http.send(HttpRequest.newBuilder(URI.create(runtime.managementUri() + "/metrics"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(posts.get() > 0, "the summary went to the model");
                assertTrue(metrics.contains("deskassist_llm_fallbacks_total{"), metrics);
            });
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("summary openai"), r.out());
        } finally {
            llm.stop(0);
        }
    }

    @Test
    @Timeout(120)
    void trainWritesTheDirectorysModelAndEvaluateAndDemoUseTheDirectory(@TempDir Path tmp) throws Exception {
        Path dir = init(tmp);
        Result train = run(Map.of(), "train", "--config", dir.toString());
        assertEquals(0, train.code(), train.toString());
        assertTrue(Files.size(dir.resolve("model.bin")) > 0, "written to the directory's model path");
        assertTrue(train.out().contains("set deskassist.model=model.bin"), train.out());

        Result evaluate = run(Map.of(), "evaluate", "--config", dir.toString(), "--test",
                dir.resolve("training.jsonl").toString());
        assertEquals(0, evaluate.code(), evaluate.toString());
        assertTrue(evaluate.out().contains("model of " + dir) && evaluate.out().contains("every test label is one"),
                evaluate.out());

        // switch the directory to the trained model: it is loaded, not trained
        edit(dir.resolve("deskassist.properties"), "deskassist.trainingData=training.jsonl",
                "deskassist.model=model.bin");
        Result check = run(SECRETS, "check", dir.toString());
        assertEquals(0, check.code(), check.toString());
        assertTrue(check.out().contains("intent model model.bin"), check.out());

        Result demo = run(Map.of(), "demo", "--config", dir.toString(), "--ticket", "NW-1005");
        assertEquals(0, demo.code(), demo.toString());
        assertTrue(demo.out().contains("setup " + dir) && demo.out().contains("NW-1005")
                && demo.out().contains("WRITE-BACK PLAN"), demo.out());

        Result noData = run(Map.of(), "train");
        assertEquals(2, noData.code(), noData.toString());
        assertTrue(noData.err().contains("--config DIR"), noData.err());
    }

    @Test
    void commandsReportABrokenDirectoryInWords(@TempDir Path tmp) throws IOException {
        Path dir = init(tmp);
        edit(dir.resolve("taxonomy.json"), "\"weight\"", "\"weigth\"");
        for (String[] args : List.of(new String[] {"demo", "--config", dir.toString()},
                new String[] {"evaluate", "--config", dir.toString(), "--test", dir.resolve("training.jsonl").toString()})) {
            Result r = run(Map.of(), args);
            assertEquals(1, r.code(), r.toString());
            assertTrue(r.err().contains("is not ready") && r.err().contains("did you mean `weight`"), r.err());
        }
        Result notADir = run(Map.of(), "demo", "--config", tmp.resolve("nope").toString());
        assertEquals(2, notADir.code(), notADir.toString());
    }
}

package dev.deskassist.examples.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.deskassist.core.llm.FeatureConfig;
import dev.deskassist.core.llm.LlmClient;
import dev.deskassist.core.llm.LlmEngines;
import dev.deskassist.core.llm.LlmRequest;
import dev.deskassist.core.llm.LlmResponse;
import dev.deskassist.core.llm.LlmSettings;
import dev.deskassist.core.llm.LlmTriage;
import dev.deskassist.core.llm.OpenAiCompatibleClient;
import dev.deskassist.core.llm.StructuredOutput;
import dev.deskassist.core.llm.TokenUsage;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Requester;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.privacy.Pseudonymizer;
import dev.deskassist.core.privacy.SensitivityPolicy;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.Triage;
import dev.deskassist.core.triage.TriageResult;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures what DeskAssist itself adds on the LLM path, and how many tickets can wait on a slow
 * model at once.
 * <ol>
 *   <li><b>Overhead</b>: LLM triage against an in-process model that answers at once, the cache
 *       off, so every ticket is pseudonymized, routed, rendered into a prompt, hashed, parsed,
 *       validated, combined with the offline floor and restored. Per ticket, in µs.</li>
 *   <li><b>Capacity</b>: LLM triage over real HTTP ({@link OpenAiCompatibleClient}) against a
 *       local server that answers every request after a fixed delay (1 s). Tickets are started
 *       with {@link LlmTriage#triageAsync} from one thread; the figures are completed tickets per
 *       second, the most tickets in flight at once, and the JVM's peak thread count.</li>
 * </ol>
 * Run: {@code java -cp examples/target/classes:... dev.deskassist.examples.bench.LlmOverheadBench}
 * or the {@code bench-llm} command.
 */
public final class LlmOverheadBench {

    static final String TRIAGE_JSON = "{\"category\":\"shipping\",\"priority\":\"normal\",\"escalate\":false,"
            + "\"confidence\":0.8,\"reasons\":[\"parcel is late\"]}";

    static final Map<String, String> TAXONOMY = Map.of(
            "billing", "invoices, payments, refunds", "shipping", "delivery, parcels, returns",
            "account", "login, password, profile", "cancellation", "ending a contract", "technical", "errors, bugs, outages");

    /** A trivial offline floor so that the figures show the LLM path, not an offline model. */
    static final Triage FLOOR = t -> new TriageResult(Decision.of("de", 0.9, "bench", "fixed"),
            Decision.of(Sentiment.NEUTRAL, 0.5, "bench", "fixed"), Decision.of(StyleProfile.UNKNOWN, 0.5, "bench", "fixed"),
            List.of(), Decision.of("shipping", 0.6, "bench", "fixed"), Decision.of(Priority.NORMAL, 0.6, "bench", "fixed"),
            Decision.none("bench", "none"), Decision.of(false, 0.6, "bench", "fixed"));

    /** Options of one run. */
    public record Options(int overheadTickets, int capacityTickets, int concurrency, Duration modelDelay) {
    }

    /** The measured figures. */
    public record Result(double overheadMedianMicros, double overheadP99Micros, double overheadCpuMicros,
                         double pseudonymizeMedianMicros, int capacityTickets, double ticketsPerSecond, int peakInFlight,
                         int peakThreads, long fallbacks, double wallSeconds, double submitSeconds) {
    }

    private LlmOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(20_000, 1_000, 512, Duration.ofSeconds(1));
        print(run(o), o);
    }

    public static void print(Result r, Options o) {
        System.out.printf(Locale.ROOT, "LLM path overhead (pseudonymize + route + prompt + hash + parse + validate + restore), %d tickets:%n",
                o.overheadTickets());
        System.out.printf(Locale.ROOT, "  per ticket: median %.1f µs, p99 %.1f µs wall; %.1f µs CPU on average (pseudonymize alone: median %.1f µs)%n",
                r.overheadMedianMicros(), r.overheadP99Micros(), r.overheadCpuMicros(), r.pseudonymizeMedianMicros());
        System.out.printf(Locale.ROOT, "In-flight capacity, model answering after %d ms, %d tickets, up to %d concurrent requests, %d cores:%n",
                o.modelDelay().toMillis(), r.capacityTickets(), o.concurrency(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  %.0f tickets/s, peak %d in flight, peak %d JVM threads, %d fallbacks, %.2f s wall (all started after %.2f s)%n",
                r.ticketsPerSecond(), r.peakInFlight(), r.peakThreads(), r.fallbacks(), r.wallSeconds(), r.submitSeconds());
        System.out.printf(Locale.ROOT, "  load average during the run: %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    public static Result run(Options o) throws Exception {
        List<Ticket> tickets = tickets();
        double[] overhead = overhead(tickets, o.overheadTickets());
        double pseudo = pseudonymizeOnly(tickets, o.overheadTickets());
        return capacity(tickets, o, overhead, pseudo);
    }

    private static double[] overhead(List<Ticket> tickets, int n) {
        LlmClient instant = new LlmClient() {
            @Override
            public CompletableFuture<LlmResponse> complete(LlmRequest request) {
                return CompletableFuture.completedFuture(new LlmResponse(TRIAGE_JSON, new TokenUsage(400, 50), "instant", "stop"));
            }

            @Override
            public String provider() {
                return "instant";
            }

            @Override
            public String model() {
                return "instant";
            }

            @Override
            public StructuredOutput structuredOutput() {
                return StructuredOutput.JSON_SCHEMA;
            }
        };
        LlmEngines engines = new LlmEngines(LlmSettings.builder().triage(FeatureConfig.llm(instant).build())
                .sensitivity(SensitivityPolicy.NONE).cache(0, Duration.ofMinutes(1)).build());
        Triage triage = engines.triage(FLOOR, TAXONOMY);
        for (int i = 0; i < Math.min(n, 5_000); i++) {
            triage.triage(tickets.get(i % tickets.size()));
        }
        long[] nanos = new long[n];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            TriageResult r = triage.triage(tickets.get(i % tickets.size()));
            nanos[i] = System.nanoTime() - t0;
            if (!r.category().decidedBy().startsWith("llm:")) {
                throw new IllegalStateException("bench ticket fell back: " + r.category().reasons());
            }
        }
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1000.0 / n;
        Arrays.sort(nanos);
        return new double[] {nanos[n / 2] / 1000.0, nanos[(int) (n * 0.99)] / 1000.0, cpu};
    }

    private static double pseudonymizeOnly(List<Ticket> tickets, int n) {
        Pseudonymizer p = LlmSettings.builder().build().pseudonymizer();
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            p.pseudonymize(tickets.get(i % tickets.size()));
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return nanos[n / 2] / 1000.0;
    }

    private static Result capacity(List<Ticket> tickets, Options o, double[] overhead, double pseudo) throws Exception {
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slow-model");
            t.setDaemon(true);
            return t;
        });
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
        byte[] reply = chatCompletion(TRIAGE_JSON).getBytes(StandardCharsets.UTF_8);
        // the handler returns at once and the answer is written later, so the server holds no
        // thread per waiting request either
        server.createContext("/v1/chat/completions", ex -> {
            ex.getRequestBody().readAllBytes();
            later.schedule(() -> respond(ex, reply), o.modelDelay().toMillis(), TimeUnit.MILLISECONDS);
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (OpenAiCompatibleClient client = OpenAiCompatibleClient.builder(base).model("slow-model")
                .http(h -> h.maxConcurrentRequests(o.concurrency()).readTimeout(Duration.ofSeconds(60))
                        .callTimeout(Duration.ofSeconds(120)))
                .build();
             LlmEngines engines = new LlmEngines(LlmSettings.builder()
                     .triage(FeatureConfig.llm(client).timeout(Duration.ofMinutes(5)).build())
                     .sensitivity(SensitivityPolicy.NONE).cache(0, Duration.ofMinutes(1)).build())) {
            LlmTriage triage = (LlmTriage) engines.triage(FLOOR, TAXONOMY);
            // warm the HTTP path (connections, JIT) with a short round first
            List<CompletableFuture<TriageResult>> warm = new ArrayList<>();
            for (int i = 0; i < Math.min(64, o.concurrency()); i++) {
                warm.add(triage.triageAsync(tickets.get(i % tickets.size())));
            }
            CompletableFuture.allOf(warm.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            threads.resetPeakThreadCount();
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            AtomicInteger fallbacks = new AtomicInteger();
            List<CompletableFuture<TriageResult>> all = new ArrayList<>(o.capacityTickets());
            long t0 = System.nanoTime();
            for (int i = 0; i < o.capacityTickets(); i++) {
                int now = inFlight.incrementAndGet();
                peak.accumulateAndGet(now, Math::max);
                all.add(triage.triageAsync(tickets.get(i % tickets.size())).whenComplete((r, t) -> {
                    inFlight.decrementAndGet();
                    if (t != null || !r.category().decidedBy().startsWith("llm:")) {
                        fallbacks.incrementAndGet();
                    }
                }));
            }
            double submit = (System.nanoTime() - t0) / 1e9;
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            double wall = (System.nanoTime() - t0) / 1e9;
            return new Result(overhead[0], overhead[1], overhead[2], pseudo, o.capacityTickets(), o.capacityTickets() / wall,
                    peak.get(), threads.getPeakThreadCount(), fallbacks.get(), wall, submit);
        } finally {
            server.stop(0);
            later.shutdownNow();
        }
    }

    private static void respond(HttpExchange ex, byte[] body) {
        try {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            ex.close();
        }
    }

    static String chatCompletion(String content) {
        return jakarta.json.Json.createObjectBuilder()
                .add("id", "chatcmpl-bench").add("object", "chat.completion").add("created", 1718000000)
                .add("model", "slow-model")
                .add("choices", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder()
                        .add("index", 0)
                        .add("message", jakarta.json.Json.createObjectBuilder().add("role", "assistant").add("content", content))
                        .add("finish_reason", "stop")))
                .add("usage", jakarta.json.Json.createObjectBuilder().add("prompt_tokens", 400).add("completion_tokens", 50)
                        .add("total_tokens", 450))
                .build().toString();
    }

    /** Twelve realistic tickets of 300 to 1,500 characters with personal data in every part. */
    static List<Ticket> tickets() {
        String[][] raw = {
            {"Paket nicht angekommen", "Hallo,\nmeine Bestellung 4711-2024-88 ist immer noch nicht da. Lieferadresse war Hauptstraße 12, 10115 Berlin.\nBitte rufen Sie mich unter 0171 2345678 an, ich bin ab 17 Uhr erreichbar.\n\nMit freundlichen Grüßen\nJana Schmidt", "Jana Schmidt", "jana.schmidt@example.de"},
            {"Doppelte Abbuchung", "Sehr geehrte Damen und Herren,\nvon meinem Konto DE89 3704 0044 0532 0130 00 wurde der Betrag für Rechnung RE-2024-0815 zweimal abgebucht. Ich bitte um Klärung, der Betrag fehlt mir diesen Monat.\nViele Grüße\nThomas Becker", "Thomas Becker", "t.becker@web.example"},
            {"Card charged twice", "Hi there,\nmy card 4111 1111 1111 1111 was charged twice for order #A77-1203. I noticed it this morning when I checked my statement. Please call me at +1 415 555 0142 or reply to this mail.\nThanks,\nEmily Carter", "Emily Carter", "emily.carter@mail.example"},
            {"Password reset not working", "Dear Support,\nI cannot reset my password. The reset link in the email says it expired, even when I click it right away. I tried Chrome and Firefox. My phone is +44 20 7946 0958.\nCustomer number: 88213455.\nKind regards,\nMark O'Brien", "Mark O'Brien", "mark.o.brien@corp.example"},
            {"Kündigung Vertrag", "Hallo Herr Neumann,\nhiermit kündige ich meinen Vertrag Nr. VT-99812 zum nächsten möglichen Termin. Bitte bestätigen Sie mir die Kündigung schriftlich.\nMeine neue Adresse: Lindenallee 7a, 50667 Köln.\nTel.: 0221 4455667\nGruß\nLukas Hoffmann", "Lukas Hoffmann", "lukas.hoffmann@posteo.example"},
            {"Refund for order", "Hello,\nI returned order SO-204518 two weeks ago to 221 Baker Street, but I have not received anything yet. The tracking shows it was delivered to your warehouse on Monday.\nMy name is Oliver Twist and you can reach me on 07700 900123.\nCheers", "Oliver Twist", "oliver.twist@example.co.uk"},
            {"Falsche Rechnung", "Guten Tag Frau Yılmaz,\ndie Rechnung Nr. 2024-55102 enthält falsche Positionen: zwei Lizenzen statt einer, und der Rabatt fehlt. Kundennummer 100234.\nBitte korrigieren Sie das bis Monatsende.\nBeste Grüße\nAyşe Demir\nDemir Bau GmbH\nIndustriestraße 44, 70565 Stuttgart", "Ayşe Demir", "a.demir@demirbau.example"},
            {"Login issue", "Hi Sarah,\nstill can't log in. I tried from my work laptop too, and cleared the cache as you suggested. The error says 'account temporarily locked'. Contact me at j.nguyen@startup.example or (212) 555-0199.\nRegards, James", "James Nguyen", "j.nguyen@startup.example"},
            {"Rückerstattung", "Hallo,\nich habe den Artikel zurückgeschickt (Auftragsnummer 300455871), das ist jetzt drei Wochen her. Bitte überweisen Sie das Geld auf\nIBAN DE44 5001 0517 5407 3249 31.\nDanke, Monika Weber", "Monika Weber", "monika.weber@gmx.example"},
            {"Delivery damaged", "Good morning,\nthe parcel for invoice INV-2024-00917 arrived damaged at 42 Elm Road, Manchester M1 4BT. The box was crushed and two glasses are broken. I attached photos.\nPlease send a replacement.\nBest regards,\nPriya Patel", "Priya Patel", "priya.patel@example.net"},
            {"Frage zu meinem Konto", "Moin,\nmein Name ist Henrik Jansen, ich bin Kunde seit 2019. Ich erreiche Sie nicht unter der Hotline, es ist immer besetzt. Ich möchte wissen, warum mein Tarif teurer geworden ist.\nRufen Sie bitte zurück: +49 (0)40 555 12 34.\nLG Henrik", "Henrik Jansen", "henrik.jansen@example.de"},
            {"Erneute Nachfrage", "Hallo Frau Lange,\nleider habe ich immer noch keine Antwort zu Kundennummer K-445120.\n\nVon: Katrin Lange <katrin.lange@firma.example>\nGesendet: Montag, 3. Juni 2024 09:12\nAn: Stefan Braun <stefan.braun@example.de>\nBetreff: Ihre Anfrage\nSehr geehrter Herr Braun, wir melden uns.", "Stefan Braun", "stefan.braun@example.de"},
        };
        List<Ticket> out = new ArrayList<>();
        int n = 0;
        for (String[] r : raw) {
            out.add(Ticket.builder("bench-" + (++n)).subject(r[0]).description(r[1])
                    .requester(new Requester("req-" + n, r[2], r[3], null, Set.of()))
                    .addComment(new Comment("c" + n, AuthorRole.AGENT, "Peter Wagner", true, null,
                            dev.deskassist.core.model.MessageText.parse("Hallo, danke für Ihre Nachricht, ich prüfe das.\nViele Grüße\nPeter Wagner")))
                    .addComment(Comment.of(AuthorRole.CUSTOMER, "Gibt es schon etwas Neues? Ich warte noch.")).build());
        }
        return out;
    }
}

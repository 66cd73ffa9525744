package dev.deskassist.examples;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.audit.AuditSink;
import dev.deskassist.core.model.Requester;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.classify.LinearIntentModel;
import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.examples.bench.KnowledgeBench;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import dev.deskassist.examples.cli.Progress;
import java.io.PrintWriter;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: single-thread throughput of offline triage on short (about 100 characters) and
 * long (about 2 KB) tickets, of the full offline assist (triage, summary, draft, plan), model
 * load time and heap after loading. Tickets are built from the sample's labeled texts so that
 * every iteration sees real, varied text.
 */
@Command(name = "bench", sortOptions = false,
        description = "Single-thread throughput of offline triage and of the full offline assist on short and long "
                + "tickets, model load time and heap after loading.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "N", description = "Measured seconds per case (default: ${DEFAULT-VALUE}).")
    int seconds = 5;

    // the JIT needs 12-15 s on 2 cores to reach steady state; a middleware runs for days, so that is what we report
    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up seconds per case (default: ${DEFAULT-VALUE}).")
    int warmup = 15;

    @Option(names = "--kb-articles", paramLabel = "N",
            description = "Articles in the knowledge base of the full assist (default: ${DEFAULT-VALUE}).")
    int kbArticles = 500;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    private PrintWriter out;

    @Override
    public Integer call() throws IOException {
        if (seconds < 1 || warmup < 0 || kbArticles < 1) {
            throw new UsageException("--seconds and --kb-articles must be at least 1, --warmup at least 0");
        }
        out = spec.commandLine().getOut();
        // four measured cases, each a warm-up and a measurement, plus about as long again for setup
        Map<String, Object> result;
        try (Progress progress = Progress.timed(spec.qualifiedName(),
                java.util.concurrent.TimeUnit.SECONDS.toNanos(4L * (warmup + seconds) + 10), spec.commandLine().getErr())) {
            result = measureAll();
        }
        if (json) {
            out.println(JsonCodec.toJson(result));
        } else {
            print(result);
        }
        return 0;
    }

    private Map<String, Object> measureAll() throws IOException {
        Map<String, Object> result = new LinkedHashMap<>();

        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        Nordwind nordwind = Nordwind.load(Clock.systemUTC());
        result.put("setupMillis", (System.nanoTime() - t0) / 1_000_000);
        result.put("classifierTrainMillis", nordwind.trainTime().toMillis());
        result.put("heapAfterLoadMiB", round((usedHeap() - heapBefore) / (1024.0 * 1024.0)));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        nordwind.model().save(bytes);
        byte[] modelFile = bytes.toByteArray();
        long loadNanos = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            LinearIntentModel.load(new ByteArrayInputStream(modelFile));
            loadNanos = Math.min(loadNanos, System.nanoTime() - s);
        }
        result.put("modelLoadMillis", round(loadNanos / 1e6));
        result.put("modelFileKiB", modelFile.length / 1024);

        List<String> texts = trainingTexts();
        List<Ticket> shortTickets = tickets(texts, 100);
        List<Ticket> longTickets = tickets(texts, 2000);
        result.put("shortTicketChars", averageChars(shortTickets));
        result.put("longTicketChars", averageChars(longTickets));

        result.put("triageShort", measure(shortTickets, t -> nordwind.triage().triage(t), warmup, seconds));
        result.put("triageLong", measure(longTickets, t -> nordwind.triage().triage(t), warmup, seconds));
        // full assist against a knowledge base of the size a real help centre has
        Nordwind large = Nordwind.load(Clock.systemUTC(), KnowledgeBench.generate(kbArticles));
        result.put("knowledgeBaseArticles", large.knowledgeBase().articles().size());
        result.put("knowledgeBaseLoadIndexMillis", large.knowledgeBaseTime().toMillis());
        try (DeskAssist assist = large.deskAssist(AuditSink.NONE)) {
            result.put("assistShort", measure(shortTickets, assist::assist, warmup, seconds));
            result.put("assistLong", measure(longTickets, assist::assist, warmup, seconds));
        }

        return result;
    }

    /** Runs the work on this thread for a warm-up, then for the measured time; reports rate and CPU time. */
    static Map<String, Object> measure(List<Ticket> tickets, Consumer<Ticket> work, int warmupSeconds, int seconds) {
        run(tickets, work, warmupSeconds * 1_000_000_000L);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long n = run(tickets, work, seconds * 1_000_000_000L);
        long wall = System.nanoTime() - wall0;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tickets", n);
        m.put("perSecond", Math.round(n / (wall / 1e9)));
        m.put("microsPerTicket", round(wall / 1000.0 / n));
        m.put("cpuMicrosPerTicket", round(cpu / 1000.0 / n));
        m.put("perSecondByCpu", Math.round(n / (cpu / 1e9)));
        return m;
    }

    private static long run(List<Ticket> tickets, Consumer<Ticket> work, long nanos) {
        long end = System.nanoTime() + nanos;
        long n = 0;
        int i = 0;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 64; k++) {
                work.accept(tickets.get(i));
                i = i + 1 == tickets.size() ? 0 : i + 1;
                n++;
            }
        }
        return n;
    }

    private void print(Map<String, Object> r) {
        out.printf("setup (load sample, train classifier, index KB): %s ms; heap after load: %s MiB%n",
                r.get("setupMillis"), r.get("heapAfterLoadMiB"));
        out.printf("classifier: trained in %s ms, model file %s KiB, loads in %s ms%n", r.get("classifierTrainMillis"),
                r.get("modelFileKiB"), r.get("modelLoadMillis"));
        out.printf("knowledge base for full assist: %s articles, loaded and indexed in %s ms%n",
                r.get("knowledgeBaseArticles"), r.get("knowledgeBaseLoadIndexMillis"));
        out.printf("%-36s %12s %12s %14s %12s%n", "one thread", "tickets/s", "µs/ticket", "CPU µs/ticket",
                "tickets/s CPU");
        for (String k : List.of("triageShort", "triageLong", "assistShort", "assistLong")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) r.get(k);
            String label = switch (k) {
                case "triageShort" -> "triage, short (~" + r.get("shortTicketChars") + " chars)";
                case "triageLong" -> "triage, long (~" + r.get("longTicketChars") + " chars)";
                case "assistShort" -> "full assist, short (" + r.get("knowledgeBaseArticles") + "-article KB)";
                default -> "full assist, long (" + r.get("knowledgeBaseArticles") + "-article KB)";
            };
            out.printf(Locale.ROOT, "%-36s %12s %12s %14s %12s%n", label, m.get("perSecond"), m.get("microsPerTicket"),
                    m.get("cpuMicrosPerTicket"), m.get("perSecondByCpu"));
        }
    }

    static List<String> trainingTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String line : Nordwind.text("training.jsonl").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try (JsonReader r = JsonCodec.jsonp().createReader(new StringReader(line))) {
                JsonObject o = r.readObject();
                texts.add(o.getString("text"));
            }
        }
        return texts;
    }

    /** One ticket per training text, cut or extended (with the following texts) to about {@code chars}. */
    static List<Ticket> tickets(List<String> texts, int chars) {
        List<Ticket> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            StringBuilder body = new StringBuilder(texts.get(i));
            for (int j = i + 1; body.length() < chars; j++) {
                body.append(' ').append(texts.get(j % texts.size()));
            }
            String b = body.length() > chars + 40 ? body.substring(0, chars) : body.toString();
            out.add(Ticket.builder("B-" + i).description(b)
                    .requester(Requester.of("Bench Customer", "bench@example.org")).build());
        }
        return out;
    }

    private static long averageChars(List<Ticket> tickets) {
        return Math.round(tickets.stream().mapToInt(t -> t.description().text().length()).average().orElse(0));
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

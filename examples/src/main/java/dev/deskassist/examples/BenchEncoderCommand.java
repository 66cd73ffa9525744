package dev.deskassist.examples;

import dev.deskassist.core.encoder.EncoderIntentModel;
import dev.deskassist.core.encoder.EncoderIntentTrainer;
import dev.deskassist.core.encoder.EncoderKind;
import dev.deskassist.core.encoder.EncoderTrainerConfig;
import dev.deskassist.core.encoder.SentenceEncoder;
import dev.deskassist.core.encoder.SentenceEncoders;
import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.triage.IntentModel;
import dev.deskassist.core.triage.classify.Example;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import java.io.IOException;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code bench-encoder}: what the encoder tier costs. Encoder load time (first in the JVM, native
 * extraction included), per-ticket latency on one thread (p50, p99) of the n-gram model, the
 * encoder tier and the cascade, throughput on two threads, resident memory, and the size of the
 * jars the encoder adds. Trains on {@code --train} first (a small file is enough: latency does not
 * depend on the training size). Run it from {@code deskassist-encoder.jar}.
 */
@Command(name = "bench-encoder", sortOptions = false,
        description = "Cost of the encoder tier: latency per ticket (p50, p99), throughput on 1 and 2 threads, load "
                + "time, resident memory, jar size, and the cascade (needs deskassist-encoder.jar).")
final class BenchEncoderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "The labeled training file.")
    Path trainFile;

    @Option(names = "--test", required = true, paramLabel = "FILE", description = "The labeled test file.")
    Path testFile;

    @Option(names = "--texts", paramLabel = "N",
            description = "Tickets timed per figure, drawn from --test with seed 42 (default: ${DEFAULT-VALUE}).")
    int textCount = 1000;

    @Option(names = "--cascade", split = ",", paramLabel = "T",
            description = "Also time the cascade at these n-gram confidence thresholds (default: 0.9).")
    List<Double> cascades = List.of(0.9);

    @Option(names = "--time-file", paramLabel = "FILE", description = "Time the texts of this file instead.")
    Path timeFile;

    @Option(names = "--time-text-column", split = ",", paramLabel = "C",
            description = "Text column(s) of --time-file (default: text).")
    List<String> timeTextColumns = List.of("text");

    @Option(names = "--time-label-column", paramLabel = "C", description = "Label column of --time-file (default: "
            + "${DEFAULT-VALUE}).")
    String timeLabelColumn = "category";

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Mixin
    ClassifierOptions options;

    @Mixin
    EncoderOptions encoderOptions;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        if (!encoderOptions.requested()) {
            throw new UsageException("say which encoder to measure: --encoder bge|minilm");
        }
        EncoderTrainerConfig config = encoderOptions.config(options.trainerConfig());
        EncoderKind kind = config.encoder();
        long rss0 = rssBytes();
        long t0 = System.nanoTime();
        SentenceEncoder encoder = SentenceEncoders.shared(kind);
        double loadMs = (System.nanoTime() - t0) / 1e6;
        long rssLoaded = rssBytes();

        TrainingData train = options.reader().read(trainFile);
        TrainingData test = options.reader().read(testFile);
        EncoderIntentModel model = new EncoderIntentTrainer(config.withThreads(2)).train(train, encoder).model();
        Path file = Files.createTempFile("deskassist-encoder", ".model");
        double modelLoadMs;
        try {
            model.save(file);
            long l0 = System.nanoTime();
            model = EncoderIntentModel.load(file, EncoderIntentModel.Fallback.FAIL);
            modelLoadMs = (System.nanoTime() - l0) / 1e6;
        } finally {
            Files.deleteIfExists(file);
        }

        if (timeFile != null) {
            // time other texts than the test file's, e.g. long support tickets with a model trained on short ones
            test = TrainingDataReader.builder().textColumns(timeTextColumns).labelColumn(timeLabelColumn).build()
                    .read(timeFile);
        }
        List<String> texts = new ArrayList<>(test.examples().stream().map(Example::text).toList());
        Collections.shuffle(texts, new Random(42));
        int n = Math.min(texts.size(), Math.max(1, textCount));
        List<String> timed = texts.subList(0, n);
        List<String> warm = texts.subList(n, Math.min(texts.size(), n + 200));
        if (warm.isEmpty()) {
            warm = timed.subList(0, Math.min(200, n));
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("encoder", kind.id() + " " + SentenceEncoders.artifactVersion(kind));
        out.put("cpus", Runtime.getRuntime().availableProcessors());
        out.put("loadAverageAtStart", round(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()));
        out.put("timedFrom", (timeFile != null ? timeFile : testFile).toString());
        out.put("timedTickets", n);
        out.put("meanChars", Math.round(timed.stream().mapToInt(String::length).average().orElse(0)));
        out.put("encoderLoadMs", round(loadMs));
        out.put("modelLoadMs", round(modelLoadMs));
        out.put("ngram", latency(model.ngramModel(), warm, timed));
        out.put("encoderTier", latency(model, warm, timed));
        for (double t : cascades) {
            String c = String.format(Locale.ROOT, "%.2f", t);
            EncoderIntentModel m = model.withCascade(t);
            long encoded = timed.stream().filter(x -> m.score(x).tier() == EncoderIntentModel.Tier.BLEND).count();
            Map<String, Object> l = latency(m, warm, timed);
            l.put("encoderShare", round(encoded / (double) n));
            out.put("cascade" + c, l);
        }
        out.put("throughput2Threads", round(throughput(model, timed, 2)));
        out.put("throughput1Thread", round(throughput(model, timed, 1)));
        long rss1 = rssBytes();
        Runtime rt = Runtime.getRuntime();
        out.put("rssBeforeMB", mb(rss0));
        out.put("rssAfterEncoderLoadMB", mb(rssLoaded));
        out.put("rssAfterBenchMB", mb(rss1));
        out.put("heapUsedMB", mb(rt.totalMemory() - rt.freeMemory()));
        out.put("encoderJarsMB", encoderJarsMb());

        if (json) {
            w.println(JsonCodec.toJson(out));
        } else {
            out.forEach((k, v) -> w.printf(Locale.ROOT, "%-24s %s%n", k, v));
        }
        return 0;
    }

    private static Map<String, Object> latency(IntentModel model, List<String> warm, List<String> timed) {
        for (int r = 0; r < 2; r++) {
            warm.forEach(model::predict);
        }
        // wall time, and CPU time of this thread: with one intra-op thread ONNX Runtime computes on
        // the calling thread, so CPU time is the latency a quiet machine would show
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] ns = new long[timed.size()];
        long[] cpu = new long[timed.size()];
        for (int i = 0; i < ns.length; i++) {
            long c0 = bean.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            model.predict(timed.get(i));
            ns[i] = System.nanoTime() - t0;
            cpu[i] = bean.getCurrentThreadCpuTime() - c0;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50ms", round(percentile(ns, 0.50) / 1e6));
        m.put("p99ms", round(percentile(ns, 0.99) / 1e6));
        m.put("meanMs", round(Arrays.stream(ns).average().orElse(0) / 1e6));
        m.put("cpuP50ms", round(percentile(cpu, 0.50) / 1e6));
        m.put("cpuP99ms", round(percentile(cpu, 0.99) / 1e6));
        return m;
    }

    private static long percentile(long[] values, double q) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[Math.max(0, Math.min(v.length - 1, (int) Math.ceil(v.length * q) - 1))];
    }

    /** Tickets per second with {@code threads} threads sharing one model (and one ONNX session). */
    private static double throughput(IntentModel model, List<String> texts, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> f = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int start = t;
                f.add(pool.submit(() -> {
                    for (int i = start; i < texts.size(); i += threads) {
                        model.predict(texts.get(i));
                    }
                }));
            }
            for (Future<?> x : f) {
                x.get();
            }
            return texts.size() / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Resident set size from /proc (Linux); 0 elsewhere. */
    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** Size of the jars deskassist-encoder.jar adds (target/encoder-lib beside it), or null when not run from it. */
    private static Object encoderJarsMb() throws IOException {
        Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]).toAbsolutePath();
        Path lib = jar.resolveSibling("encoder-lib");
        if (!Files.isDirectory(lib)) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        long total = 0;
        try (Stream<Path> files = Files.list(lib)) {
            for (Path p : files.sorted().toList()) {
                total += Files.size(p);
                if (Files.size(p) > 5_000_000) {
                    m.put(p.getFileName().toString(), mb(Files.size(p)));
                }
            }
        }
        m.put("total", mb(total));
        return m;
    }

    private static double mb(long bytes) {
        return Math.round(bytes / 1e5) / 10.0;
    }

    private static Double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

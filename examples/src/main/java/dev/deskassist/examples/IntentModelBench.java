package dev.deskassist.examples;

import dev.deskassist.core.triage.classify.IntentTrainer;
import dev.deskassist.core.triage.classify.LinearIntentModel;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import dev.deskassist.core.triage.classify.TrainingResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of the intent classifier alone: training time, model file size, load time, heap
 * after load, and predict time for short and long texts on one thread.
 *
 * <pre>
 * java -cp examples/target/deskassist.jar dev.deskassist.examples.IntentModelBench \
 *     ../shared/data/banking77/train.csv text category
 * </pre>
 */
public final class IntentModelBench {

    private IntentModelBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.out.println("usage: IntentModelBench TRAIN.csv [TEXT_COLUMN [LABEL_COLUMN]]");
            System.exit(2);
        }
        TrainingData data = TrainingDataReader.builder().textColumns(args.length > 1 ? args[1] : "text")
                .labelColumn(args.length > 2 ? args[2] : "category").build().read(Path.of(args[0]));
        TrainResult t = train(data);
        System.out.printf(Locale.ROOT, "training          %d texts, %d labels: %.2f s CPU (%d-fold calibration included)%n",
                data.size(), t.model.labels().size(), t.seconds, TrainerConfig.defaults().calibrationFolds());
        Path file = Files.createTempFile("deskassist-intent", ".model");
        try {
            t.model.save(file);
            System.out.printf(Locale.ROOT, "model file        %.1f MB, %d features%n", Files.size(file) / 1e6,
                    t.model.featureCount());
            LinearIntentModel loaded = null;
            long best = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                long c0 = cpu();
                loaded = LinearIntentModel.load(file);
                best = Math.min(best, System.nanoTime() - t0);
                bestCpu = Math.min(bestCpu, cpu() - c0);
            }
            System.out.printf(Locale.ROOT, "load              %.1f ms wall, %.1f ms CPU (best of 5)%n", best / 1e6,
                    bestCpu / 1e6);
            t = null;
            long heapBefore = usedHeap();
            LinearIntentModel again = LinearIntentModel.load(file);
            long heapAfter = usedHeap();
            System.out.printf(Locale.ROOT, "heap of one model %.1f MB%n", (heapAfter - heapBefore) / 1e6);

            List<String> shortTexts = data.examples().stream().map(e -> e.text()).limit(2000).toList();
            double avgChars = shortTexts.stream().mapToInt(String::length).average().orElse(0);
            String longText = String.join(" ", shortTexts).substring(0, 2048);
            measure("predict short", again, shortTexts, avgChars);
            measure("predict 2 KB", again, List.of(longText), longText.length());
            System.out.println(loaded.version().equals(again.version()) ? "" : "version mismatch");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private record TrainResult(LinearIntentModel model, double seconds) {
    }

    private static TrainResult train(TrainingData data) {
        long cpu0 = cpu();
        TrainingResult r = new IntentTrainer(TrainerConfig.defaults()).train(data);
        return new TrainResult(r.model(), (cpu() - cpu0) / 1e9);
    }

    /**
     * CPU time of this thread: on a machine shared with other jobs, wall time measures the
     * neighbours as much as the code.
     */
    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static void measure(String name, LinearIntentModel model, List<String> texts, double avgChars) {
        long sink = 0;
        int rounds = 0;
        long t0 = cpu();
        // warm up for about three CPU seconds so the JIT has compiled the hot loops
        while (cpu() - t0 < 3_000_000_000L) {
            for (String t : texts) {
                sink += model.predict(t).get(0).label().length();
            }
            rounds++;
        }
        for (String mode : new String[] {"ranking", "best"}) {
            int n = 0;
            long start = cpu();
            while (cpu() - start < 2_000_000_000L) {
                for (String t : texts) {
                    sink += mode.equals("best") ? model.best(t).label().length()
                            : model.predict(t).get(0).label().length();
                    n++;
                }
            }
            double micros = (cpu() - start) / 1e3 / n;
            System.out.printf(Locale.ROOT, "%-17s %.2f µs CPU per text (%s, avg %.0f chars), %.0f texts/s%n", name,
                    micros, mode.equals("best") ? "top label only" : "full ranking", avgChars, 1e6 / micros);
        }
        if (sink == 42 && rounds < 0) {
            System.out.println();
        }
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}

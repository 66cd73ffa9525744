package dev.deskassist.examples;

import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.triage.classify.Evaluation;
import dev.deskassist.core.triage.classify.IntentTrainer;
import dev.deskassist.core.triage.classify.LinearIntentModel;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import dev.deskassist.core.triage.classify.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code evaluate}: trains the intent classifier on one labeled file and measures it on another
 * (accuracy, macro-F1, abstain rate, accuracy on answered, top confusions).
 */
final class EvaluateCommand implements Command {

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "train on one labeled file, report on another: --train FILE --test FILE [--per-class N] [--json]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        if (args.contains("--help")) {
            System.out.println("usage: evaluate --train FILE --test FILE [--per-class N] [--threshold T] [--json] [options]\n"
                    + "  --threshold T          abstain below this confidence (default: the model's, picked on\n"
                    + "                         cross-validation of the training file)\n"
                    + "  --group-column C       also report accuracy per value of this test-file column\n"
                    + ClassifierOptions.HELP
                    + "\n" + EncoderEvaluation.HELP); // encoder tier (issue 15)
            return 0;
        }
        Args a = Args.parse(args, ClassifierOptions.FLAGS);
        TrainingDataReader reader = ClassifierOptions.reader(a);
        TrainerConfig config = ClassifierOptions.trainerConfig(a);
        TrainingData train = reader.read(Path.of(a.require("train")));
        TrainingData test = reader.read(Path.of(a.require("test")));
        int perClass = a.intValue("per-class", 0);
        if (perClass > 0) {
            train = train.samplePerLabel(perClass, config.seed());
        }
        // encoder tier (issue 15): all of its logic lives in EncoderEvaluation
        if (a.get("encoder").isPresent()) {
            return EncoderEvaluation.run(a, reader, config, train, test, perClass);
        }
        TrainingResult r = new IntentTrainer(config).train(train);
        LinearIntentModel model = r.model();
        double threshold = a.get("threshold").map(v -> ClassifierOptions.number(v, "threshold"))
                .orElse(model.abstainThreshold());
        long t0 = System.nanoTime();
        Evaluation e = Evaluation.of(model, test.examples(), threshold);
        double predictMicros = (System.nanoTime() - t0) / 1e3 / Math.max(1, test.size());
        long unseen = test.examples().stream().filter(x -> !model.labels().contains(x.label())).count();
        Map<String, double[]> groups = groups(a, reader, test, e);

        if (a.flag("json")) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("train", a.require("train"));
            out.put("test", a.require("test"));
            out.put("n", e.n());
            out.put("trainExamples", train.size());
            out.put("labels", model.labels().size());
            out.put("accuracy", round(e.accuracy()));
            out.put("macroF1", round(e.macroF1()));
            out.put("threshold", round(threshold));
            out.put("abstainRate", round(e.abstainRate()));
            out.put("accuracyOnAnswered", round(e.accuracyOnAnswered()));
            out.put("heldOutAccuracy", round(r.heldOutAccuracy()));
            out.put("trainSeconds", round(r.duration().toNanos() / 1e9));
            out.put("predictMicrosPerText", round(predictMicros));
            out.put("testExamplesWithUnseenLabel", unseen);
            out.put("perClass", perClass);
            out.put("seed", config.seed());
            out.put("modelVersion", model.version());
            List<Map<String, Object>> confusions = new ArrayList<>();
            for (Evaluation.Confusion c : e.topConfusions(10)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("gold", c.gold());
                m.put("predicted", c.predicted());
                m.put("count", c.count());
                confusions.add(m);
            }
            out.put("topConfusions", confusions);
            if (!groups.isEmpty()) {
                Map<String, Object> g = new LinkedHashMap<>();
                groups.forEach((k, v) -> g.put(k, Map.of("n", (long) v[1], "accuracy", round(v[0] / v[1]))));
                out.put("accuracyBy" + a.require("group-column"), g);
            }
            System.out.println(JsonCodec.toJson(out));
            return 0;
        }
        System.out.printf(Locale.ROOT, "train             %s: %d examples, %d labels%s%n", a.require("train"), train.size(),
                model.labels().size(), perClass > 0 ? " (" + perClass + " per label, seed " + config.seed() + ")" : "");
        System.out.printf(Locale.ROOT, "test              %s: %d examples%s%n", a.require("test"), e.n(),
                unseen > 0 ? " (" + unseen + " with a label the training file lacks)" : "");
        System.out.printf(Locale.ROOT, "training time     %.2f s (%d-fold calibration included)%n",
                r.duration().toNanos() / 1e9, config.calibrationFolds());
        System.out.printf(Locale.ROOT, "held-out estimate %s (cross-validation on the training file)%n",
                ClassifierOptions.pct(r.heldOutAccuracy()));
        System.out.printf(Locale.ROOT, "accuracy          %s%n", ClassifierOptions.pct(e.accuracy()));
        System.out.printf(Locale.ROOT, "macro-F1          %s%n", ClassifierOptions.pct(e.macroF1()));
        System.out.printf(Locale.ROOT, "threshold         %.3f%s%n", threshold,
                a.get("threshold").isPresent() ? "" : " (picked on training cross-validation for precision "
                        + config.targetPrecision() + ")");
        System.out.printf(Locale.ROOT, "abstain rate      %s%n", ClassifierOptions.pct(e.abstainRate()));
        System.out.printf(Locale.ROOT, "acc. on answered  %s%n", ClassifierOptions.pct(e.accuracyOnAnswered()));
        System.out.printf(Locale.ROOT, "predict           %.1f µs per text (wall time incl. JIT warm-up; see IntentModelBench)%n", predictMicros);
        groups.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %s = %-10s accuracy %s on %d%n",
                a.require("group-column"), k, ClassifierOptions.pct(v[0] / v[1]), (long) v[1]));
        System.out.println("top confusions (true -> predicted: count)");
        for (Evaluation.Confusion c : e.topConfusions(10)) {
            System.out.printf(Locale.ROOT, "  %s -> %s: %d%n", c.gold(), c.predicted(), c.count());
        }
        return 0;
    }

    /**
     * Accuracy per value of {@code --group-column} of the test file (for example its language):
     * the test file is read a second time with that column as the label, row by row in step.
     */
    private static Map<String, double[]> groups(Args a, TrainingDataReader reader, TrainingData test, Evaluation e) {
        Map<String, double[]> out = new TreeMap<>();
        if (a.get("group-column").isEmpty()) {
            return out;
        }
        TrainingData byGroup = TrainingDataReader.builder().textColumns(reader.textColumns())
                .labelColumn(a.require("group-column")).build().read(Path.of(a.require("test")));
        if (byGroup.size() != test.size()) {
            throw new UsageException("--group-column " + a.require("group-column") + " is blank in some rows; cannot group");
        }
        for (int i = 0; i < test.size(); i++) {
            double[] acc = out.computeIfAbsent(byGroup.examples().get(i).label(), k -> new double[2]);
            acc[0] += e.predictions().get(i).correct() ? 1 : 0;
            acc[1]++;
        }
        return out;
    }

    private static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1e4) / 1e4;
    }
}

package dev.deskassist.examples;

import static dev.deskassist.examples.EncoderEvaluation.round;

import dev.deskassist.core.config.ConfigFileException;
import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.triage.CalibratedIntentModel;
import dev.deskassist.core.triage.classify.Evaluation;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import dev.deskassist.core.triage.classify.TrainingResult;
import dev.deskassist.examples.cli.ProblemList;
import dev.deskassist.examples.config.ConfigDirectory;
import dev.deskassist.examples.config.Setup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate}: trains the intent classifier on one labeled file and measures it on another
 * (accuracy, macro-F1, abstain rate, accuracy on answered, top confusions). With {@code --config DIR}
 * and no {@code --train}, measures the directory's own model (loaded, or trained from its training
 * data as {@code serve} would); test labels missing from the directory's taxonomy are counted.
 */
@Command(name = "evaluate", sortOptions = false,
        description = "Train the category classifier on one labeled file and report on another: accuracy, macro-F1, "
                + "abstain rate, accuracy on answered, top confusions.",
        footerHeading = "%n", footer = "Progress goes to standard error; standard output holds only the report.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--train", paramLabel = "FILE", description = "The labeled training file (required without "
            + "--config).")
    Path trainFile;

    @Option(names = "--config", paramLabel = "DIR", description = "A config directory: without --train, measure its "
            + "model (deskassist.model, or trained from deskassist.trainingData); count test labels its taxonomy lacks.")
    Path config;

    private final Map<String, String> env;

    EvaluateCommand() {
        this(System.getenv());
    }

    /** With the environment given (it may override the config directory's keys), for tests. */
    EvaluateCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Option(names = "--test", required = true, paramLabel = "FILE", description = "The labeled test file.")
    Path testFile;

    @Option(names = "--per-class", paramLabel = "N",
            description = "Train on N examples per label only, sampled with the seed (default: all).")
    int perClass;

    @Option(names = "--threshold", paramLabel = "T", description = "Abstain below this confidence (default: the "
            + "model's, picked on cross-validation of the training file).")
    Double threshold;

    @Option(names = "--group-column", paramLabel = "C",
            description = "Also report accuracy per value of this test-file column.")
    String groupColumn;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Mixin
    ClassifierOptions options;

    // encoder tier (issue 15): all of its logic lives in EncoderEvaluation
    @Mixin
    EncoderOptions encoder;

    @Option(names = "--out", paramLabel = "FILE", description = "With --encoder: also save the trained model.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        TrainingDataReader reader = options.reader();
        TrainerConfig config = options.trainerConfig();
        Setup setup = null;
        if (this.config != null) {
            UsageException.requireConfigDirectory(this.config);
            try {
                setup = ConfigDirectory.load(this.config, env, ConfigDirectory.Scope.ENGINES, Clock.systemUTC());
            } catch (ConfigFileException e) {
                return ProblemList.notReady(spec, this.config, e);
            }
        } else if (trainFile == null) {
            throw new UsageException("say which model to measure: --train FILE to train one, or --config DIR for a "
                    + "config directory's");
        }
        TrainingData test = reader.read(testFile);
        TrainingData train;
        TrainingResult r;
        CalibratedIntentModel model;
        String modelSource;
        if (trainFile != null) {
            train = reader.read(trainFile);
            if (perClass > 0) {
                train = train.samplePerLabel(perClass, config.seed());
            }
            if (encoder.requested()) {
                return EncoderEvaluation.run(encoder, reader, config, train, test, perClass, trainFile, testFile,
                        groupColumn, out, json, w);
            }
            r = ClassifierOptions.train(config, train, spec);
            model = r.model();
            modelSource = trainFile.toString();
        } else {
            if (encoder.requested()) {
                throw new UsageException("--encoder trains the encoder tier on a --train file");
            }
            if (perClass > 0) {
                throw new UsageException("--per-class samples a --train file; the directory's model is used as it is");
            }
            r = null;
            train = setup.trainingData().orElse(null);
            model = setup.model();
            modelSource = setup.trainingData().isPresent()
                    ? "model of " + this.config + ", trained from " + setup.path(ConfigDirectory.File.TRAINING_DATA)
                    : "model of " + this.config + ", " + setup.path(ConfigDirectory.File.MODEL);
        }
        Set<String> categories = setup == null ? null : setup.taxonomy().categories().stream()
                .map(c -> c.id()).collect(Collectors.toSet());
        long notInTaxonomy = categories == null ? 0
                : test.examples().stream().filter(x -> !categories.contains(x.label())).count();
        double threshold = this.threshold != null ? this.threshold : model.abstainThreshold();
        long t0 = System.nanoTime();
        Evaluation e = Evaluation.of(model, test.examples(), threshold);
        double predictMicros = (System.nanoTime() - t0) / 1e3 / Math.max(1, test.size());
        long unseen = test.examples().stream().filter(x -> !model.labels().contains(x.label())).count();
        Map<String, double[]> groups = groups(reader, test, e);

        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("train", modelSource);
            out.put("test", testFile.toString());
            out.put("n", e.n());
            out.put("trainExamples", train == null ? null : train.size());
            out.put("labels", model.labels().size());
            out.put("accuracy", round(e.accuracy()));
            out.put("macroF1", round(e.macroF1()));
            out.put("threshold", round(threshold));
            out.put("abstainRate", round(e.abstainRate()));
            out.put("accuracyOnAnswered", round(e.accuracyOnAnswered()));
            out.put("heldOutAccuracy", r == null ? null : round(r.heldOutAccuracy()));
            out.put("trainSeconds", round((r == null ? setup.trainTime() : r.duration()).toNanos() / 1e9));
            out.put("predictMicrosPerText", round(predictMicros));
            out.put("testExamplesWithUnseenLabel", unseen);
            if (setup != null) {
                out.put("testExamplesWithLabelNotInTaxonomy", notInTaxonomy);
            }
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
                out.put("accuracyBy" + groupColumn, g);
            }
            w.println(JsonCodec.toJson(out));
            return 0;
        }
        if (train != null) {
            w.printf(Locale.ROOT, "train             %s: %d examples, %d labels%s%n", modelSource, train.size(),
                    model.labels().size(), perClass > 0 ? " (" + perClass + " per label, seed " + config.seed() + ")"
                            : "");
        } else {
            w.printf(Locale.ROOT, "model             %s: %d labels%n", modelSource, model.labels().size());
        }
        w.printf(Locale.ROOT, "test              %s: %d examples%s%n", testFile, e.n(),
                unseen > 0 ? " (" + unseen + " with a label the model lacks)" : "");
        if (setup != null) {
            w.printf(Locale.ROOT, "taxonomy          %s: %d categories%s%n", setup.path(ConfigDirectory.File.TAXONOMY),
                    categories.size(), notInTaxonomy > 0 ? " (" + notInTaxonomy + " test examples with a label the "
                            + "taxonomy lacks)" : ", every test label is one");
        }
        if (r != null) {
            w.printf(Locale.ROOT, "training time     %.2f s (%d-fold calibration included)%n",
                    r.duration().toNanos() / 1e9, config.calibrationFolds());
            w.printf(Locale.ROOT, "held-out estimate %s (cross-validation on the training file)%n",
                    ClassifierOptions.pct(r.heldOutAccuracy()));
        }
        w.printf(Locale.ROOT, "accuracy          %s%n", ClassifierOptions.pct(e.accuracy()));
        w.printf(Locale.ROOT, "macro-F1          %s%n", ClassifierOptions.pct(e.macroF1()));
        w.printf(Locale.ROOT, "threshold         %.3f%s%n", threshold,
                this.threshold != null ? "" : " (picked on training cross-validation for precision "
                        + config.targetPrecision() + ")");
        w.printf(Locale.ROOT, "abstain rate      %s%n", ClassifierOptions.pct(e.abstainRate()));
        w.printf(Locale.ROOT, "acc. on answered  %s%n", ClassifierOptions.pct(e.accuracyOnAnswered()));
        w.printf(Locale.ROOT, "predict           %.1f µs per text (wall time incl. JIT warm-up; see IntentModelBench)%n", predictMicros);
        groups.forEach((k, v) -> w.printf(Locale.ROOT, "  %s = %-10s accuracy %s on %d%n",
                groupColumn, k, ClassifierOptions.pct(v[0] / v[1]), (long) v[1]));
        w.println("top confusions (true -> predicted: count)");
        for (Evaluation.Confusion c : e.topConfusions(10)) {
            w.printf(Locale.ROOT, "  %s -> %s: %d%n", c.gold(), c.predicted(), c.count());
        }
        return 0;
    }

    /**
     * Accuracy per value of {@code --group-column} of the test file (for example its language).
     */
    private Map<String, double[]> groups(TrainingDataReader reader, TrainingData test, Evaluation e) {
        Map<String, double[]> out = new TreeMap<>();
        if (groupColumn == null) {
            return out;
        }
        List<String> group = groupOfEachRow(reader, groupColumn, testFile, test);
        for (int i = 0; i < test.size(); i++) {
            double[] acc = out.computeIfAbsent(group.get(i), k -> new double[2]);
            acc[0] += e.predictions().get(i).correct() ? 1 : 0;
            acc[1]++;
        }
        return out;
    }

    /**
     * The {@code groupColumn} value of each row of {@code test}, in order: the test file is read a
     * second time with that column as the label, row by row in step.
     */
    static List<String> groupOfEachRow(TrainingDataReader reader, String groupColumn, Path testFile,
            TrainingData test) {
        TrainingData byGroup = TrainingDataReader.builder().textColumns(reader.textColumns())
                .labelColumn(groupColumn).build().read(testFile);
        if (byGroup.size() != test.size()) {
            throw new UsageException("--group-column " + groupColumn + " is blank in some rows; cannot group");
        }
        return byGroup.examples().stream().map(x -> x.label()).toList();
    }
}

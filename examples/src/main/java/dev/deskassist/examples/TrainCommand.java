package dev.deskassist.examples;

import dev.deskassist.core.triage.classify.LinearIntentModel;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import dev.deskassist.core.triage.classify.TrainingResult;
import dev.deskassist.core.config.ConfigFileException;
import dev.deskassist.core.adapter.ConfigSource;
import dev.deskassist.examples.cli.ProblemList;
import dev.deskassist.examples.config.ConfigDirectory;
import java.io.PrintWriter;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train}: trains the intent classifier on a labeled file and saves the model; with
 * {@code --config DIR}, the directory's training data into its model path unless {@code --data}
 * or {@code --out} say otherwise.
 */
@Command(name = "train", sortOptions = false,
        description = "Train the category classifier on a labeled file (CSV or JSON lines) and save the model.",
        footerHeading = "%n", footer = "Tuning defaults were chosen by cross-validation on the Banking77 training "
        + "file. Progress goes to standard error.")
final class TrainCommand implements Callable<Integer> {

    private final Map<String, String> env;

    TrainCommand() {
        this(System.getenv());
    }

    /** With the environment given (it may override the config directory's keys), for tests. */
    TrainCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", description = "The labeled training file (required without "
            + "--config).")
    Path data;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to save the model (default: the config directory's deskassist.model, else model.bin; "
                    + "with --task sentiment sentiment.model).")
    Path out;

    @Option(names = "--config", paramLabel = "DIR", description = "A config directory: train on its training data "
            + "(deskassist.trainingData) and save to its model path (deskassist.model, default model.bin).")
    Path config;

    /** What the model learns. */
    enum Task { intent, sentiment }

    @Option(names = "--task", paramLabel = "intent|sentiment", defaultValue = "intent",
            description = "intent (default): the category classifier; sentiment: a sentiment model from messages "
                    + "labeled negative, neutral, positive, blended with the lexicon by cross-validation.")
    Task task;

    @Option(names = "--language", split = ",", paramLabel = "L",
            description = "With --task sentiment: the languages of the messages; others stay on the lexicon "
                    + "(default: any).")
    Set<String> languages = new TreeSet<>();

    @Option(names = "--with-corrections", paramLabel = "FILE",
            description = "Also learn from the corrections file serve writes (deskassist.correctionsFile): "
                    + "categories agents changed, with pseudonymized text.")
    Path corrections;

    @Mixin
    ClassifierOptions options;

    // encoder tier (issue 15): all of its logic lives in EncoderEvaluation
    @Mixin
    EncoderOptions encoder;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        if (config != null) {
            if (task == Task.sentiment) {
                throw new UsageException("--config trains the directory's intent model; for --task sentiment give "
                        + "--data and --out");
            }
            UsageException.requireConfigDirectory(config);
            try {
                data = data != null ? data : ConfigDirectory.path(config, env, ConfigDirectory.File.TRAINING_DATA);
                out = out != null ? out : ConfigDirectory.path(config, env, ConfigDirectory.File.MODEL);
            } catch (ConfigFileException e) {
                return ProblemList.notReady(spec, config, e);
            }
        }
        if (data == null) {
            throw new UsageException("say what to train on: --data FILE, or --config DIR for a config directory's "
                    + "training data");
        }
        if (task == Task.sentiment) {
            return SentimentTraining.run(data, out != null ? out : Path.of("sentiment.model"), options,
                    languages.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).filter(l -> !l.isEmpty())
                            .collect(Collectors.toSet()), w);
        }
        if (out == null) {
            out = Path.of("model.bin");
        }
        TrainingData train = options.reader().read(data);
        if (corrections != null) {
            // serve writes corrections with the library's own columns, whatever the training file uses
            train = train.merge(TrainingDataReader.defaults().read(corrections));
        }
        TrainerConfig trainer = options.trainerConfig();
        if (encoder.requested()) {
            return EncoderEvaluation.train(encoder, trainer, train, out, w);
        }
        TrainingResult r = ClassifierOptions.train(trainer, train, spec);
        r.model().save(out);
        LinearIntentModel m = r.model();
        w.printf(Locale.ROOT, "examples          %d (%d rows skipped: blank text or label%s)%n", train.size(),
                train.skippedRows(), train.skippedLines().isEmpty() ? "" : ", first at lines " + train.skippedLines());
        w.printf(Locale.ROOT, "labels            %d%n", m.labels().size());
        w.printf(Locale.ROOT, "features          %d%n", m.featureCount());
        w.printf(Locale.ROOT, "training time     %.2f s (cross-validation included)%n",
                r.duration().toNanos() / 1e9);
        w.printf(Locale.ROOT, "held-out accuracy %s (%d-fold cross-validation on the training file)%n",
                ClassifierOptions.pct(r.heldOutAccuracy()), trainer.calibrationFolds());
        w.printf(Locale.ROOT, "temperature       %.3f%n", m.temperature());
        w.printf(Locale.ROOT, "abstain threshold %.3f (held-out: %s abstain, %s accurate on the rest)%n",
                m.abstainThreshold(), ClassifierOptions.pct(r.heldOutEvaluation().abstainRate()),
                ClassifierOptions.pct(r.heldOutEvaluation().accuracyOnAnswered()));
        w.printf(Locale.ROOT, "model             %s (%s, %d bytes)%n", out, m.version(), Files.size(out));
        ConfigSource source = config == null ? null : ConfigDirectory.source(config, env);
        if (source != null && source.get(ConfigDirectory.File.TRAINING_DATA.key()) != null
                && source.get(ConfigDirectory.File.MODEL.key()) == null) {
            w.println("note: " + config + " still trains at start from " + ConfigDirectory.File.TRAINING_DATA.key()
                    + "; to start from this model, set " + ConfigDirectory.File.MODEL.key() + "="
                    + relative(config, out) + " and remove " + ConfigDirectory.File.TRAINING_DATA.key()
                    + " in its deskassist.properties");
        }
        return 0;
    }

    private static String relative(Path dir, Path file) {
        try {
            return dir.relativize(file).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toAbsolutePath().toString();
        }
    }
}

package dev.deskassist.examples;

import dev.deskassist.core.triage.classify.IntentTrainer;
import dev.deskassist.core.triage.classify.LinearIntentModel;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code train}: trains the intent classifier on a labeled file and saves the model. */
final class TrainCommand implements Command {

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train the category classifier: --data FILE [--text-column C] [--label-column C] [--out model.bin]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        if (args.contains("--help")) {
            System.out.println("usage: train --data FILE [--out model.bin] [options]\n" + ClassifierOptions.HELP
                    + "\n" + EncoderEvaluation.HELP); // encoder tier (issue 15)
            return 0;
        }
        Args a = Args.parse(args, ClassifierOptions.FLAGS);
        Path data = Path.of(a.require("data"));
        Path out = Path.of(a.get("out").orElse("model.bin"));
        TrainingData train = ClassifierOptions.reader(a).read(data);
        TrainerConfig config = ClassifierOptions.trainerConfig(a);
        // encoder tier (issue 15): all of its logic lives in EncoderEvaluation
        if (a.get("encoder").isPresent()) {
            return EncoderEvaluation.train(a, config, train, out);
        }
        TrainingResult r = new IntentTrainer(config).train(train);
        r.model().save(out);
        LinearIntentModel m = r.model();
        System.out.printf(Locale.ROOT, "examples          %d (%d rows skipped: blank text or label%s)%n", train.size(),
                train.skippedRows(), train.skippedLines().isEmpty() ? "" : ", first at lines " + train.skippedLines());
        System.out.printf(Locale.ROOT, "labels            %d%n", m.labels().size());
        System.out.printf(Locale.ROOT, "features          %d%n", m.featureCount());
        System.out.printf(Locale.ROOT, "training time     %.2f s (cross-validation included)%n",
                r.duration().toNanos() / 1e9);
        System.out.printf(Locale.ROOT, "held-out accuracy %s (%d-fold cross-validation on the training file)%n",
                ClassifierOptions.pct(r.heldOutAccuracy()), config.calibrationFolds());
        System.out.printf(Locale.ROOT, "temperature       %.3f%n", m.temperature());
        System.out.printf(Locale.ROOT, "abstain threshold %.3f (held-out: %s abstain, %s accurate on the rest)%n",
                m.abstainThreshold(), ClassifierOptions.pct(r.heldOutEvaluation().abstainRate()),
                ClassifierOptions.pct(r.heldOutEvaluation().accuracyOnAnswered()));
        System.out.printf(Locale.ROOT, "model             %s (%s, %d bytes)%n", out, m.version(), Files.size(out));
        return 0;
    }
}

package dev.deskassist.examples;

import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.sentiment.LexiconSentimentAnalyzer;
import dev.deskassist.core.triage.sentiment.SentimentModel;
import dev.deskassist.core.triage.sentiment.SentimentTrainer;
import dev.deskassist.core.triage.sentiment.SentimentTrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * {@code train --task sentiment}: trains a sentiment model on the team's own labeled messages
 * (labels negative, neutral, positive) and saves it for {@code TrainedSentimentAnalyzer}.
 */
final class SentimentTraining {

    private SentimentTraining() {
    }

    /**
     * Trains and saves the model; the columns and trainer settings are {@code train}'s, with 5
     * folds unless {@code --folds} was given (the blend weight is chosen on them).
     */
    static int run(Path data, Path out, ClassifierOptions options, Set<String> languages, PrintWriter w)
            throws Exception {
        TrainingData train = options.reader().read(data);
        TrainerConfig config = options.trainerConfig();
        if (!options.foldsGiven()) {
            config = config.toBuilder().calibrationFolds(5).build();
        }
        SentimentTrainingResult r = new SentimentTrainer(config, LexiconSentimentAnalyzer.defaults())
                .train(train, languages);
        SentimentModel m = r.model();
        m.save(out);
        w.printf(Locale.ROOT, "examples          %d (%d rows skipped: blank text or label)%n", train.size(),
                train.skippedRows());
        w.printf(Locale.ROOT, "labels            %s%n", m.classifier().labels());
        w.printf(Locale.ROOT, "languages         %s%n", languages.isEmpty() ? "any" : languages);
        w.printf(Locale.ROOT, "held-out macro-F1 lexicon %.4f, classifier %.4f, blend %.4f (%d-fold "
                + "cross-validation on the training file)%n", r.heldOutMacroF1Lexicon(), r.heldOutMacroF1Classifier(),
                r.heldOutMacroF1Blend(), config.calibrationFolds());
        w.printf(Locale.ROOT, "lexicon weight    %.1f, label bias %s%n", m.lexiconWeight(),
                Arrays.toString(m.labelBias()));
        w.printf(Locale.ROOT, "training time     %.2f s%n", r.duration().toNanos() / 1e9);
        w.printf(Locale.ROOT, "model             %s (%s, %d bytes)%n", out, m.version(), Files.size(out));
        return 0;
    }
}

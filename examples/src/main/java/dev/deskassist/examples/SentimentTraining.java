package dev.deskassist.examples;

import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import dev.deskassist.core.triage.sentiment.LexiconSentimentAnalyzer;
import dev.deskassist.core.triage.sentiment.SentimentModel;
import dev.deskassist.core.triage.sentiment.SentimentTrainer;
import dev.deskassist.core.triage.sentiment.SentimentTrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code train --task sentiment}: trains a sentiment model on the team's own labeled messages
 * (labels negative, neutral, positive) and saves it for {@code TrainedSentimentAnalyzer}.
 */
final class SentimentTraining {

    static final String HELP = """
            usage: train --task sentiment --data FILE [--out sentiment.model] [--language de[,en]] [options]
              --label-column C       column with negative/neutral/positive (default: sentiment)
              --language L[,L2]      languages of the messages; others are left to the lexicon (default: any)
            the classifier options of train apply; --folds defaults to 5 (the blend weight is chosen on them)""";

    private SentimentTraining() {
    }

    /** Whether {@code --task} asks for a sentiment model; the default task is the intent classifier. */
    static boolean requested(Args a) {
        String task = a.get("task").orElse("intent");
        if (!task.equals("intent") && !task.equals("sentiment")) {
            throw new UsageException("--task must be intent or sentiment, not " + task);
        }
        return task.equals("sentiment");
    }

    static int run(Args a) throws Exception {
        Path data = Path.of(a.require("data"));
        Path out = Path.of(a.get("out").orElse("sentiment.model"));
        List<String> text = Arrays.stream(a.get("text-column").orElse("text").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        TrainingData train = TrainingDataReader.builder().textColumns(text)
                .labelColumn(a.get("label-column").orElse("sentiment")).build().read(data);
        TrainerConfig config = ClassifierOptions.trainerConfig(a);
        if (a.get("folds").isEmpty()) {
            config = config.toBuilder().calibrationFolds(5).build();
        }
        Set<String> languages = Arrays.stream(a.get("language").orElse("").split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        SentimentTrainingResult r = new SentimentTrainer(config, LexiconSentimentAnalyzer.defaults())
                .train(train, languages);
        SentimentModel m = r.model();
        m.save(out);
        System.out.printf(Locale.ROOT, "examples          %d (%d rows skipped: blank text or label)%n", train.size(),
                train.skippedRows());
        System.out.printf(Locale.ROOT, "labels            %s%n", m.classifier().labels());
        System.out.printf(Locale.ROOT, "languages         %s%n", languages.isEmpty() ? "any" : languages);
        System.out.printf(Locale.ROOT, "held-out macro-F1 lexicon %.4f, classifier %.4f, blend %.4f (%d-fold "
                + "cross-validation on the training file)%n", r.heldOutMacroF1Lexicon(), r.heldOutMacroF1Classifier(),
                r.heldOutMacroF1Blend(), config.calibrationFolds());
        System.out.printf(Locale.ROOT, "lexicon weight    %.1f, label bias %s%n", m.lexiconWeight(),
                Arrays.toString(m.labelBias()));
        System.out.printf(Locale.ROOT, "training time     %.2f s%n", r.duration().toNanos() / 1e9);
        System.out.printf(Locale.ROOT, "model             %s (%s, %d bytes)%n", out, m.version(), Files.size(out));
        return 0;
    }
}

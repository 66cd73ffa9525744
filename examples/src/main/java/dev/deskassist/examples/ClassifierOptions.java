package dev.deskassist.examples;

import dev.deskassist.core.triage.classify.FeatureConfig;
import dev.deskassist.core.triage.classify.IntentTrainer;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import dev.deskassist.core.triage.classify.TrainingResult;
import dev.deskassist.examples.cli.Progress;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Options shared by {@code train} and {@code evaluate}: columns, and the trainer's settings. The
 * column defaults are the library's ({@link TrainingDataReader.Builder}), so that the shipped
 * sample trains without options.
 */
final class ClassifierOptions {

    private static final TrainingDataReader LIBRARY_DEFAULTS = TrainingDataReader.builder().build();

    @Option(names = "--text-column", split = ",", paramLabel = "C",
            description = "Column(s) or key(s) with the text, joined in order (default: ${DEFAULT-VALUE}).")
    List<String> textColumns = LIBRARY_DEFAULTS.textColumns();

    @Option(names = "--label-column", paramLabel = "C", description = "Column or key with the label (default: ${DEFAULT-VALUE}).")
    String labelColumn = LIBRARY_DEFAULTS.labelColumn();

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random choice (default: 42).")
    Long seed;

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs.")
    Integer epochs;

    @Option(names = "--lr", paramLabel = "X", description = "Learning rate.")
    Double learningRate;

    @Option(names = "--l2", split = ",", paramLabel = "X",
            description = "L2 regularization; several values: chosen by cross-validation on the training file.")
    List<Double> l2;

    @Option(names = "--prior-weight", paramLabel = "X",
            description = "Extra log-prior on the scores (default: chosen by cross-validation).")
    Double priorWeight;

    @Option(names = "--max-abstain", paramLabel = "R",
            description = "Largest held-out share the abstain threshold may send to a human (default: 0.5).")
    Double maxAbstain;

    @Option(names = "--folds", paramLabel = "N", description = "Cross-validation folds for calibration.")
    Integer folds;

    @Option(names = "--char-ngrams", paramLabel = "MIN-MAX|none", description = "Character n-gram lengths, or none.")
    String charNgrams;

    @Option(names = "--char-weight", paramLabel = "X", description = "Weight of character n-grams.")
    Float charWeight;

    @Option(names = "--min-count", paramLabel = "N", description = "Minimum count of a feature.")
    Integer minCount;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Tokens read per text.")
    Integer maxTokens;

    @Option(names = "--augment", paramLabel = "N", description = "Word-dropout copies per example.")
    Integer augment;

    @Option(names = "--target-precision", paramLabel = "P", description = "Precision the abstain threshold aims at.")
    Double targetPrecision;

    @Option(names = "--nb-weight", paramLabel = "X",
            description = "Naive Bayes blend weight (default: chosen by cross-validation).")
    Double nbWeight;

    @Option(names = "--nb-alpha", paramLabel = "X", description = "Naive Bayes smoothing.")
    Double nbAlpha;

    @Option(names = "--no-bigrams", description = "No word bigrams.")
    boolean noBigrams;

    @Option(names = "--no-unigrams", description = "No word unigrams.")
    boolean noUnigrams;

    @Option(names = "--no-idf", description = "No IDF weighting.")
    boolean noIdf;

    @Option(names = "--stem", description = "Strip common suffixes.")
    boolean stem;

    @Option(names = "--balanced", description = "Weight classes inversely to their frequency.")
    boolean balanced;

    TrainingDataReader reader() {
        List<String> text = textColumns.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (text.isEmpty()) {
            throw new UsageException("--text-column needs at least one column name");
        }
        return TrainingDataReader.builder().textColumns(text).labelColumn(labelColumn.strip()).build();
    }

    /** The trainer's settings: the library's defaults (chosen by cross-validation on Banking77) with the options given. */
    /** Whether {@code --folds} was given (sentiment training defaults to 5 folds otherwise). */
    boolean foldsGiven() {
        return folds != null;
    }

    TrainerConfig trainerConfig() {
        FeatureConfig.Builder f = FeatureConfig.defaults().toBuilder();
        if (charNgrams != null) {
            if (charNgrams.equalsIgnoreCase("none")) {
                f.charNgrams(0, 0);
            } else {
                String[] p = charNgrams.split("-");
                try {
                    f.charNgrams(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
                } catch (RuntimeException e) {
                    throw new UsageException("--char-ngrams takes MIN-MAX or none, not " + charNgrams);
                }
            }
        }
        if (noBigrams) {
            f.wordBigrams(false);
        }
        if (noUnigrams) {
            f.wordUnigrams(false);
        }
        if (noIdf) {
            f.idf(false);
        }
        if (stem) {
            f.stemSuffixes(true);
        }
        if (charWeight != null) {
            f.charWeight(charWeight);
        }
        if (minCount != null) {
            f.minCount(minCount);
        }
        if (maxTokens != null) {
            f.maxTokens(maxTokens);
        }
        TrainerConfig.Builder t = TrainerConfig.defaults().toBuilder();
        try {
            t.features(f.build());
            if (epochs != null) {
                t.epochs(epochs);
            }
            if (learningRate != null) {
                t.learningRate(learningRate);
            }
            if (l2 != null && !l2.isEmpty()) {
                t.l2(l2.get(0));
                if (l2.size() > 1) {
                    t.l2Candidates(l2);
                }
            }
            if (priorWeight != null) {
                t.priorWeight(priorWeight);
            }
            if (maxAbstain != null) {
                t.maxAbstainRate(maxAbstain);
            }
            if (seed != null) {
                t.seed(seed);
            }
            if (folds != null) {
                t.calibrationFolds(folds);
            }
            if (augment != null) {
                t.augmentCopies(augment);
            }
            if (nbWeight != null) {
                t.naiveBayesWeight(nbWeight);
            }
            if (nbAlpha != null) {
                t.naiveBayesSmoothing(nbAlpha);
            }
            if (targetPrecision != null) {
                t.targetPrecision(targetPrecision);
            }
            if (balanced) {
                t.classBalanced(true);
            }
            return t.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Trains the n-gram classifier, showing the trainer's progress on the command's standard error. */
    static TrainingResult train(TrainerConfig config, TrainingData data, CommandSpec spec) {
        try (Progress progress = Progress.start(spec.qualifiedName(), 1, spec.commandLine().getErr())) {
            return new IntentTrainer(config).train(data, (done, total) -> {
                progress.total(total);
                progress.update(done);
            });
        }
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v * 100);
    }
}

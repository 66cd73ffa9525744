package dev.deskassist.examples;

import dev.deskassist.core.triage.classify.FeatureConfig;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingDataReader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Options shared by {@code train} and {@code evaluate}: columns, and the trainer's settings. */
final class ClassifierOptions {

    static final Set<String> FLAGS = Set.of("json", "no-bigrams", "no-unigrams", "stem", "balanced", "no-idf");

    static final String HELP = """
              --text-column C[,C2]   column(s) with the text, joined in order (default: text)
              --label-column C       column with the label (default: category)
              --seed S               seed of every random choice (default 42)
            tuning (defaults were chosen by cross-validation on the Banking77 training file):
              --l2 X[,X2...] (several: chosen by cross-validation; default 1e-5)
              --prior-weight X (extra log-prior on the scores; default: chosen by cross-validation)
              --max-abstain R (largest held-out share the abstain threshold may send to a human; 0.5)
              --epochs N  --lr X  --folds N  --char-ngrams MIN-MAX|none  --char-weight X
              --min-count N  --augment N  --target-precision P  --no-bigrams  --stem  --balanced
              --nb-weight X (naive Bayes blend; default: chosen by cross-validation)  --nb-alpha X""";

    private ClassifierOptions() {
    }

    static TrainingDataReader reader(Args a) {
        List<String> text = Arrays.stream(a.get("text-column").orElse("text").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return TrainingDataReader.builder().textColumns(text).labelColumn(a.get("label-column").orElse("category"))
                .build();
    }

    static TrainerConfig trainerConfig(Args a) {
        FeatureConfig.Builder f = FeatureConfig.defaults().toBuilder();
        a.get("char-ngrams").ifPresent(v -> {
            if (v.equalsIgnoreCase("none")) {
                f.charNgrams(0, 0);
            } else {
                String[] p = v.split("-");
                if (p.length != 2) {
                    throw new UsageException("--char-ngrams takes MIN-MAX or none, not " + v);
                }
                f.charNgrams(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            }
        });
        if (a.flag("no-bigrams")) {
            f.wordBigrams(false);
        }
        if (a.flag("no-unigrams")) {
            f.wordUnigrams(false);
        }
        if (a.flag("no-idf")) {
            f.idf(false);
        }
        if (a.flag("stem")) {
            f.stemSuffixes(true);
        }
        a.get("char-weight").ifPresent(v -> f.charWeight((float) number(v, "char-weight")));
        a.get("min-count").ifPresent(v -> f.minCount((int) number(v, "min-count")));
        a.get("max-tokens").ifPresent(v -> f.maxTokens((int) number(v, "max-tokens")));
        TrainerConfig.Builder t = TrainerConfig.defaults().toBuilder();
        try {
            t.features(f.build());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        a.get("epochs").ifPresent(v -> t.epochs((int) number(v, "epochs")));
        a.get("lr").ifPresent(v -> t.learningRate(number(v, "lr")));
        a.get("l2").ifPresent(v -> {
            List<Double> l2s = Arrays.stream(v.split(",")).map(x -> number(x.strip(), "l2")).toList();
            t.l2(l2s.get(0));
            if (l2s.size() > 1) {
                t.l2Candidates(l2s);
            }
        });
        a.get("prior-weight").ifPresent(v -> t.priorWeight(number(v, "prior-weight")));
        a.get("max-abstain").ifPresent(v -> t.maxAbstainRate(number(v, "max-abstain")));
        a.get("seed").ifPresent(v -> t.seed((long) number(v, "seed")));
        a.get("folds").ifPresent(v -> t.calibrationFolds((int) number(v, "folds")));
        a.get("augment").ifPresent(v -> t.augmentCopies((int) number(v, "augment")));
        a.get("nb-weight").ifPresent(v -> t.naiveBayesWeight(number(v, "nb-weight")));
        a.get("nb-alpha").ifPresent(v -> t.naiveBayesSmoothing(number(v, "nb-alpha")));
        a.get("target-precision").ifPresent(v -> t.targetPrecision(number(v, "target-precision")));
        if (a.flag("balanced")) {
            t.classBalanced(true);
        }
        try {
            return t.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static double number(String v, String name) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a number, not " + v);
        }
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v * 100);
    }
}

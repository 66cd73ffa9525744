package dev.deskassist.core.triage.sentiment;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.classify.Example;
import dev.deskassist.core.triage.classify.IntentTrainer;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataException;
import dev.deskassist.core.triage.classify.TrainingResult;
import dev.deskassist.core.triage.classify.internal.Probabilities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link SentimentModel} on labeled messages (labels negative, neutral, positive, any
 * case) with the intent classifier's trainer, then chooses the lexicon blend weight by the
 * macro-F1 of the trainer's out-of-fold probabilities: the cross-validation on the training data
 * that also calibrates the classifier, so no message is scored by a model that saw it.
 *
 * <pre>{@code
 * TrainingData data = TrainingDataReader.builder().labelColumn("sentiment").build().read(file);
 * SentimentModel model = SentimentTrainer.defaults().train(data, Set.of("de")).model();
 * model.save(Path.of("sentiment.model"));
 * }</pre>
 */
public final class SentimentTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(SentimentTrainer.class);
    private static final double[] LEXICON_WEIGHTS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};
    private static final double[] BIASES = new double[21];

    static {
        for (int i = 0; i < BIASES.length; i++) {
            BIASES[i] = (i - 10) / 10.0;
        }
    }

    private final TrainerConfig config;
    private final LexiconSentimentAnalyzer lexicon;

    public SentimentTrainer(TrainerConfig config, LexiconSentimentAnalyzer lexicon) {
        this.config = Objects.requireNonNull(config, "config");
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /**
     * The classifier's defaults with a 5-fold cross-validation (more held-out messages for the
     * blend weight), blended with the shipped lexicons.
     */
    public static SentimentTrainer defaults() {
        // The single L2 strength the blend and label biases were designed with; the classifier's
        // default L2 grid is meant for noisy ticket queues.
        return new SentimentTrainer(TrainerConfig.defaults().toBuilder().calibrationFolds(5).l2(1e-5).build(),
                LexiconSentimentAnalyzer.defaults());
    }

    /**
     * Trains on all of {@code data}, for texts in {@code languages} (lower-case ISO codes; empty:
     * any language, the lexicon then reads each text in the language it is given).
     *
     * @throws TrainingDataException if a label is not negative, neutral or positive, or fewer than
     *                               two of them occur
     */
    public SentimentTrainingResult train(TrainingData data, Set<String> languages) {
        long start = System.nanoTime();
        List<Example> examples = new ArrayList<>(data.size());
        for (Example e : data.examples()) {
            String label = e.label().strip().toLowerCase(Locale.ROOT);
            if (!SentimentModel.LABELS.contains(label)) {
                // the label is a category name, not ticket text, so it may be quoted
                throw new TrainingDataException(data.source(), 0, "sentiment label '" + e.label()
                        + "' is not one of " + SentimentModel.LABELS);
            }
            examples.add(new Example(e.text(), label));
        }
        TrainingResult r = new IntentTrainer(config).train(TrainingData.of(data.source(), examples));
        List<String> modelLabels = new ArrayList<>(r.model().labels());
        String language = languages.size() == 1 ? languages.iterator().next() : null;

        List<double[]> modelP = new ArrayList<>();
        List<Decision<Sentiment>> lex = new ArrayList<>();
        List<Integer> gold = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            double[] p = i < r.heldOutProbabilities().size() ? r.heldOutProbabilities().get(i) : null;
            if (p == null) {
                continue;
            }
            double[] full = new double[SentimentModel.LABELS.size()];
            for (int c = 0; c < modelLabels.size(); c++) {
                full[SentimentModel.LABELS.indexOf(modelLabels.get(c))] = p[c];
            }
            modelP.add(full);
            lex.add(lexicon.analyze(examples.get(i).text(), language));
            gold.add(SentimentModel.LABELS.indexOf(examples.get(i).label()));
        }
        List<double[]> lexP = new ArrayList<>(lex.size());
        lex.forEach(d -> lexP.add(TrainedSentimentAnalyzer.lexiconDistribution(d)));
        double[] zero = new double[SentimentModel.LABELS.size()];
        double lexiconF1 = macroF1(modelP, lexP, gold, 1, zero);
        double classifierF1 = macroF1(modelP, lexP, gold, 0, zero);
        double best = 0;
        double[] bestBias = zero;
        double bestF1 = -1;
        int k = SentimentModel.LABELS.size();
        double[][] logBlend = new double[modelP.size()][k];
        MacroF1 f1 = new MacroF1(k);
        for (double w : LEXICON_WEIGHTS) {
            for (int i = 0; i < logBlend.length; i++) {
                for (int c = 0; c < k; c++) {
                    logBlend[i][c] = Math.log((1 - w) * modelP.get(i)[c] + w * lexP.get(i)[c]);
                }
            }
            // neutral stays at 0: only the ratios of the three factors matter
            for (double bNeg : BIASES) {
                for (double bPos : BIASES) {
                    double[] bias = {bNeg, 0, bPos};
                    f1.clear();
                    for (int i = 0; i < logBlend.length; i++) {
                        f1.add(gold.get(i), argmax(logBlend[i], bias));
                    }
                    double value = f1.value();
                    // on a tie the earlier (smaller) lexicon weight stays, and the smaller bias wins
                    boolean tie = Math.abs(value - bestF1) < 1e-12;
                    if (value > bestF1 + 1e-12 || tie && w == best && Math.abs(bNeg) + Math.abs(bPos)
                            < Math.abs(bestBias[0]) + Math.abs(bestBias[2])) {
                        bestF1 = value;
                        best = w;
                        bestBias = bias;
                    }
                }
            }
        }
        SentimentModel model = new SentimentModel(r.model(), best, languages, bestBias);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("trained sentiment model {} on {} examples in {} ms; cross-validated macro-F1: lexicon {}, "
                + "classifier {}, blend {} at lexicon weight {}", model.version(), examples.size(), took.toMillis(),
                fmt(lexiconF1), fmt(classifierF1), fmt(bestF1), best + ", label bias " + Arrays.toString(bestBias));
        return new SentimentTrainingResult(model, lexiconF1, classifierF1, bestF1, took);
    }

    private static double macroF1(List<double[]> model, List<double[]> lexicon, List<Integer> gold, double weight,
            double[] bias) {
        MacroF1 f1 = new MacroF1(SentimentModel.LABELS.size());
        for (int i = 0; i < model.size(); i++) {
            double[] p = SentimentModel.decide(model.get(i), lexicon.get(i), weight, bias);
            f1.add(gold.get(i), Probabilities.argmax(p));
        }
        return f1.value();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static int argmax(double[] logP, double[] bias) {
        int top = 0;
        for (int c = 1; c < logP.length; c++) {
            if (logP[c] + bias[c] > logP[top] + bias[top]) {
                top = c;
            }
        }
        return top;
    }

    /** Macro-averaged F1 over the labels that occur in gold or predictions. */
    static final class MacroF1 {
        private final int[] tp;
        private final int[] goldCount;
        private final int[] predCount;

        MacroF1(int k) {
            tp = new int[k];
            goldCount = new int[k];
            predCount = new int[k];
        }

        void clear() {
            Arrays.fill(tp, 0);
            Arrays.fill(goldCount, 0);
            Arrays.fill(predCount, 0);
        }

        void add(int gold, int predicted) {
            goldCount[gold]++;
            predCount[predicted]++;
            if (gold == predicted) {
                tp[gold]++;
            }
        }

        double value() {
            double sum = 0;
            int labels = 0;
            for (int c = 0; c < tp.length; c++) {
                if (goldCount[c] + predCount[c] == 0) {
                    continue;
                }
                labels++;
                sum += 2.0 * tp[c] / (goldCount[c] + predCount[c]);
            }
            return labels == 0 ? 0 : sum / labels;
        }
    }
}

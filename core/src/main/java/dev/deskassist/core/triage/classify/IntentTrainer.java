package dev.deskassist.core.triage.classify;

import dev.deskassist.core.triage.classify.internal.Probabilities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.SortedSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link LinearIntentModel}: multinomial logistic regression over hashed sparse
 * features, optimized by AdaGrad (one adaptive step per feature row), blended with a multinomial
 * naive Bayes model on the same features; single-threaded and deterministic for the config's
 * seed. Before the final fit on all data, a stratified cross-validation on the training data
 * gives out-of-fold scores; these choose the L2 strength (among the config's candidates), the naive
 * Bayes weight and an extra log-prior weight, fit the softmax temperature (calibration) and the
 * abstain threshold (capped so that it answers most held-out texts even when labels are too noisy
 * for the target precision), measure the word coverage below which a text's answer leans to the
 * training label frequencies, and estimate accuracy. No test data is ever involved.
 *
 * <pre>{@code
 * TrainingResult r = new IntentTrainer(TrainerConfig.defaults()).train(data);
 * r.model().save(Path.of("intent.model"));
 * }</pre>
 */
public final class IntentTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(IntentTrainer.class);
    private static final double WORD_DROP = 0.2;

    private final TrainerConfig config;

    public IntentTrainer(TrainerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public TrainerConfig config() {
        return config;
    }

    /**
     * Trains on all examples of {@code data}.
     *
     * @throws TrainingDataException if the data has fewer than two labels
     */
    public TrainingResult train(TrainingData data) {
        return train(data, TrainingProgress.NONE);
    }

    /**
     * Trains on all examples of {@code data}, telling {@code progress} after each step.
     *
     * @throws TrainingDataException if the data has fewer than two labels
     */
    public TrainingResult train(TrainingData data, TrainingProgress progress) {
        Objects.requireNonNull(progress, "progress");
        long start = System.nanoTime();
        SortedSet<String> labelSet = data.labels();
        if (data.size() == 0) {
            throw new TrainingDataException(data.source(), 0, "no examples to train on");
        }
        if (labelSet.size() < 2) {
            throw new TrainingDataException(data.source(), 0, "only one label ('" + labelSet.first()
                    + "'); a classifier needs at least two");
        }
        if (labelSet.size() > LinearIntentModel.MAX_LABELS) {
            throw new TrainingDataException(data.source(), 0, labelSet.size() + " labels; at most "
                    + LinearIntentModel.MAX_LABELS + " are supported");
        }
        String[] labels = labelSet.toArray(new String[0]);
        Map<String, Integer> labelIds = new HashMap<>();
        for (int k = 0; k < labels.length; k++) {
            labelIds.put(labels[k], k);
        }
        List<Example> examples = data.examples();
        int n = examples.size();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = labelIds.get(examples.get(i).label());
        }
        Featurizer featurizer = new Featurizer(config.features());
        Featurizer.Scratch scratch = new Featurizer.Scratch();
        int[][] hashes = new int[n][];
        int[][][] augmented = new int[n][config.augmentCopies()][];
        Random augRandom = new Random(config.seed() ^ 0x5DEECE66DL);
        for (int i = 0; i < n; i++) {
            String text = examples.get(i).text();
            featurizer.extract(text, scratch);
            hashes[i] = scratch.out.toArray();
            for (int c = 0; c < config.augmentCopies(); c++) {
                featurizer.extract(dropWords(text, augRandom), scratch);
                augmented[i][c] = scratch.out.toArray();
            }
        }

        int folds = config.calibrationFolds();
        int fitsPerFold = Math.max(1, config.l2Candidates().size());
        Steps steps = new Steps(progress, 1 + (folds * fitsPerFold + 1) * config.epochs());
        steps.done();
        int[] fold = stratifiedFolds(y, labels.length, folds, new Random(config.seed()));
        double[] l2s = config.l2Candidates().isEmpty() ? new double[] {config.l2()}
                : config.l2Candidates().stream().mapToDouble(Double::doubleValue).toArray();
        double[][][] oofByL2 = new double[l2s.length][n][];
        double[][] oofNb = new double[n][];
        double[] coverage = new double[n];
        for (int f = 0; f < folds; f++) {
            IntList train = new IntList(n);
            IntList test = new IntList(n / folds + 1);
            for (int i = 0; i < n; i++) {
                (fold[i] == f ? test : train).add(i);
            }
            if (test.size == 0 || train.size == 0) {
                steps.skip(config.epochs() * fitsPerFold);
                continue;
            }
            Rows rows = rows(train.toArray(), hashes, augmented, y, labels.length);
            for (int c = 0; c < l2s.length; c++) {
                Fit fit = fit(rows, labels.length, config.seed() + 1 + f, l2s[c], steps);
                for (int t = 0; t < test.size; t++) {
                    int i = test.data[t];
                    oofByL2[c][i] = fit.logits(hashes[i], fit.weights, fit.bias);
                    if (c == 0) {
                        // naive Bayes does not depend on the L2 strength
                        oofNb[i] = fit.logits(hashes[i], fit.nbWeights, fit.nbBias);
                        coverage[i] = fit.scratch.wordCoverage;
                    }
                }
            }
        }
        // L2 strength and naive Bayes weight are chosen together; ties go to the earlier candidate.
        int bestL2 = 0;
        double nbWeight = 0;
        long bestRight = -1;
        for (int c = 0; c < l2s.length; c++) {
            double[] nbCandidates = config.naiveBayesWeight() >= 0 ? new double[] {config.naiveBayesWeight()} : NB_WEIGHTS;
            for (double beta : nbCandidates) {
                long right = correct(oofByL2[c], oofNb, null, 0, beta, y);
                if (right > bestRight) {
                    bestRight = right;
                    bestL2 = c;
                    nbWeight = beta;
                }
            }
        }
        double l2 = l2s[bestL2];
        double[][] oof = oofByL2[bestL2];
        for (int i = 0; i < n; i++) {
            if (oof[i] != null) {
                for (int c = 0; c < oof[i].length; c++) {
                    oof[i][c] += nbWeight * oofNb[i][c];
                }
            }
        }
        double[] logPrior = logPrior(y, labels.length);
        double priorWeight = config.priorWeight() >= 0 ? config.priorWeight() : choosePriorWeight(oof, logPrior, y);
        for (double[] z : oof) {
            if (z != null) {
                for (int c = 0; c < z.length; c++) {
                    z[c] += priorWeight * logPrior[c];
                }
            }
        }
        double temperature = fitTemperature(oof, y);
        float[] prior = new float[labels.length];
        for (int c = 0; c < prior.length; c++) {
            prior[c] = (float) Math.exp(logPrior[c]);
        }
        double coverageReference = coverageReference(oof, coverage);
        List<HeldOutPrediction> heldOut = new ArrayList<>(n);
        List<double[]> heldOutProbabilities = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (oof[i] == null) {
                heldOutProbabilities.add(null);
                continue;
            }
            double[] p = LinearIntentModel.towardPrior(Probabilities.softmax(oof[i], temperature), prior,
                    coverage[i], coverageReference);
            heldOutProbabilities.add(p);
            int top = Probabilities.argmax(p);
            heldOut.add(new HeldOutPrediction(labels[y[i]], labels[top], p[top]));
        }
        // Where the target precision is out of reach (noisy labels) it would send nearly every text
        // to a human; the cap keeps the model answering the texts it is surest of.
        double threshold = Math.min(AbstainThresholds.forPrecision(heldOut, config.targetPrecision()),
                AbstainThresholds.forAbstainRate(heldOut, config.maxAbstainRate()));

        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        Fit fit = fit(rows(all, hashes, augmented, y, labels.length), labels.length, config.seed(), l2, steps);
        // Both models are linear in the same features, so their blend is one weight matrix.
        for (int j = 0; j < fit.weights.length; j++) {
            fit.weights[j] += (float) (nbWeight * fit.nbWeights[j]);
        }
        for (int c = 0; c < fit.bias.length; c++) {
            fit.bias[c] += (float) (nbWeight * fit.nbBias[c] + priorWeight * logPrior[c]);
        }
        LinearIntentModel model = new LinearIntentModel(config.features(), fit.vocabulary, labels, fit.weights,
                fit.bias, (float) temperature, threshold, prior, (float) coverageReference);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        TrainingResult result = new TrainingResult(model, heldOut, took, heldOutProbabilities);
        LOG.info("trained {} on {} examples, {} labels, {} features in {} ms; cross-validated accuracy {}, "
                + "L2 {}, naive Bayes weight {}, prior weight {}, temperature {}, abstain threshold {}, coverage reference {}",
                model.version(), n, labels.length, model.featureCount(), took.toMillis(),
                String.format("%.4f", result.heldOutAccuracy()), l2, nbWeight, priorWeight,
                String.format("%.3f", temperature), String.format("%.3f", threshold),
                String.format("%.3f", coverageReference));
        return result;
    }

    /** A trained vocabulary with the weights of the logistic regression and of naive Bayes. */
    private static final class Fit {
        final Vocabulary vocabulary;
        final float[] weights;
        final float[] bias;
        final float[] nbWeights;
        final float[] nbBias;
        final Vocabulary.VecScratch scratch = new Vocabulary.VecScratch();

        Fit(Vocabulary vocabulary, float[] weights, float[] bias, float[] nbWeights, float[] nbBias) {
            this.vocabulary = vocabulary;
            this.weights = weights;
            this.bias = bias;
            this.nbWeights = nbWeights;
            this.nbBias = nbBias;
        }

        double[] logits(int[] hashes, float[] w, float[] b) {
            int n = vocabulary.vectorize(IntList.wrap(hashes), scratch);
            return LinearIntentModel.scores(scratch.idx, scratch.val, n, w, b, b.length);
        }
    }

    /** Share of held-out texts that know fewer of their words than the coverage reference. */
    static final double COVERAGE_QUANTILE = 0.05;

    /**
     * The word coverage of held-out texts at {@link #COVERAGE_QUANTILE}: a text that knows less of
     * its words than 95 % of the texts its scores were validated on gets answers leaning to the
     * prior. Held-out texts measure it honestly (a training text knows all its own words).
     */
    private static double coverageReference(double[][] oof, double[] coverage) {
        double[] seen = new double[coverage.length];
        int m = 0;
        for (int i = 0; i < coverage.length; i++) {
            if (oof[i] != null) {
                seen[m++] = coverage[i];
            }
        }
        if (m == 0) {
            return 0;
        }
        Arrays.sort(seen, 0, m);
        return seen[(int) Math.floor(COVERAGE_QUANTILE * (m - 1))];
    }

    private static final double[] NB_WEIGHTS = {0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1};

    private static final double[] PRIOR_WEIGHTS = {0, 0.25, 0.5, 1, 2};

    /** Out-of-fold texts whose top score is right for {@code lr + beta * nb + gamma * prior}. */
    private static long correct(double[][] lr, double[][] nb, double[] prior, double gamma, double beta, int[] y) {
        long right = 0;
        for (int i = 0; i < y.length; i++) {
            if (lr[i] == null) {
                continue;
            }
            int top = 0;
            double topScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < lr[i].length; c++) {
                double score = lr[i][c] + (nb == null ? 0 : beta * nb[i][c]) + (prior == null ? 0 : gamma * prior[c]);
                if (score > topScore) {
                    topScore = score;
                    top = c;
                }
            }
            right += top == y[i] ? 1 : 0;
        }
        return right;
    }

    /** The log-prior weight with the best out-of-fold accuracy; ties go to the smaller. */
    private static double choosePriorWeight(double[][] logits, double[] logPrior, int[] y) {
        double best = 0;
        long bestRight = -1;
        for (double gamma : PRIOR_WEIGHTS) {
            long right = correct(logits, null, logPrior, gamma, 0, y);
            if (right > bestRight) {
                bestRight = right;
                best = gamma;
            }
        }
        return best;
    }

    private static double[] logPrior(int[] y, int k) {
        double[] count = new double[k];
        for (int t : y) {
            count[t]++;
        }
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            out[c] = Math.log((count[c] + 1) / (y.length + k));
        }
        return out;
    }

    /**
     * Multinomial naive Bayes on the same normalized features: log P(feature | label) with
     * additive smoothing, and log priors. Strong where examples are few, and linear, so it blends
     * into the logistic regression at no cost at prediction time.
     */
    private static void naiveBayes(int[][] idx, float[][] val, int[] target, int rows, int k, double alpha,
            float[] w, float[] b) {
        double[] sum = new double[rows * k];
        double[] total = new double[k];
        int[] count = new int[k];
        for (int i = 0; i < idx.length; i++) {
            int c = target[i];
            count[c]++;
            for (int j = 0; j < idx[i].length; j++) {
                sum[idx[i][j] * k + c] += val[i][j];
                total[c] += val[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            double denominator = Math.log(alpha * rows + total[c]);
            for (int r = 0; r < rows; r++) {
                w[r * k + c] = (float) (Math.log(alpha + sum[r * k + c]) - denominator);
            }
            b[c] = (float) Math.log((count[c] + 1.0) / (idx.length + k));
        }
    }

    /** Counts steps for the {@link TrainingProgress}. */
    private static final class Steps {
        private final TrainingProgress progress;
        private final int total;
        private int done;

        Steps(TrainingProgress progress, int total) {
            this.progress = progress;
            this.total = total;
        }

        void done() {
            progress.progressed(++done, total);
        }

        void skip(int n) {
            done += n;
            progress.progressed(done, total);
        }
    }

    /**
     * The training rows of one fold (or of all data) vectorized on their vocabulary, and naive Bayes
     * on them: built once for every L2 strength tried, as neither depends on it.
     */
    private static final class Rows {
        final Vocabulary vocabulary;
        final int[][] idx;
        final float[][] val;
        final int[] target;
        final double[] classWeight;
        final float[] nbWeights;
        final float[] nbBias;

        Rows(Vocabulary vocabulary, int[][] idx, float[][] val, int[] target, double[] classWeight, float[] nbWeights,
                float[] nbBias) {
            this.vocabulary = vocabulary;
            this.idx = idx;
            this.val = val;
            this.target = target;
            this.classWeight = classWeight;
            this.nbWeights = nbWeights;
            this.nbBias = nbBias;
        }
    }

    private Rows rows(int[] trainIdx, int[][] hashes, int[][][] augmented, int[] y, int k) {
        Vocabulary vocab = Vocabulary.build(hashes, trainIdx, config.features());
        int copies = config.augmentCopies();
        int m = trainIdx.length * (1 + copies);
        int[][] idx = new int[m][];
        float[][] val = new float[m][];
        int[] target = new int[m];
        Vocabulary.VecScratch vs = new Vocabulary.VecScratch();
        int row = 0;
        for (int i : trainIdx) {
            for (int c = -1; c < copies; c++) {
                int len = vocab.vectorize(IntList.wrap(c < 0 ? hashes[i] : augmented[i][c]), vs);
                idx[row] = Arrays.copyOf(vs.idx, len);
                val[row] = Arrays.copyOf(vs.val, len);
                target[row] = y[i];
                row++;
            }
        }
        double[] classWeight = new double[k];
        Arrays.fill(classWeight, 1);
        if (config.classBalanced()) {
            int[] count = new int[k];
            for (int t : target) {
                count[t]++;
            }
            for (int c = 0; c < k; c++) {
                classWeight[c] = count[c] == 0 ? 0 : m / (double) (k * count[c]);
            }
        }
        int rows = vocab.size();
        float[] nbW = new float[rows * k];
        float[] nbB = new float[k];
        naiveBayes(idx, val, target, rows, k, config.naiveBayesSmoothing(), nbW, nbB);
        return new Rows(vocab, idx, val, target, classWeight, nbW, nbB);
    }

    private Fit fit(Rows data, int k, long seed, double l2Strength, Steps steps) {
        int[][] idx = data.idx;
        float[][] val = data.val;
        int[] target = data.target;
        double[] classWeight = data.classWeight;
        int m = target.length;
        int rows = data.vocabulary.size();
        float[] w = new float[rows * k];
        float[] g2 = new float[rows];
        float[] b = new float[k];
        float[] gb2 = new float[k];
        float[] z = new float[k];
        float[] grad = new float[k];
        float lr = (float) config.learningRate();
        float l2 = (float) l2Strength;
        int[] order = new int[m];
        Arrays.setAll(order, i -> i);
        Random random = new Random(seed);
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            shuffle(order, random);
            for (int o : order) {
                int[] xi = idx[o];
                float[] xv = val[o];
                System.arraycopy(b, 0, z, 0, k);
                for (int j = 0; j < xi.length; j++) {
                    int base = xi[j] * k;
                    float v = xv[j];
                    for (int c = 0; c < k; c++) {
                        z[c] += v * w[base + c];
                    }
                }
                float max = Float.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    max = Math.max(max, z[c]);
                }
                float sum = 0;
                for (int c = 0; c < k; c++) {
                    z[c] = (float) Math.exp(z[c] - max);
                    sum += z[c];
                }
                float cw = (float) classWeight[target[o]];
                float gradSq = 0;
                for (int c = 0; c < k; c++) {
                    grad[c] = cw * (z[c] / sum - (c == target[o] ? 1f : 0f));
                    gradSq += grad[c] * grad[c];
                    gb2[c] += grad[c] * grad[c];
                    b[c] -= lr * grad[c] / (float) Math.sqrt(gb2[c] + 1e-8f);
                }
                gradSq /= k;
                for (int j = 0; j < xi.length; j++) {
                    int r = xi[j];
                    int base = r * k;
                    float v = xv[j];
                    // Row-wise AdaGrad: one accumulator per feature row (the mean squared loss
                    // gradient of its k weights) keeps memory and square roots at one per row.
                    g2[r] += v * v * gradSq;
                    float step = lr / (float) Math.sqrt(g2[r] + 1e-8f);
                    float decay = 1 - step * l2;
                    float sv = step * v;
                    for (int c = 0; c < k; c++) {
                        w[base + c] = w[base + c] * decay - sv * grad[c];
                    }
                }
            }
            steps.done();
        }
        return new Fit(data.vocabulary, w, b, data.nbWeights, data.nbBias);
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static int[] stratifiedFolds(int[] y, int k, int folds, Random random) {
        int[] order = new int[y.length];
        Arrays.setAll(order, i -> i);
        shuffle(order, random);
        int[] next = new int[k];
        int[] fold = new int[y.length];
        for (int i : order) {
            fold[i] = next[y[i]]++ % folds;
        }
        return fold;
    }

    /** The temperature that minimizes the negative log-likelihood of the out-of-fold scores. */
    static double fitTemperature(double[][] logits, int[] y) {
        double lo = Math.log(0.05);
        double hi = Math.log(20);
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = nll(logits, y, Math.exp(a));
        double fb = nll(logits, y, Math.exp(b));
        for (int it = 0; it < 40; it++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = nll(logits, y, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = nll(logits, y, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    private static double nll(double[][] logits, int[] y, double t) {
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            double[] z = logits[i];
            if (z == null) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : z) {
                sum += Math.exp((v - max) / t);
            }
            total += Math.log(sum) - (z[y[i]] - max) / t;
        }
        return total;
    }

    /** A copy of the text with each word dropped at random (at least one word stays). */
    private static String dropWords(String text, Random random) {
        String[] words = text.split("\\s+");
        StringBuilder sb = new StringBuilder(text.length());
        for (String word : words) {
            if (random.nextDouble() >= WORD_DROP) {
                sb.append(word).append(' ');
            }
        }
        return sb.length() == 0 ? words[random.nextInt(words.length)] : sb.toString();
    }
}

package dev.deskassist.core.encoder;

import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.LanguageDetector;
import dev.deskassist.core.triage.classify.AbstainThresholds;
import dev.deskassist.core.triage.classify.Example;
import dev.deskassist.core.triage.classify.HeldOutPrediction;
import dev.deskassist.core.triage.classify.IntentTrainer;
import dev.deskassist.core.triage.classify.LinearIntentModel;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.internal.Probabilities;
import dev.deskassist.core.triage.language.NgramLanguageDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an {@link EncoderIntentModel}: embeds every training text once, then by k-fold
 * cross-validation on the training data alone chooses the L2 strength of the logistic regression
 * on embeddings, the weight and logit scale of a class-mean classifier mixed into it (which helps
 * when there are few examples per label; weight 0 when it does not help), the encoder's weight in the blend with the n-gram model, the temperature and the
 * abstain threshold; finally trains both tiers on all examples. Never sees a test file.
 */
public final class EncoderIntentTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(EncoderIntentTrainer.class);
    static final double[] CASCADE_THRESHOLDS = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};
    /** Logit scales tried for the class-mean classifier (cosines span [-1, 1], so softmax needs a large factor). */
    static final double[] PROTOTYPE_SCALES = {10, 20, 30, 50, 70, 100};

    private final EncoderTrainerConfig config;

    public EncoderIntentTrainer(EncoderTrainerConfig config) {
        this.config = config;
    }

    public EncoderTrainerConfig config() {
        return config;
    }

    /** Trains with the shared encoder of the configured kind. */
    public EncoderTrainingResult train(TrainingData data) {
        return train(data, SentenceEncoders.shared(config.encoder()));
    }

    /** Trains with this encoder (whose kind must be the configured one). */
    public EncoderTrainingResult train(TrainingData data, SentenceEncoder encoder) {
        if (encoder.kind() != config.encoder()) {
            throw new IllegalArgumentException("encoder " + encoder.kind().id() + " given, " + config.encoder().id() + " configured");
        }
        long t0 = System.nanoTime();
        List<Example> ex = data.examples();
        int n = ex.size();
        if (n < config.folds()) {
            throw new IllegalArgumentException("need at least " + config.folds() + " examples, got " + n);
        }
        List<String> texts = ex.stream().map(Example::text).toList();
        float[][] x = embed(encoder, texts, config.threads());
        Duration embedding = Duration.ofNanos(System.nanoTime() - t0);

        LinearIntentModel ngram = new IntentTrainer(config.ngram()).train(data).model();
        String[] labels = ngram.labels().toArray(new String[0]);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            index.put(labels[i], i);
        }
        int k = labels.length;
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = index.get(ex.get(i).label());
        }
        boolean[] useEncoder = encoderPath(texts, config);

        // With few examples one draw of folds makes a noisy judge of the many settings compared
        // below, so small files are cross-validated over several draws, laid end to end: every
        // accuracy below is then the mean over the draws.
        int draws = config.drawsFor(n);
        int m = n * draws;
        int[] yAll = new int[m];
        boolean[] useAll = new boolean[m];
        List<Double> grid = config.l2Grid();
        double[][] oofNgram = new double[m][];
        double[][][] oofEnc = new double[grid.size()][m][];
        double[][] oofCos = new double[m][];
        for (int r = 0; r < draws; r++) {
            System.arraycopy(y, 0, yAll, r * n, n);
            System.arraycopy(useEncoder, 0, useAll, r * n, n);
            int[] fold = folds(y, k, config.folds(), config.seed() + r);
            runFolds(data, x, y, k, labels, fold, r * n, oofNgram, oofEnc, oofCos);
        }

        int bestL2 = 0;
        double bestAcc = -1;
        for (int g = 0; g < grid.size(); g++) {
            double acc = accuracy(oofEnc[g], yAll);
            LOG.debug("l2 {}: cross-validated encoder accuracy {}", grid.get(g), acc);
            if (acc > bestAcc + 1e-9) {
                bestAcc = acc;
                bestL2 = g;
            }
        }
        // The class-mean classifier's weight and scale are chosen together with the blend, by the
        // blend's cross-validated accuracy: choosing them for the encoder side alone can make the blend worse.
        double lrAcc = bestAcc;
        double[][] logPn = logs(oofNgram);
        double[][] pe = oofEnc[bestL2];
        double bestV = 0;
        double bestScale = PROTOTYPE_SCALES[0];
        double bestW = 0;
        boolean bestLog = false;
        double bestBlendAcc = -1;
        double bestNll = Double.POSITIVE_INFINITY;
        int steps = (int) Math.round(1 / config.weightStep());
        for (int si = -1; si < PROTOTYPE_SCALES.length; si++) {
            for (int vs = si < 0 ? 0 : 1; vs <= (si < 0 ? 0 : steps); vs++) {
                double v = Math.min(1, vs * config.weightStep());
                double scale = si < 0 ? PROTOTYPE_SCALES[0] : PROTOTYPE_SCALES[si];
                double[][] mixed = v > 0 ? mixPrototype(oofEnc[bestL2], oofCos, v, scale) : oofEnc[bestL2];
                double[][] logPe = logs(mixed);
                for (boolean logLinear : new boolean[] {false, true}) {
                    for (int s = 0; s <= steps; s++) {
                        double w = Math.min(1, s * config.weightStep());
                        double acc = blendAccuracy(logLinear ? logPe : mixed, logLinear ? logPn : oofNgram, useAll, w, yAll);
                        if (acc < bestBlendAcc - 1e-9) {
                            continue;
                        }
                        double nll = nll(blendAll(mixed, oofNgram, useAll, w, logLinear, 1.0), yAll);
                        if (acc > bestBlendAcc + 1e-9 || nll < bestNll) {
                            bestBlendAcc = acc;
                            bestNll = nll;
                            bestW = w;
                            bestLog = logLinear;
                            bestV = v;
                            bestScale = scale;
                            pe = mixed;
                        }
                    }
                }
            }
        }
        bestAcc = accuracy(pe, yAll);
        LOG.debug("class-mean weight {}, scale {}: cross-validated encoder accuracy {} (regression alone {}), blend {}",
                bestV, bestScale, bestAcc, lrAcc, bestBlendAcc);
        double temperature = fitTemperature(pe, oofNgram, useAll, bestW, bestLog, yAll);
        double[][] calibrated = blendAll(pe, oofNgram, useAll, bestW, bestLog, temperature);
        List<HeldOutPrediction> pooled = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            int top = Probabilities.argmax(calibrated[i]);
            pooled.add(new HeldOutPrediction(labels[yAll[i]], labels[top], calibrated[i][top]));
        }
        // The same cap as the n-gram trainer's: on noisy labels the target precision is out of reach
        // and would send nearly every text to a human.
        double threshold = Math.min(AbstainThresholds.forPrecision(pooled, config.targetPrecision()),
                AbstainThresholds.forAbstainRate(pooled, config.ngram().maxAbstainRate()));
        List<HeldOutPrediction> heldOut = pooled.subList(0, n);
        List<EncoderTrainingResult.CascadePoint> cascade = cascade(calibrated, oofNgram, useAll, yAll);

        EmbeddingClassifier head = EmbeddingClassifier.train(x, y, k, grid.get(bestL2), config.epochs(), config.seed());
        PrototypeClassifier prototype = bestV > 0 ? PrototypeClassifier.train(x, y, k, bestScale) : null;
        float[] probe = encoder.encode(EncoderIntentModel.PROBE);
        float[] fingerprint = java.util.Arrays.copyOf(probe, EncoderIntentModel.FINGERPRINT_VALUES);
        EncoderIntentModel model = new EncoderIntentModel(ngram, config.encoder(),
                SentenceEncoders.artifactVersion(config.encoder()), fingerprint, head, prototype, bestV, bestW, bestLog, temperature, threshold, 1.0,
                config.encoderLanguages(), encoder, null, detector(), null);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("trained {} on {} examples, {} labels in {} ms (embedding {} ms); cross-validated accuracy n-gram {}, "
                        + "encoder {} (regression alone {}, class-mean weight {}, scale {}), blend {} ({}, encoder weight {}, l2 {}, "
                        + "temperature {}, abstain threshold {})",
                model.version(), n, k, took.toMillis(), embedding.toMillis(), fmt(accuracy(oofNgram, yAll)), fmt(bestAcc), fmt(lrAcc),
                fmt(bestV), bestScale,
                fmt(bestBlendAcc), bestLog ? "log-linear" : "linear", fmt(bestW), grid.get(bestL2), fmt(temperature), fmt(threshold));
        return new EncoderTrainingResult(model, heldOut, grid.get(bestL2), accuracy(oofNgram, yAll), bestAcc,
                accuracy(calibrated, yAll), cascade, embedding, took);
    }

    private static LanguageDetector detector() {
        return new NgramLanguageDetector();
    }

    /** Which texts the model will send to the encoder (the others stay on the n-gram path). */
    static boolean[] encoderPath(List<String> texts, EncoderTrainerConfig config) {
        boolean[] out = new boolean[texts.size()];
        LanguageDetector d = detector();
        for (int i = 0; i < out.length; i++) {
            String t = texts.get(i);
            boolean letters = t.codePoints().anyMatch(Character::isLetter);
            boolean lang = true;
            if (letters && !config.encoderLanguages().contains("*")) {
                Decision<String> l = d.detect(t);
                lang = !l.hasValue() || config.encoderLanguages().contains(l.value());
            }
            out[i] = letters && lang;
        }
        return out;
    }

    private void runFolds(TrainingData data, float[][] x, int[] y, int k, String[] labels, int[] fold, int offset,
            double[][] oofNgram, double[][][] oofEnc, double[][] oofCos) {
        List<Runnable> tasks = new ArrayList<>();
        for (int f = 0; f < config.folds(); f++) {
            int current = f;
            tasks.add(() -> runFold(current, data, x, y, k, labels, fold, offset, oofNgram, oofEnc, oofCos));
        }
        runAll(tasks, Math.min(config.threads(), config.folds()), "encoder-trainer-fold", "training");
    }

    private void runFold(int f, TrainingData data, float[][] x, int[] y, int k, String[] labels, int[] fold, int offset,
            double[][] oofNgram, double[][][] oofEnc, double[][] oofCos) {
        List<Example> trainEx = new ArrayList<>();
        List<Integer> trainIdx = new ArrayList<>();
        List<Integer> testIdx = new ArrayList<>();
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] == f) {
                testIdx.add(i);
            } else {
                trainIdx.add(i);
                trainEx.add(data.examples().get(i));
            }
        }
        LinearIntentModel m = new IntentTrainer(config.ngram()).train(TrainingData.of("fold " + f, trainEx)).model();
        int[] map = new int[k];
        List<String> foldLabels = new ArrayList<>(m.labels());
        for (int c = 0; c < k; c++) {
            map[c] = foldLabels.indexOf(labels[c]);
        }
        for (int i : testIdx) {
            double[] pf = m.probabilities(data.examples().get(i).text());
            double[] p = new double[k];
            for (int c = 0; c < k; c++) {
                p[c] = map[c] >= 0 ? pf[map[c]] : 0;
            }
            oofNgram[offset + i] = p;
        }
        float[][] xt = new float[trainIdx.size()][];
        int[] yt = new int[trainIdx.size()];
        for (int j = 0; j < xt.length; j++) {
            xt[j] = x[trainIdx.get(j)];
            yt[j] = y[trainIdx.get(j)];
        }
        PrototypeClassifier cosines = PrototypeClassifier.train(xt, yt, k, 1.0);
        for (int i : testIdx) {
            oofCos[offset + i] = cosines.logits(x[i]);
        }
        for (int g = 0; g < config.l2Grid().size(); g++) {
            EmbeddingClassifier c = EmbeddingClassifier.train(xt, yt, k, config.l2Grid().get(g), config.epochs(),
                    config.seed() + offset + f);
            for (int i : testIdx) {
                oofEnc[g][offset + i] = Probabilities.softmax(c.logits(x[i]), 1);
            }
        }
    }

    /** Embeds texts on {@code threads} threads; blank texts get a zero vector. */
    public static float[][] embed(SentenceEncoder encoder, List<String> texts, int threads) {
        float[][] out = new float[texts.size()][];
        List<Runnable> tasks = new ArrayList<>();
        int chunk = Math.max(1, (texts.size() + threads * 8 - 1) / (threads * 8));
        for (int start = 0; start < texts.size(); start += chunk) {
            int s = start;
            int e = Math.min(texts.size(), start + chunk);
            tasks.add(() -> {
                for (int i = s; i < e; i++) {
                    String t = texts.get(i);
                    out[i] = t.isBlank() ? new float[encoder.kind().dimension()] : encoder.encode(t);
                }
            });
        }
        runAll(tasks, threads, "encoder-embed", "embedding");
        return out;
    }

    /**
     * Runs the tasks on {@code threads} daemon threads and waits for all; the first failure is
     * rethrown (unwrapped when it is a runtime exception), the pool is always shut down.
     */
    private static void runAll(List<Runnable> tasks, int threads, String threadName, String activity) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(tasks.size());
            for (Runnable task : tasks) {
                futures.add(pool.submit(task));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + activity, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stratified fold numbers: each label's examples shuffled and dealt round-robin. */
    static int[] folds(int[] y, int k, int folds, long seed) {
        Map<Integer, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int c = 0; c < k; c++) {
            byLabel.put(c, new ArrayList<>());
        }
        for (int i = 0; i < y.length; i++) {
            byLabel.get(y[i]).add(i);
        }
        Random rnd = new Random(seed);
        int[] out = new int[y.length];
        int next = 0;
        for (List<Integer> idx : byLabel.values()) {
            Collections.shuffle(idx, rnd);
            for (int i : idx) {
                out[i] = next++ % folds;
            }
        }
        return out;
    }

    /** {@code (1 - v)·p_lr + v·softmax(scale·cos)} for every text. */
    static double[][] mixPrototype(double[][] pLr, double[][] cosines, double v, double scale) {
        double[][] out = new double[pLr.length][];
        double[] z = new double[pLr[0].length];
        for (int i = 0; i < pLr.length; i++) {
            for (int c = 0; c < z.length; c++) {
                z[c] = scale * cosines[i][c];
            }
            double[] q = Probabilities.softmax(z, 1);
            double[] p = new double[z.length];
            for (int c = 0; c < z.length; c++) {
                p[c] = (1 - v) * pLr[i][c] + v * q[c];
            }
            out[i] = p;
        }
        return out;
    }

    private static double[][] logs(double[][] p) {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = new double[p[i].length];
            for (int c = 0; c < p[i].length; c++) {
                out[i][c] = Math.log(Math.max(1e-12, p[i][c]));
            }
        }
        return out;
    }

    /**
     * Accuracy of {@code w·a + (1 - w)·b} (probabilities for the linear blend, log-probabilities for
     * the log-linear one: the argmax is that of the blend before its log and softmax); texts off the
     * encoder path take {@code b}'s argmax.
     */
    static double blendAccuracy(double[][] a, double[][] b, boolean[] useEncoder, double w, int[] y) {
        int ok = 0;
        for (int i = 0; i < y.length; i++) {
            int top = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < b[i].length; c++) {
                double v = useEncoder[i] ? w * a[i][c] + (1 - w) * b[i][c] : b[i][c];
                if (v > best) {
                    best = v;
                    top = c;
                }
            }
            ok += top == y[i] ? 1 : 0;
        }
        return ok / (double) y.length;
    }

    static double[][] blendAll(double[][] pe, double[][] pn, boolean[] useEncoder, double w, boolean logLinear,
            double temperature) {
        double[][] out = new double[pe.length][];
        for (int i = 0; i < pe.length; i++) {
            out[i] = useEncoder[i] ? EncoderIntentModel.blend(pe[i], pn[i], w, logLinear, temperature) : pn[i];
        }
        return out;
    }

    private double fitTemperature(double[][] pe, double[][] pn, boolean[] useEncoder, double w, boolean logLinear, int[] y) {
        double best = 1;
        double bestNll = Double.POSITIVE_INFINITY;
        for (int s = -20; s <= 20; s++) {
            double t = Math.pow(2, s / 10.0);
            double v = nll(blendAll(pe, pn, useEncoder, w, logLinear, t), y);
            if (v < bestNll) {
                bestNll = v;
                best = t;
            }
        }
        return best;
    }

    private static List<EncoderTrainingResult.CascadePoint> cascade(double[][] blended, double[][] pn, boolean[] useEncoder,
            int[] y) {
        List<EncoderTrainingResult.CascadePoint> out = new ArrayList<>();
        for (double t : CASCADE_THRESHOLDS) {
            int correct = 0;
            int encoded = 0;
            for (int i = 0; i < y.length; i++) {
                int topN = Probabilities.argmax(pn[i]);
                boolean skip = !useEncoder[i] || pn[i][topN] >= t;
                double[] p = skip ? pn[i] : blended[i];
                encoded += skip ? 0 : 1;
                correct += Probabilities.argmax(p) == y[i] ? 1 : 0;
            }
            out.add(new EncoderTrainingResult.CascadePoint(t, correct / (double) y.length, encoded / (double) y.length));
        }
        return out;
    }

    static double accuracy(double[][] p, int[] y) {
        int ok = 0;
        for (int i = 0; i < y.length; i++) {
            ok += Probabilities.argmax(p[i]) == y[i] ? 1 : 0;
        }
        return ok / (double) y.length;
    }

    static double nll(double[][] p, int[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s -= Math.log(Math.max(1e-12, p[i][y[i]]));
        }
        return s / y.length;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}

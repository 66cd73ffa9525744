package dev.deskassist.core.encoder;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Multinomial logistic regression over standardised embeddings: {@code softmax(W·z + b)} with
 * {@code z = (x - mean) / std}. Immutable once trained; {@link #logits} is thread-safe.
 */
final class EmbeddingClassifier {

    final int dimension;
    final int classes;
    final float[] mean;
    final float[] scale;
    /** Row-major by class: the weights of class c are {@code weights[c * dimension .. (c + 1) * dimension)}. */
    final float[] weights;
    final float[] bias;

    EmbeddingClassifier(int dimension, int classes, float[] mean, float[] scale, float[] weights, float[] bias) {
        if (mean.length != dimension || scale.length != dimension || weights.length != dimension * classes
                || bias.length != classes) {
            throw new IllegalArgumentException("inconsistent classifier shape");
        }
        this.dimension = dimension;
        this.classes = classes;
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.bias = bias;
    }

    double[] logits(float[] x) {
        if (x.length != dimension) {
            throw new IllegalArgumentException("embedding has " + x.length + " values, the classifier takes " + dimension);
        }
        float[] z = new float[dimension];
        for (int j = 0; j < dimension; j++) {
            z[j] = (x[j] - mean[j]) * scale[j];
        }
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            int base = c * dimension;
            float s = bias[c];
            for (int j = 0; j < dimension; j++) {
                s += weights[base + j] * z[j];
            }
            out[c] = s;
        }
        return out;
    }

    /**
     * Trains on {@code x[i]} with class {@code y[i]} by mini-batch Adam on the L2-regularised
     * cross-entropy; deterministic for a seed.
     */
    static EmbeddingClassifier train(float[][] x, int[] y, int classes, double l2, int epochs, long seed) {
        int n = x.length;
        int d = x[0].length;
        float[] mean = new float[d];
        float[] scale = new float[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                double v = row[j] - mean[j];
                scale[j] += (float) (v * v);
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / n);
            scale[j] = (float) (sd > 1e-8 ? 1.0 / sd : 1.0);
        }
        float[][] z = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) * scale[j];
            }
        }
        float[] w = new float[classes * d];
        float[] b = new float[classes];
        float[] mw = new float[w.length];
        float[] vw = new float[w.length];
        float[] mb = new float[classes];
        float[] vb = new float[classes];
        float[] gw = new float[w.length];
        float[] gb = new float[classes];
        double[] logit = new double[classes];
        int batch = 32;
        double lr0 = 0.01;
        double beta1 = 0.9;
        double beta2 = 0.999;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        long step = 0;
        int totalSteps = epochs * ((n + batch - 1) / batch);
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int k = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[k];
                order[k] = t;
            }
            for (int start = 0; start < n; start += batch) {
                int end = Math.min(n, start + batch);
                Arrays.fill(gw, 0f);
                Arrays.fill(gb, 0f);
                for (int s = start; s < end; s++) {
                    float[] zi = z[order[s]];
                    int yi = y[order[s]];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < classes; c++) {
                        int base = c * d;
                        float acc = b[c];
                        for (int j = 0; j < d; j++) {
                            acc += w[base + j] * zi[j];
                        }
                        logit[c] = acc;
                        max = Math.max(max, acc);
                    }
                    double sum = 0;
                    for (int c = 0; c < classes; c++) {
                        logit[c] = Math.exp(logit[c] - max);
                        sum += logit[c];
                    }
                    for (int c = 0; c < classes; c++) {
                        float g = (float) (logit[c] / sum - (c == yi ? 1 : 0));
                        if (Math.abs(g) < 1e-6f) {
                            continue;
                        }
                        int base = c * d;
                        for (int j = 0; j < d; j++) {
                            gw[base + j] += g * zi[j];
                        }
                        gb[c] += g;
                    }
                }
                float inv = 1f / (end - start);
                step++;
                // linear decay to a tenth: large steps early, settled weights at the end
                double lr = lr0 * (1.0 - 0.9 * step / (double) totalSteps);
                double c1 = 1 - Math.pow(beta1, step);
                double c2 = 1 - Math.pow(beta2, step);
                for (int p = 0; p < w.length; p++) {
                    float g = gw[p] * inv + (float) (l2 * w[p]);
                    mw[p] = (float) (beta1 * mw[p] + (1 - beta1) * g);
                    vw[p] = (float) (beta2 * vw[p] + (1 - beta2) * g * g);
                    w[p] -= (float) (lr * (mw[p] / c1) / (Math.sqrt(vw[p] / c2) + 1e-8));
                }
                for (int c = 0; c < classes; c++) {
                    float g = gb[c] * inv;
                    mb[c] = (float) (beta1 * mb[c] + (1 - beta1) * g);
                    vb[c] = (float) (beta2 * vb[c] + (1 - beta2) * g * g);
                    b[c] -= (float) (lr * (mb[c] / c1) / (Math.sqrt(vb[c] / c2) + 1e-8));
                }
            }
        }
        return new EmbeddingClassifier(d, classes, mean, scale, w, b);
    }
}

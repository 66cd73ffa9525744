package dev.deskassist.core.encoder;

/**
 * Nearest class mean by cosine: the logit of a class is {@code scale · cos(x, centroid)}, the
 * centroid being the normalised mean of the class's L2-normalised training embeddings. With few
 * examples per class it errs differently from the logistic regression, so the trainer blends the
 * two when cross-validation says so. Immutable; {@link #logits} is thread-safe.
 */
final class PrototypeClassifier {

    final int dimension;
    final int classes;
    final double scale;
    /** Row-major by class, each row of unit length (or zero for a class without examples). */
    final float[] centroids;

    PrototypeClassifier(int dimension, int classes, double scale, float[] centroids) {
        if (centroids.length != dimension * classes || !(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("inconsistent prototype classifier");
        }
        this.dimension = dimension;
        this.classes = classes;
        this.scale = scale;
        this.centroids = centroids;
    }

    /** Centroids of {@code x[i]} by class {@code y[i]}, with this logit scale. */
    static PrototypeClassifier train(float[][] x, int[] y, int classes, double scale) {
        int d = x[0].length;
        double[] sum = new double[classes * d];
        for (int i = 0; i < x.length; i++) {
            double norm = norm(x[i]);
            if (norm == 0) {
                continue;
            }
            int base = y[i] * d;
            for (int j = 0; j < d; j++) {
                sum[base + j] += x[i][j] / norm;
            }
        }
        float[] c = new float[classes * d];
        for (int k = 0; k < classes; k++) {
            double n = 0;
            for (int j = 0; j < d; j++) {
                n += sum[k * d + j] * sum[k * d + j];
            }
            n = Math.sqrt(n);
            for (int j = 0; j < d && n > 0; j++) {
                c[k * d + j] = (float) (sum[k * d + j] / n);
            }
        }
        return new PrototypeClassifier(d, classes, scale, c);
    }

    /** The same centroids with another logit scale. */
    PrototypeClassifier withScale(double s) {
        return new PrototypeClassifier(dimension, classes, s, centroids);
    }

    double[] logits(float[] x) {
        if (x.length != dimension) {
            throw new IllegalArgumentException("embedding has " + x.length + " values, the classifier takes " + dimension);
        }
        double norm = norm(x);
        double inv = norm > 0 ? 1 / norm : 0;
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            int base = c * dimension;
            double s = 0;
            for (int j = 0; j < dimension; j++) {
                s += centroids[base + j] * x[j];
            }
            out[c] = scale * s * inv;
        }
        return out;
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f * f;
        }
        return Math.sqrt(s);
    }
}

package dev.deskassist.core.triage.classify.internal;

/**
 * The softmax and argmax every classifier tier shares (n-gram, encoder, sentiment), kept in one
 * place so that their tie-breaking and rounding cannot drift apart between the tiers.
 */
public final class Probabilities {

    private Probabilities() {
    }

    /**
     * {@code softmax(z / temperature)}, shifted by the largest score so that no exponent
     * overflows; a temperature of 1 gives bit for bit the plain softmax (dividing by 1 is exact).
     */
    public static double[] softmax(double[] z, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp((z[c] - max) / temperature);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** The index of the largest value; on a tie the first. */
    public static int argmax(double[] p) {
        int top = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[top]) {
                top = c;
            }
        }
        return top;
    }
}

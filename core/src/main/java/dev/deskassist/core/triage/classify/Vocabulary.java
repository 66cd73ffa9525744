package dev.deskassist.core.triage.classify;

/**
 * The features a model knows: feature hash to weight row, and a fixed scale per row (IDF times the
 * weight of its kind). Turns the hashes of one text into an L2-normalized sparse vector.
 */
final class Vocabulary {

    private final IntIntMap rows;
    final int[] rowHashes;
    final float[] rowScale;
    private final boolean sublinearTf;
    private final float charWeight;

    Vocabulary(int[] rowHashes, float[] rowScale, boolean sublinearTf, float charWeight) {
        this.rowHashes = rowHashes;
        this.rowScale = rowScale;
        this.sublinearTf = sublinearTf;
        this.charWeight = charWeight;
        this.rows = new IntIntMap(rowHashes.length);
        for (int r = 0; r < rowHashes.length; r++) {
            rows.put(rowHashes[r], r);
        }
    }

    int size() {
        return rowHashes.length;
    }

    /** Builds the vocabulary from the hashes of training texts (one int[] of occurrences each). */
    static Vocabulary build(int[][] docs, int[] subset, FeatureConfig config) {
        IntIntMap df = new IntIntMap(1 << 16);
        // last document each hash was counted in, so a repeated word counts once per document
        IntIntMap seen = new IntIntMap(1 << 16);
        IntList order = new IntList(1 << 16);
        int stamp = 0;
        for (int d : subset) {
            stamp++;
            for (int h : docs[d]) {
                if (seen.get(h, -1) == stamp) {
                    continue;
                }
                seen.put(h, stamp);
                if (df.increment(h, 1) == 1) {
                    order.add(h);
                }
            }
        }
        IntList kept = new IntList(order.size);
        for (int i = 0; i < order.size; i++) {
            if (df.get(order.data[i], 0) >= config.minCount()) {
                kept.add(order.data[i]);
            }
        }
        int[] hashes = kept.toArray();
        float[] scale = new float[hashes.length];
        double n = subset.length;
        for (int r = 0; r < hashes.length; r++) {
            double idf = config.idf() ? Math.log((1 + n) / (1 + df.get(hashes[r], 0))) + 1 : 1;
            double kind = Featurizer.isCharFeature(hashes[r]) ? config.charWeight() : 1;
            scale[r] = (float) (idf * kind);
        }
        return new Vocabulary(hashes, scale, config.sublinearTf(), config.charWeight());
    }

    /** Reusable buffers for {@link #vectorize}, one per thread. */
    /** 1 + ln(count) for the small counts nearly every feature has: Math.log per feature showed in profiles. */
    private static final float[] SUBLINEAR_TF = new float[64];

    static {
        for (int c = 1; c < SUBLINEAR_TF.length; c++) {
            SUBLINEAR_TF[c] = (float) (1 + Math.log(c));
        }
    }

    private static float sublinear(int count) {
        return count < SUBLINEAR_TF.length ? SUBLINEAR_TF[count] : (float) (1 + Math.log(count));
    }

    static final class VecScratch {
        int[] counts = new int[0];
        final IntList touched = new IntList(512);
        int[] unknown = new int[512];
        int[] idx = new int[512];
        float[] val = new float[512];
        /** Share of the last text's word-level features the vocabulary knows; see {@link #vectorize}. */
        double wordCoverage;
    }

    /**
     * Writes the normalized sparse vector of the given hash occurrences into {@code s.idx/s.val}
     * and returns its length. Unknown features get no weight but count in the norm: a text that
     * is mostly words the model never saw (another language) keeps small feature values and so
     * unsure scores, instead of its few known n-grams being scaled up to a confident vector.
     * Sets {@code s.wordCoverage}: the share of word and word-pair occurrences that are known (of
     * all occurrences when the text has no word features; 0 for a text without features).
     */
    int vectorize(IntList hashes, VecScratch s) {
        if (s.counts.length < rowHashes.length) {
            s.counts = new int[rowHashes.length];
        }
        int[] counts = s.counts;
        IntList touched = s.touched;
        touched.clear();
        if (s.unknown.length < hashes.size) {
            s.unknown = new int[hashes.size];
        }
        int unknownCount = 0;
        int words = 0;
        int knownWords = 0;
        for (int i = 0; i < hashes.size; i++) {
            int r = rows.get(hashes.data[i], -1);
            if (!Featurizer.isCharFeature(hashes.data[i])) {
                words++;
                knownWords += r >= 0 ? 1 : 0;
            }
            if (r >= 0) {
                if (counts[r]++ == 0) {
                    touched.add(r);
                }
            } else {
                s.unknown[unknownCount++] = hashes.data[i];
            }
        }
        int n = touched.size;
        // Words, not character n-grams: a Spanish text shares most of its n-grams with English
        // ("<co", "ent") but few of its words.
        if (words > 0) {
            s.wordCoverage = knownWords / (double) words;
        } else {
            s.wordCoverage = hashes.size == 0 ? 0 : (hashes.size - unknownCount) / (double) hashes.size;
        }
        if (s.idx.length < n) {
            s.idx = new int[n * 2];
            s.val = new float[n * 2];
        }
        double norm = unknownNorm(s.unknown, unknownCount);
        for (int i = 0; i < n; i++) {
            int r = touched.data[i];
            int c = counts[r];
            counts[r] = 0;
            float tf = sublinearTf ? sublinear(c) : c;
            float v = tf * rowScale[r];
            s.idx[i] = r;
            s.val[i] = v;
            norm += (double) v * v;
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < n; i++) {
                s.val[i] *= inv;
            }
        }
        return n;
    }

    /** Squared norm the unknown features would add, weighted as a known feature of their kind. */
    private double unknownNorm(int[] unknown, int count) {
        if (count == 0) {
            return 0;
        }
        java.util.Arrays.sort(unknown, 0, count);
        double norm = 0;
        int i = 0;
        while (i < count) {
            int h = unknown[i];
            int j = i + 1;
            while (j < count && unknown[j] == h) {
                j++;
            }
            float tf = sublinearTf ? sublinear(j - i) : j - i;
            float v = tf * (Featurizer.isCharFeature(h) ? charWeight : 1);
            norm += (double) v * v;
            i = j;
        }
        return norm;
    }
}

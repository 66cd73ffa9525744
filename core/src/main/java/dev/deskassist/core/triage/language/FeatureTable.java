package dev.deskassist.core.triage.language;

/**
 * An open-addressing map from a feature key (n-gram or word hash) to one quantized
 * log-probability per language. Key and values share adjacent slots of one {@code long[]}, so a
 * lookup costs one cache line and allocates nothing; this is what keeps detection within a few
 * microseconds. Each language gets one unsigned byte: {@code -q * STEP} nats.
 */
final class FeatureTable {

    /** Quantization step in nats; 0.05 keeps the rounding error far below the gaps between languages. */
    static final double STEP = 0.05;
    static final long MISSING = -1L;

    private final long[] data;
    private final int mask;
    private int size;

    FeatureTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2)) << 1;
        this.data = new long[cap * 2];
        this.mask = cap - 1;
    }

    /** Quantizes a log-probability (≤ 0) to the byte stored per language. */
    static int quantize(double logProb) {
        return (int) Math.min(255, Math.round(-logProb / STEP));
    }

    void put(long key, int[] quantized) {
        long packed = 0;
        for (int l = 0; l < quantized.length; l++) {
            packed |= ((long) quantized[l] & 0xff) << (8 * l);
        }
        int i = index(key);
        while (data[2 * i] != 0) {
            if (data[2 * i] == key) {
                throw new IllegalStateException("duplicate feature key");
            }
            i = (i + 1) & mask;
        }
        data[2 * i] = key;
        data[2 * i + 1] = packed;
        size++;
    }

    /** The packed per-language bytes of the key, or {@link #MISSING} when no language has seen it. */
    long find(long key) {
        int i = index(key);
        long k;
        while ((k = data[2 * i]) != 0) {
            if (k == key) {
                return data[2 * i + 1];
            }
            i = (i + 1) & mask;
        }
        return MISSING;
    }

    static int quantized(long packed, int lang) {
        return (int) (packed >>> (8 * lang)) & 0xff;
    }

    int size() {
        return size;
    }

    private int index(long key) {
        // the 64-bit finalizer of MurmurHash3: n-gram keys differ in a few high bits only, and
        // linear probing needs every key bit spread over the low bits or it clusters
        long h = key ^ (key >>> 33);
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h & mask;
    }
}

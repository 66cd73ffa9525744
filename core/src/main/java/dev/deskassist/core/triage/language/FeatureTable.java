package dev.deskassist.core.triage.language;

import java.util.Arrays;

/**
 * An open-addressing map from a feature key (n-gram or word hash) to one log-probability per
 * language, laid out flat so that a lookup touches two arrays and allocates nothing.
 */
final class FeatureTable {

    private final long[] keys;
    private final int[] slots;
    private final float[] logProbs;
    private final int languages;
    private final int mask;
    private int size;

    FeatureTable(int expected, int languages) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2)) << 1;
        this.keys = new long[cap];
        this.slots = new int[cap];
        this.logProbs = new float[expected * languages];
        this.languages = languages;
        this.mask = cap - 1;
        Arrays.fill(slots, -1);
    }

    void put(long key, float[] perLanguage) {
        int i = index(key);
        while (slots[i] >= 0) {
            if (keys[i] == key) {
                throw new IllegalStateException("duplicate feature key");
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        slots[i] = size;
        System.arraycopy(perLanguage, 0, logProbs, size * languages, languages);
        size++;
    }

    /** Offset of the key's log-probabilities in {@link #logProbs()}, or -1 when no language has seen it. */
    int find(long key) {
        int i = index(key);
        int s;
        while ((s = slots[i]) >= 0) {
            if (keys[i] == key) {
                return s * languages;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    float[] logProbs() {
        return logProbs;
    }

    int size() {
        return size;
    }

    private int index(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}

package dev.deskassist.core.triage.classify;

/**
 * An open-addressing map from int keys (feature hashes) to int values (rows), without boxing.
 * Lookups are on the predict path, so the table stays at most half full.
 */
final class IntIntMap {

    private static final int EMPTY = 0;

    private int[] keys;
    private int[] values;
    private boolean hasZeroKey;
    private int zeroValue;
    private int size;
    private int mask;

    IntIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new int[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    /** The value for key, or {@code missing}. */
    int get(int key, int missing) {
        if (key == EMPTY) {
            return hasZeroKey ? zeroValue : missing;
        }
        int i = mix(key) & mask;
        while (true) {
            int k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return missing;
            }
            i = (i + 1) & mask;
        }
    }

    void put(int key, int value) {
        if (key == EMPTY) {
            if (!hasZeroKey) {
                size++;
            }
            hasZeroKey = true;
            zeroValue = value;
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            size++;
        }
        keys[i] = key;
        values[i] = value;
    }

    /** Adds delta to the value of key (absent keys count as 0) and returns the new value. */
    int increment(int key, int delta) {
        int v = get(key, 0) + delta;
        put(key, v);
        return v;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        int zero = hasZeroKey ? 1 : 0;
        size = zero;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(int h) {
        // keys are already hashes, but a cheap re-mix keeps clustered keys from probing long runs
        return h ^ (h >>> 15) ^ (h >>> 7);
    }

    @Override
    public String toString() {
        return "IntIntMap[size=" + size + ", capacity=" + keys.length + "]";
    }
}

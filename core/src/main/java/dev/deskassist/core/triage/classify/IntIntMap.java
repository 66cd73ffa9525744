package dev.deskassist.core.triage.classify;

/**
 * An open-addressing map from int keys (feature hashes) to int values (rows), without boxing.
 * Lookups are on the predict path, so the table stays at most half full, and each key sits next
 * to its value in one array: a lookup touches one cache line, not one in a key array and another
 * in a value array.
 */
final class IntIntMap {

    private static final int EMPTY = 0;

    /** Slot i holds its key at {@code 2 * i} and its value at {@code 2 * i + 1}. */
    private int[] slots;
    private boolean hasZeroKey;
    private int zeroValue;
    private int size;
    private int mask;

    IntIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        slots = new int[cap * 2];
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
        int[] s = slots;
        int i = mix(key) & mask;
        while (true) {
            int k = s[2 * i];
            if (k == key) {
                return s[2 * i + 1];
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
        if ((size + 1) * 2 > mask + 1) {
            grow();
        }
        int i = mix(key) & mask;
        while (slots[2 * i] != EMPTY && slots[2 * i] != key) {
            i = (i + 1) & mask;
        }
        if (slots[2 * i] == EMPTY) {
            size++;
        }
        slots[2 * i] = key;
        slots[2 * i + 1] = value;
    }

    /** Adds delta to the value of key (absent keys count as 0) and returns the new value. */
    int increment(int key, int delta) {
        int v = get(key, 0) + delta;
        put(key, v);
        return v;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        mask = old.length - 1;
        size = hasZeroKey ? 1 : 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                put(old[i], old[i + 1]);
            }
        }
    }

    private static int mix(int h) {
        // keys are already hashes, but a cheap re-mix keeps clustered keys from probing long runs
        return h ^ (h >>> 15) ^ (h >>> 7);
    }

    @Override
    public String toString() {
        return "IntIntMap[size=" + size + ", capacity=" + (mask + 1) + "]";
    }
}

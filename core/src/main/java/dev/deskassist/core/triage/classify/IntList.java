package dev.deskassist.core.triage.classify;

import java.util.Arrays;

/** A growable list of primitive ints, to keep boxing out of the hot paths. */
final class IntList {

    int[] data;
    int size;

    IntList(int capacity) {
        data = new int[capacity];
    }

    /** A list viewing the whole array, without copying. */
    static IntList wrap(int[] values) {
        IntList l = new IntList(0);
        l.data = values;
        l.size = values.length;
        return l;
    }

    void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, Math.max(8, size * 2));
        }
        data[size++] = v;
    }

    void clear() {
        size = 0;
    }

    int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}

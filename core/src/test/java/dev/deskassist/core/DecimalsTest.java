package dev.deskassist.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    private static void same(double v) {
        assertEquals(String.format(Locale.ROOT, "%.2f", v), Decimals.twoPlaces(v), "value " + v);
    }

    @Test
    void matchesTheFormatterOnEdgeCases() {
        double[] values = {0, -0.0, 1, -1, 0.005, 0.015, 0.125, 0.145, 0.995, 1.005, 2.675, -0.001, -0.005,
            -0.145, 0.5, 99.995, 1e-300, 123456.785, 9_999_999.995, 1e7, 1e20, -1e20, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Math.exp(1.5), 1 - 1e-12};
        for (double v : values) {
            same(v);
        }
    }

    @Test
    void matchesTheFormatterOnEveryThousandthAndRandomValues() {
        for (int i = -20_000; i <= 20_000; i++) {
            same(i / 1000.0);
            same(i * 0.001);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            same(random.nextDouble(-50, 50));
            same(random.nextDouble());
        }
    }
}

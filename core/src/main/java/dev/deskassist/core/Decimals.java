package dev.deskassist.core;

import java.util.Locale;

/**
 * Formats numbers for decision reasons exactly as {@code String.format(Locale.ROOT, "%.2f", v)}
 * does, without its cost: on JDK 17 every {@code %f} builds a fresh {@code DecimalFormatSymbols}
 * and runs a stream, which cost more than the classifier that produced the number.
 */
public final class Decimals {

    /** Below this, {@code v * 100} is exact to far better than the tie window. */
    private static final double FAST_LIMIT = 1e7;
    /** Within this distance of a half, the formatter's own decimal rounding decides the last digit. */
    private static final double TIE_WINDOW = 1e-6;

    private Decimals() {
    }

    /** {@code v} with two decimals, identical to {@code String.format(Locale.ROOT, "%.2f", v)}. */
    public static String twoPlaces(double v) {
        double a = Math.abs(v);
        if (!(a < FAST_LIMIT)) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        double scaled = a * 100;
        double frac = scaled - Math.floor(scaled);
        if (Math.abs(frac - 0.5) < TIE_WINDOW) {
            // the formatter rounds the shortest decimal form half-up; near a tie binary rounding may differ
            return String.format(Locale.ROOT, "%.2f", v);
        }
        long h = Math.round(scaled);
        StringBuilder sb = new StringBuilder(12);
        if (v < 0 || (v == 0 && 1 / v < 0)) {
            sb.append('-');
        }
        sb.append(h / 100).append('.');
        long cents = h % 100;
        if (cents < 10) {
            sb.append('0');
        }
        return sb.append(cents).toString();
    }
}

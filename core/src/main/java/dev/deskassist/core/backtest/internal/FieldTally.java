package dev.deskassist.core.backtest.internal;

import dev.deskassist.core.backtest.BacktestField;
import dev.deskassist.core.backtest.FieldReport;
import dev.deskassist.core.backtest.Recommendation;
import dev.deskassist.core.backtest.ThresholdPoint;
import dev.deskassist.core.backtest.ValueReport;
import dev.deskassist.core.writeback.WriteMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Collects, for one field, each scored ticket's answer against the human one, and turns them into a {@link FieldReport}. */
public final class FieldTally {

    /** Thresholds 0.00, 0.01, … 1.00. */
    static final int STEPS = 101;

    private final BacktestField field;
    private long labeled;
    private long unlabeled;
    private long abstained;
    private long correct;
    /** Per hundredth of confidence: answers given and correct ones (positive answers only for escalation). */
    private final long[] given = new long[STEPS];
    private final long[] right = new long[STEPS];
    private long positives;
    private final Map<String, long[]> humanCounts = new TreeMap<>();
    private final Map<String, long[][]> perValue = new TreeMap<>();
    private final Map<String, String> display = new LinkedHashMap<>();

    public FieldTally(BacktestField field) {
        this.field = field;
    }

    /** One scored ticket: the human value (null: none) and the engine's value (null: abstained) with its confidence. */
    public void add(String human, String predicted, double confidence) {
        if (human == null) {
            unlabeled++;
            return;
        }
        labeled++;
        String h = key(human);
        display.putIfAbsent(h, human);
        humanCounts.computeIfAbsent(h, k -> new long[1])[0]++;
        if (field == BacktestField.ESCALATION && h.equals("true")) {
            positives++;
        }
        if (predicted == null) {
            abstained++;
            return;
        }
        String p = key(predicted);
        display.putIfAbsent(p, predicted);
        boolean ok = p.equals(h);
        if (ok) {
            correct++;
        }
        int bucket = (int) Math.floor(Math.min(1.0, Math.max(0.0, confidence)) * 100 + 1e-9);
        if (field != BacktestField.ESCALATION || p.equals("true")) {
            given[bucket]++;
            if (ok) {
                right[bucket]++;
            }
        }
        long[][] v = perValue.computeIfAbsent(p, k -> new long[2][STEPS]);
        v[0][bucket]++;
        if (ok) {
            v[1][bucket]++;
        }
    }

    private static String key(String v) {
        return v.strip().toLowerCase(Locale.ROOT);
    }

    public FieldReport report(double target, int minSupport, double floor) {
        long denominator = field == BacktestField.ESCALATION ? positives : labeled;
        List<ThresholdPoint> curve = curve(given, right, denominator, field == BacktestField.ESCALATION);
        List<ValueReport> values = new ArrayList<>();
        java.util.Set<String> all = new java.util.TreeSet<>(humanCounts.keySet());
        all.addAll(perValue.keySet());
        for (String v : all) {
            long human = humanCounts.getOrDefault(v, new long[1])[0];
            long[][] pv = perValue.getOrDefault(v, new long[2][STEPS]);
            List<ThresholdPoint> c = curve(pv[0], pv[1], human, true);
            long predicted = c.get(0).covered();
            long ok = c.get(0).correct();
            values.add(new ValueReport(display.getOrDefault(v, v), human, predicted, ok, c,
                    recommend(c, target, minSupport, floor, predicted)));
        }
        Recommendation rec = recommend(curve, target, minSupport, floor, field == BacktestField.ESCALATION
                ? curve.get(0).covered() : labeled);
        if (field == BacktestField.ESCALATION && rec.mode() == WriteMode.OFF) {
            // a missed escalation costs more than a needless flag: the figures may demote it, not silence it
            rec = new Recommendation(WriteMode.SUGGEST, 1.0, rec.precision(), rec.coverage(), rec.support(),
                    rec.reason() + "; escalation is kept as a suggestion, never switched off by a backtest");
        }
        return new FieldReport(field, labeled, unlabeled, abstained, correct, curve, values, rec);
    }

    /** Cumulative from the top: answers at or above each threshold. */
    private static List<ThresholdPoint> curve(long[] given, long[] right, long denominator, boolean recall) {
        ThresholdPoint[] points = new ThresholdPoint[STEPS];
        long g = 0;
        long r = 0;
        for (int i = STEPS - 1; i >= 0; i--) {
            g += given[i];
            r += right[i];
            double coverage = denominator == 0 ? Double.NaN : (double) (recall ? r : g) / denominator;
            points[i] = new ThresholdPoint(i / 100.0, g, r, coverage, g == 0 ? Double.NaN : (double) r / g);
        }
        return List.of(points);
    }

    static Recommendation recommend(List<ThresholdPoint> curve, double target, int minSupport, double floor,
                                    long support) {
        if (support < minSupport) {
            return new Recommendation(WriteMode.SUGGEST, 1.0, Double.NaN, Double.NaN, support,
                    "only " + support + " answers to judge by (at least " + minSupport + " needed): keep it a suggestion");
        }
        double best = Double.NaN;
        for (ThresholdPoint p : curve) {
            if (p.covered() < minSupport || !p.hasPrecision()) {
                continue;
            }
            if (p.precision() >= target) {
                return new Recommendation(WriteMode.AUTO, p.threshold(), p.precision(), p.coverage(), p.covered(),
                        String.format(Locale.ROOT, "precision %.1f %% on %d answers at confidence >= %.2f",
                                p.precision() * 100, p.covered(), p.threshold()));
            }
            if (Double.isNaN(best) || p.precision() > best) {
                best = p.precision();
            }
        }
        ThresholdPoint all = curve.get(0);
        if (Double.isNaN(best) || best < floor) {
            return new Recommendation(WriteMode.OFF, 1.0, all.precision(), all.coverage(), all.covered(),
                    String.format(Locale.ROOT, "best precision %s with enough support is below %.0f %%: answers"
                            + " would mislead", Double.isNaN(best) ? "n/a" : String.format(Locale.ROOT, "%.1f %%",
                            best * 100), floor * 100));
        }
        return new Recommendation(WriteMode.SUGGEST, 1.0, all.precision(), all.coverage(), all.covered(),
                String.format(Locale.ROOT, "best precision %.1f %% never reaches the %.0f %% target", best * 100,
                        target * 100));
    }
}

package dev.deskassist.servicenow;

import dev.deskassist.core.model.Priority;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an instance turns impact and urgency into priority, and how its priorities 1 (Critical) to
 * 5 (Planning) relate to the core {@link Priority}. Incident priority cannot be written: the
 * instance computes it from impact × urgency with its priority lookup rules, so DeskAssist writes
 * the pair that this matrix says gives the wanted priority, then checks that the instance agreed.
 *
 * <p>The default is ServiceNow's base-system lookup (rows impact 1–3, columns urgency 1–3):
 * {@code 1,2,3;2,3,4;3,4,5}, and the levels {@code urgent=1, high=2, normal=3, low=4}; a
 * ServiceNow priority is read as the core priority with the largest level not above it, so 5
 * (Planning) reads as low. Immutable.
 */
public final class PriorityMatrix {

    /** ServiceNow's base-system priority lookup, impact rows then urgency columns. */
    public static final String DEFAULT_MATRIX = "1,2,3;2,3,4;3,4,5";
    /** Core priority to ServiceNow priority, by default. */
    public static final String DEFAULT_LEVELS = "urgent=1,high=2,normal=3,low=4";

    /** An impact and urgency to write, 1 (high) to 3 (low) each. */
    public record Pair(int impact, int urgency) {

        public Pair {
            if (impact < 1 || impact > 3 || urgency < 1 || urgency > 3) {
                throw new IllegalArgumentException("impact and urgency are 1 to 3");
            }
        }
    }

    private final int[][] cells;
    private final Map<Priority, Integer> levels;

    private PriorityMatrix(int[][] cells, Map<Priority, Integer> levels) {
        this.cells = cells;
        this.levels = levels;
    }

    /** The base system's lookup and levels. */
    public static PriorityMatrix standard() {
        return parse(DEFAULT_MATRIX, DEFAULT_LEVELS);
    }

    /**
     * Reads a matrix such as {@code 1,2,3;2,3,4;3,4,5} (three rows for impact 1 to 3, each three
     * priorities for urgency 1 to 3) and levels such as {@code urgent=1,high=2,normal=3,low=4}.
     *
     * @throws IllegalArgumentException saying what is wrong (never quoting more than the offending entry)
     */
    public static PriorityMatrix parse(String matrix, String levels) {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(levels, "levels");
        String[] rows = matrix.strip().split(";");
        if (rows.length != 3) {
            throw new IllegalArgumentException("needs 3 rows (impact 1 to 3) separated by ';', e.g. " + DEFAULT_MATRIX);
        }
        int[][] cells = new int[3][3];
        for (int i = 0; i < 3; i++) {
            String[] cols = rows[i].strip().split(",");
            if (cols.length != 3) {
                throw new IllegalArgumentException("row " + (i + 1) + " needs 3 priorities (urgency 1 to 3)");
            }
            for (int u = 0; u < 3; u++) {
                cells[i][u] = priorityNumber(cols[u], "row " + (i + 1) + " column " + (u + 1));
            }
        }
        Map<Priority, Integer> lv = new EnumMap<>(Priority.class);
        for (String part : levels.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            Optional<Priority> p = eq < 0 ? Optional.empty() : Priority.parse(part.substring(0, eq));
            if (p.isEmpty()) {
                throw new IllegalArgumentException("levels are urgent=N,high=N,normal=N,low=N");
            }
            lv.put(p.get(), priorityNumber(part.substring(eq + 1), p.get().name().toLowerCase(Locale.ROOT)));
        }
        if (lv.size() != Priority.values().length) {
            throw new IllegalArgumentException("levels must name urgent, high, normal and low");
        }
        int previous = 0;
        for (Priority p : new Priority[] {Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.LOW}) {
            if (lv.get(p) <= previous) {
                throw new IllegalArgumentException("levels must rise from urgent to low (1 is the most urgent)");
            }
            previous = lv.get(p);
        }
        return new PriorityMatrix(cells, Map.copyOf(lv));
    }

    private static int priorityNumber(String s, String where) {
        try {
            int n = Integer.parseInt(s.strip());
            if (n >= 1 && n <= 5) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + " must be a priority from 1 to 5");
    }

    /** The priority the instance should compute for a pair. */
    public int priorityOf(Pair pair) {
        return cells[pair.impact() - 1][pair.urgency() - 1];
    }

    /** The ServiceNow priority that stands for a core priority. */
    public int level(Priority priority) {
        return levels.get(Objects.requireNonNull(priority, "priority"));
    }

    /**
     * The pair to write for a core priority: a cell giving its level, the one with impact and
     * urgency closest to each other, then the more urgent; empty when no cell gives that level.
     */
    public Optional<Pair> pairFor(Priority priority) {
        int want = level(priority);
        Pair best = null;
        for (int i = 1; i <= 3; i++) {
            for (int u = 1; u <= 3; u++) {
                if (cells[i - 1][u - 1] != want) {
                    continue;
                }
                Pair p = new Pair(i, u);
                if (best == null || spread(p) < spread(best) || spread(p) == spread(best) && u < best.urgency()) {
                    best = p;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static int spread(Pair p) {
        return Math.abs(p.impact() - p.urgency());
    }

    /**
     * The core priority of a ServiceNow priority: the one with the largest level not above it
     * (with the default levels 5, Planning, reads as low); empty for anything but 1 to 5.
     */
    public Optional<Priority> read(String serviceNowPriority) {
        if (serviceNowPriority == null) {
            return Optional.empty();
        }
        int n;
        try {
            n = Integer.parseInt(serviceNowPriority.strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (n < 1 || n > 5) {
            return Optional.empty();
        }
        Priority best = null;
        for (Map.Entry<Priority, Integer> e : levels.entrySet()) {
            if (e.getValue() <= n && (best == null || e.getValue() > levels.get(best))) {
                best = e.getKey();
            }
        }
        // a level set starting above 1 leaves the most urgent numbers unnamed: they are the most urgent priority
        return Optional.of(best == null ? Priority.URGENT : best);
    }

    /** The core priority a record has when nobody chose one (impact 3, urgency 3). */
    public Priority unchosen() {
        return read(String.valueOf(priorityOf(new Pair(3, 3)))).orElse(Priority.LOW);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PriorityMatrix m && java.util.Arrays.deepEquals(cells, m.cells) && levels.equals(m.levels);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(cells) * 31 + levels.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PriorityMatrix[");
        for (int i = 0; i < 3; i++) {
            sb.append(i == 0 ? "" : ";").append(cells[i][0]).append(',').append(cells[i][1]).append(',').append(cells[i][2]);
        }
        return sb.append(", levels=").append(new EnumMap<>(levels)).append(']').toString();
    }
}

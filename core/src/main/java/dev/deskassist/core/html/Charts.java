package dev.deskassist.core.html;

import java.util.List;
import java.util.Locale;

/**
 * Draws small static SVG charts for {@link HtmlPage}: line charts (a precision/coverage curve
 * over confidence thresholds) and horizontal bar charts. No script, no external resource; text
 * is escaped.
 *
 * <pre>{@code
 * Chart c = Charts.lines("category", "confidence threshold", List.of(precision, coverage),
 *         0, 1, List.of(0.95), List.of(0.62));
 * page.chart(c);
 * }</pre>
 */
public final class Charts {

    /** The palette, in series order; chosen to stay apart for the common colour-vision deficiencies. */
    static final String[] COLOURS = {"#1f6feb", "#d9730d", "#2da44e", "#8250df", "#cf222e", "#6e7781"};

    private static final int W = 560;
    private static final int H = 300;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 58;

    private Charts() {
    }

    /**
     * A line chart with x from 0 to 1 and y from {@code yMin} to {@code yMax}; {@code hLines} are
     * dashed horizontal guides (a precision target), {@code vLines} dashed vertical markers (a
     * recommended threshold).
     */
    public static Chart lines(String title, String xLabel, List<Series> series, double yMin, double yMax,
                              List<Double> hLines, List<Double> vLines) {
        return lines(title, xLabel, series, 0, 1, x -> fmt(x, 1), yMin, yMax, hLines, vLines);
    }

    /**
     * A line chart over any x range, e.g. days since a start for a time series; {@code xTick}
     * labels the six x ticks (a date, a week number). {@code vLines} are in x units.
     */
    public static Chart lines(String title, String xLabel, List<Series> series, double xMin, double xMax,
                              java.util.function.DoubleFunction<String> xTick, double yMin, double yMax,
                              List<Double> hLines, List<Double> vLines) {
        if (!(xMax > xMin) || !(yMax > yMin)) {
            throw new IllegalArgumentException("empty axis range");
        }
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        StringBuilder sb = open(title, W, H);
        // grid and axes
        for (int i = 0; i <= 4; i++) {
            double v = yMin + (yMax - yMin) * i / 4;
            double y = TOP + ph - ph * i / 4.0;
            sb.append(line(LEFT, y, LEFT + pw, y, "#e5e7eb", null));
            sb.append(text(LEFT - 6, y + 4, "end", 11, percentOrNumber(v, yMax)));
        }
        for (int i = 0; i <= 10; i += 2) {
            double x = LEFT + pw * i / 10.0;
            sb.append(line(x, TOP + ph, x, TOP + ph + 4, "#6e7781", null));
            sb.append(text(x, TOP + ph + 16, "middle", 11, xTick.apply(xMin + (xMax - xMin) * i / 10.0)));
        }
        sb.append(line(LEFT, TOP + ph, LEFT + pw, TOP + ph, "#6e7781", null));
        sb.append(line(LEFT, TOP, LEFT, TOP + ph, "#6e7781", null));
        sb.append(text(LEFT + pw / 2.0, TOP + ph + 32, "middle", 12, xLabel));
        for (double h : hLines) {
            double y = TOP + ph - ph * clamp((h - yMin) / (yMax - yMin));
            sb.append(line(LEFT, y, LEFT + pw, y, "#cf222e", "4 3"));
        }
        for (double v : vLines) {
            double x = LEFT + pw * clamp((v - xMin) / (xMax - xMin));
            sb.append(line(x, TOP, x, TOP + ph, "#2da44e", "4 3"));
        }
        for (int s = 0; s < series.size(); s++) {
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (double[] p : series.get(s).points()) {
                if (p.length < 2 || Double.isNaN(p[0]) || Double.isNaN(p[1])) {
                    pen = false;
                    continue;
                }
                double x = LEFT + pw * clamp((p[0] - xMin) / (xMax - xMin));
                double y = TOP + ph - ph * clamp((p[1] - yMin) / (yMax - yMin));
                path.append(pen ? " L" : " M").append(fmt(x, 1)).append(' ').append(fmt(y, 1));
                pen = true;
            }
            if (path.length() > 0) {
                sb.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"")
                        .append(colour).append("\" stroke-width=\"2\"/>");
            }
            // legend below the axis label
            double lx = LEFT + s * 150;
            double ly = H - 10;
            sb.append(line(lx, ly - 4, lx + 18, ly - 4, colour, null).replace("stroke-width=\"1\"",
                    "stroke-width=\"3\""));
            sb.append(text(lx + 22, ly, "start", 11, series.get(s).name()));
        }
        return new Chart(sb.append("</svg>").toString());
    }

    /** Horizontal bars scaled to {@code max} (or to the largest value when {@code max} is not positive). */
    public static Chart bars(String title, List<Bar> bars, double max) {
        double top = max > 0 ? max : bars.stream().mapToDouble(Bar::value).max().orElse(1.0);
        if (top <= 0) {
            top = 1.0;
        }
        int rowH = 22;
        int labelW = 150;
        int textW = 110;
        int h = TOP + bars.size() * rowH + 10;
        int pw = W - labelW - textW - 10;
        StringBuilder sb = open(title, W, h);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = TOP + i * rowH;
            double v = Double.isNaN(b.value()) ? 0 : Math.max(0, b.value());
            double w = pw * Math.min(1.0, v / top);
            sb.append(text(labelW - 6, y + 15, "end", 12, b.label()));
            sb.append("<rect x=\"").append(labelW).append("\" y=\"").append(fmt(y + 4, 1)).append("\" width=\"")
                    .append(fmt(w, 1)).append("\" height=\"").append(rowH - 8).append("\" fill=\"")
                    .append(COLOURS[0]).append("\"/>");
            sb.append(text(labelW + w + 6, y + 15, "start", 11, b.text()));
        }
        return new Chart(sb.append("</svg>").toString());
    }

    private static StringBuilder open(String title, int w, int h) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(w).append(' ')
                .append(h).append("\" width=\"").append(w).append("\" height=\"").append(h).append("\">");
        sb.append("<title>").append(HtmlPage.escape(title)).append("</title>");
        sb.append(text(LEFT, 16, "start", 13, title).replace("<text ", "<text font-weight=\"600\" "));
        return sb;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String dash) {
        return "<line x1=\"" + fmt(x1, 1) + "\" y1=\"" + fmt(y1, 1) + "\" x2=\"" + fmt(x2, 1) + "\" y2=\""
                + fmt(y2, 1) + "\" stroke=\"" + colour + "\" stroke-width=\"1\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String text(double x, double y, String anchor, int size, String s) {
        return "<text x=\"" + fmt(x, 1) + "\" y=\"" + fmt(y, 1) + "\" text-anchor=\"" + anchor + "\" font-size=\""
                + size + "\" fill=\"#1f2328\">" + HtmlPage.escape(s) + "</text>";
    }

    private static String percentOrNumber(double v, double yMax) {
        return yMax <= 1.0 ? Math.round(v * 100) + " %" : fmt(v, 0);
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }

    static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}

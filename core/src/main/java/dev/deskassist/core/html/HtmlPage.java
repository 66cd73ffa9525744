package dev.deskassist.core.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A self-contained HTML report page: headings, paragraphs, tables and inline SVG {@link Chart}s,
 * with its style inline and no script or external resource, so that the file can be mailed or
 * archived as is. All text is escaped. Not thread-safe; build one page per report.
 *
 * <pre>{@code
 * String html = HtmlPage.titled("Backtest")
 *     .paragraph("3,000 tickets, Jan to Jun")
 *     .heading("Category")
 *     .table(List.of("threshold", "precision"), rows)
 *     .chart(Charts.lines(...))
 *     .render();
 * }</pre>
 */
public final class HtmlPage {

    private static final String STYLE = "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;"
            + "color:#1f2328;max-width:1100px;margin:24px auto;padding:0 16px}"
            + "h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #d0d7de}"
            + "h3{font-size:15px;margin-top:20px}"
            + "table{border-collapse:collapse;margin:8px 0 16px}th,td{padding:3px 10px;border-bottom:1px solid #eaeef2;"
            + "text-align:left;vertical-align:top}th{background:#f6f8fa}td.n{text-align:right;"
            + "font-variant-numeric:tabular-nums}"
            + ".note{color:#59636e;font-size:12px}.charts{display:flex;flex-wrap:wrap;gap:16px}"
            + ".AUTO{color:#1a7f37;font-weight:600}.SUGGEST{color:#9a6700;font-weight:600}"
            + ".OFF{color:#cf222e;font-weight:600}svg{max-width:100%;height:auto}";

    /** Cells shown right-aligned: numbers, percentages and the placeholders for none. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9.,]*( ?%)?|n/a|—");

    private final String title;
    private final List<String> parts = new ArrayList<>();
    private boolean inCharts;

    private HtmlPage(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** A new page; the title is also its first heading. */
    public static HtmlPage titled(String title) {
        return new HtmlPage(title);
    }

    public HtmlPage heading(String text) {
        return add("<h2>" + escape(text) + "</h2>");
    }

    public HtmlPage subheading(String text) {
        return add("<h3>" + escape(text) + "</h3>");
    }

    public HtmlPage paragraph(String text) {
        return add("<p>" + escape(text) + "</p>");
    }

    /** Small grey text, for definitions and caveats. */
    public HtmlPage note(String text) {
        return add("<p class=\"note\">" + escape(text) + "</p>");
    }

    public HtmlPage bullets(List<String> items) {
        StringBuilder sb = new StringBuilder("<ul>");
        items.forEach(i -> sb.append("<li>").append(escape(i)).append("</li>"));
        return add(sb.append("</ul>").toString());
    }

    /**
     * A table; a cell that looks like a number (digits, sign, separators, %) is right-aligned, and
     * a cell that is exactly OFF, SUGGEST or AUTO is coloured.
     */
    public HtmlPage table(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("<table><thead><tr>");
        header.forEach(h -> sb.append("<th>").append(escape(h)).append("</th>"));
        sb.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            sb.append("<tr>");
            for (String cell : row) {
                String c = cell == null ? "" : cell;
                String cls = NUMBER.matcher(c).matches() ? " class=\"n\""
                        : c.equals("AUTO") || c.equals("SUGGEST") || c.equals("OFF") ? " class=\"" + c + "\"" : "";
                sb.append("<td").append(cls).append('>').append(escape(c)).append("</td>");
            }
            sb.append("</tr>");
        }
        return add(sb.append("</tbody></table>").toString());
    }

    /** A two-column table of names and values, in the map's order. */
    public HtmlPage keyValues(Map<String, String> values) {
        List<List<String>> rows = new ArrayList<>();
        values.forEach((k, v) -> rows.add(List.of(k, v)));
        return table(List.of("", ""), rows);
    }

    /** A chart; consecutive charts flow side by side. */
    public HtmlPage chart(Chart chart) {
        Objects.requireNonNull(chart, "chart");
        if (!inCharts) {
            parts.add("<div class=\"charts\">");
            inCharts = true;
        }
        parts.add("<figure>" + chart.svg() + "</figure>");
        return this;
    }

    private HtmlPage add(String html) {
        closeCharts();
        parts.add(html);
        return this;
    }

    private void closeCharts() {
        if (inCharts) {
            parts.add("</div>");
            inCharts = false;
        }
    }

    /** The complete document. */
    public String render() {
        closeCharts();
        StringBuilder sb = new StringBuilder(16384);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n");
        parts.forEach(p -> sb.append(p).append('\n'));
        return sb.append("</body></html>\n").toString();
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}

package dev.deskassist.core.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlPageTest {

    @Test
    void aPageIsSelfContainedAndEscapesEverything() {
        Chart lines = Charts.lines("a <b> chart", "x", List.of(new Series("p & q", List.of(new double[] {0, 0.5},
                new double[] {0.5, Double.NaN}, new double[] {1, 1}))), 0, 1, List.of(0.95), List.of(0.4));
        Chart bars = Charts.bars("bars", List.of(new Bar("<script>", 0.5, "50 %")), 1.0);
        String html = HtmlPage.titled("Report <1>").paragraph("x < y & \"z\"")
                .table(List.of("name", "value"), List.of(List.of("<img src=x>", "12.5 %"), List.of("mode", "AUTO")))
                .chart(lines).chart(bars).note("done").render();

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>Report &lt;1&gt;</title>"));
        assertTrue(html.contains("x &lt; y &amp; &quot;z&quot;"));
        assertTrue(html.contains("&lt;img src=x&gt;"));
        assertTrue(html.contains("<td class=\"n\">12.5 %</td>"));
        assertTrue(html.contains("<td class=\"AUTO\">AUTO</td>"));
        assertFalse(html.contains("<script"), "no script, not even an injected one");
        assertFalse(html.contains("<img"));
        assertEquals(2, html.split("<svg ", -1).length - 1);
        assertEquals(1, html.split("<div class=\"charts\">", -1).length - 1, "consecutive charts share a row");
        // the only URL is the SVG namespace; nothing is fetched
        String withoutNamespace = html.replace("http://www.w3.org/2000/svg", "");
        assertFalse(withoutNamespace.contains("http:") || withoutNamespace.contains("https:")
                || withoutNamespace.contains("src=\""), "no external resource");
        // the NaN point breaks the line into two segments
        assertTrue(lines.svg().contains(" M") || lines.svg().contains("d=\"M"));
        assertEquals(2, lines.svg().split("M", -1).length - 1);
    }

    @Test
    void aTimeSeriesUsesItsOwnXRangeAndTickLabels() {
        Chart c = Charts.lines("reopen rate", "week", List.of(new Series("rate", List.of(new double[] {10, 0.1},
                new double[] {20, 0.3}))), 10, 20, x -> "W" + Math.round(x), 0, 1, List.of(), List.of(15.0));
        assertTrue(c.svg().contains(">W10<") && c.svg().contains(">W20<"), c.svg());
        // the first point sits on the left edge of the plot (x = 48), the last on the right (x = 544)
        assertTrue(c.svg().contains("d=\"M48.0 "), c.svg());
        assertTrue(c.svg().contains(" L544.0 "), c.svg());
    }
}

package dev.deskassist.core.html;

/** An inline SVG drawn by {@link Charts}; the only markup {@link HtmlPage} takes unescaped. */
public final class Chart {

    private final String svg;

    Chart(String svg) {
        this.svg = svg;
    }

    /** The {@code <svg>} element. */
    public String svg() {
        return svg;
    }

    @Override
    public String toString() {
        return svg;
    }
}

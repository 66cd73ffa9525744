package dev.deskassist.core.html;

import java.util.Objects;

/** One bar of a {@link Charts#bars bar chart}: its label, its value, and the text shown beside it. */
public record Bar(String label, double value, String text) {

    public Bar {
        Objects.requireNonNull(label, "label");
        text = text == null ? "" : text;
    }
}

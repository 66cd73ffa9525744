package dev.deskassist.core.html;

import java.util.List;
import java.util.Objects;

/**
 * One line of a {@link Charts#lines line chart}: a name for the legend and its points as
 * {@code {x, y}} pairs; a point whose y is NaN breaks the line there.
 */
public record Series(String name, List<double[]> points) {

    public Series {
        Objects.requireNonNull(name, "name");
        points = List.copyOf(points);
    }
}

package dev.deskassist.core.triage;

import java.util.List;

/** Finds entities (contact data, payment data, order/invoice/tracking numbers, amounts, dates) in a text. */
@FunctionalInterface
public interface EntityExtractor {

    /** Entities in order of appearance, without overlaps; offsets refer to {@code text}. */
    List<Entity> extract(String text);
}

package dev.deskassist.core.draft.kb;

import java.util.List;
import java.util.Map;

/** The untyped fields of one entry as read from a file, each with the line it stood on. */
record RawEntry(String source, int line, Map<String, Field> fields, String body, int bodyLine) {

    /** One {@code key: value} pair; {@code value} is a String or a List of Strings. */
    record Field(String key, Object value, int line) {

        boolean isList() {
            return value instanceof List<?>;
        }
    }
}

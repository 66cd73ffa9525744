package dev.deskassist.core.http;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What an error response said, read from its body: a code, a message and per-field problems. */
public record ErrorDetails(String code, String message, Map<String, List<String>> fieldErrors) {

    public static final ErrorDetails NONE = new ErrorDetails(null, null, Map.of());

    public ErrorDetails {
        fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    }

    /** The message followed by the field problems, for an exception message. */
    public String summary() {
        String fields = fieldErrors.entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join("; ", e.getValue()))
                .collect(Collectors.joining(", "));
        if (fields.isEmpty()) {
            return message;
        }
        return message == null ? fields : message + " (" + fields + ")";
    }
}

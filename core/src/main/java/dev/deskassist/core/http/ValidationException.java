package dev.deskassist.core.http;

import java.util.List;
import java.util.Map;

/** 400 or 422: the service rejected the request's content; {@link #fieldErrors()} says what, per field. */
public class ValidationException extends HttpApiException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, List<String>> fieldErrors;

    public ValidationException(String service, int status, String method, String path, ErrorDetails details) {
        super(service, status, method, path, details.code(), details.summary(), null);
        this.fieldErrors = details.fieldErrors();
    }

    /** Problems by field name; "base" holds problems not tied to one field. */
    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }
}

package dev.deskassist.core.http;

/** 409: the record changed since it was read (e.g. a human edited the ticket); re-read and re-plan. */
public class ConflictException extends HttpApiException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String service, String method, String path, ErrorDetails details) {
        this(service, 409, method, path, details);
    }

    /** For a service whose {@link StatusClassifier} gives this meaning to another status. */
    public ConflictException(String service, int status, String method, String path, ErrorDetails details) {
        super(service, status, method, path, details.code(), details.message(), null);
    }
}

package dev.deskassist.core.http;

/** 404: the ticket (or other record) does not exist or is not visible to this user. */
public class NotFoundException extends HttpApiException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String service, String method, String path, ErrorDetails details) {
        this(service, 404, method, path, details);
    }

    /** For a service whose {@link StatusClassifier} gives this meaning to another status. */
    public NotFoundException(String service, int status, String method, String path, ErrorDetails details) {
        super(service, status, method, path, details.code(), details.message(), null);
    }
}

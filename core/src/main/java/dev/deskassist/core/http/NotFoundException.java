package dev.deskassist.core.http;

/** 404: the ticket (or other record) does not exist or is not visible to this user. */
public class NotFoundException extends HttpApiException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String service, String method, String path, ErrorDetails details) {
        super(service, 404, method, path, details.code(), details.message(), null);
    }
}

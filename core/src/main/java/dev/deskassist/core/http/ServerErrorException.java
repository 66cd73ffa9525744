package dev.deskassist.core.http;

/** 5xx: the service failed; the request may succeed later. */
public class ServerErrorException extends HttpApiException {

    private static final long serialVersionUID = 1L;

    public ServerErrorException(String service, int status, String method, String path, ErrorDetails details) {
        super(service, status, method, path, details.code(), details.message(), null);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}

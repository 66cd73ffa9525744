package dev.deskassist.core.http;

/** Any other 4xx the service answered; repeating the same request will not help. */
public class ClientErrorException extends HttpApiException {

    private static final long serialVersionUID = 1L;

    public ClientErrorException(String service, int status, String method, String path, ErrorDetails details) {
        super(service, status, method, path, details.code(), details.message(), null);
    }
}

package dev.deskassist.core.http;

/** 401 or 403: the credentials are missing, wrong or lack a permission. */
public class AuthenticationException extends HttpApiException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String service, int status, String method, String path, ErrorDetails details) {
        super(service, status, method, path, details.code(), details.message(), null);
    }
}

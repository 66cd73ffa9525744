package dev.deskassist.core.http;

/** No usable response: connection refused or reset, TLS failure, or a timeout. */
public class TransportException extends HttpApiException {

    private static final long serialVersionUID = 1L;

    private final boolean timeout;

    public TransportException(String service, String method, String path, boolean timeout, Throwable cause) {
        super(service, 0, method, path, timeout ? "timeout" : "io", cause.getClass().getSimpleName(), cause);
        this.timeout = timeout;
    }

    public boolean isTimeout() {
        return timeout;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}

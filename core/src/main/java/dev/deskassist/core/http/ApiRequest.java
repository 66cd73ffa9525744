package dev.deskassist.core.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP call to a service: method, path relative to the client's base URL (query included),
 * extra headers, an optional JSON body, and whether repeating it is safe. Safe calls are retried
 * on 5xx and transport errors; unsafe ones only when the service certainly did not process them
 * (429). {@code toString()} omits the body.
 */
public record ApiRequest(String method, String path, Map<String, String> headers, String jsonBody,
                         boolean idempotent) {

    public ApiRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static ApiRequest get(String path) {
        return new ApiRequest("GET", path, Map.of(), null, true);
    }

    /** A PUT is idempotent by HTTP's definition; pass {@code false} via {@link #idempotent(boolean)} when it is not. */
    public static ApiRequest put(String path, String json) {
        return new ApiRequest("PUT", path, Map.of(), json, true);
    }

    public static ApiRequest patch(String path, String json) {
        return new ApiRequest("PATCH", path, Map.of(), json, false);
    }

    public static ApiRequest post(String path, String json) {
        return new ApiRequest("POST", path, Map.of(), json, false);
    }

    public static ApiRequest delete(String path) {
        return new ApiRequest("DELETE", path, Map.of(), null, true);
    }

    public ApiRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiRequest(method, path, h, jsonBody, idempotent);
    }

    public ApiRequest idempotent(boolean safeToRepeat) {
        return new ApiRequest(method, path, headers, jsonBody, safeToRepeat);
    }

    /** The path without its query string, for logs and errors (queries can hold search terms). */
    public String pathOnly() {
        int q = path.indexOf('?');
        return q >= 0 ? path.substring(0, q) : path;
    }

    @Override
    public String toString() {
        return "ApiRequest[" + method + " " + pathOnly() + (jsonBody != null ? ", body " + jsonBody.length() + " chars" : "")
                + "]";
    }
}

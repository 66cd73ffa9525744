package dev.deskassist.examples.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes the small complete responses both listeners send. */
final class Responses {

    static final String JSON = "application/json";
    static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    private Responses() {
    }

    static void json(Response response, Callback callback, int status, String body) {
        send(response, callback, status, JSON, body);
    }

    /** A JSON answer after which the connection is closed: the rest of the request is not read. */
    static void jsonAndClose(Response response, Callback callback, int status, String body) {
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        send(response, callback, status, JSON, body);
    }

    static void send(Response response, Callback callback, int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** {@code {"status":"<status>"}} for answers that name no outcome of the pipeline. */
    static String status(String status) {
        return "{\"status\":\"" + status + "\"}";
    }
}

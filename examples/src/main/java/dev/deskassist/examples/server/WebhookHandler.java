package dev.deskassist.examples.server;

import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.pipeline.Acceptance;
import dev.deskassist.core.pipeline.WebhookIntake;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/{helpdesk}} and nothing else: reads the body without blocking and within
 * the size limit, hands the request to the intake and answers what it says. Logs method, path,
 * status and time only; headers carry signatures and bodies carry ticket text.
 */
final class WebhookHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
    private static final int INITIAL_BUFFER = 16 * 1024;
    private static final Pattern ROUTE = Pattern.compile("/webhooks/([a-z0-9-]{1,32})");

    private final WebhookIntake intake;
    private final int maxBodyBytes;
    private final Duration bodyTimeout;
    private final HeaderDeadline headerDeadline;

    WebhookHandler(WebhookIntake intake, int maxBodyBytes, Duration bodyTimeout, HeaderDeadline headerDeadline) {
        this.intake = intake;
        this.maxBodyBytes = maxBodyBytes;
        this.bodyTimeout = bodyTimeout;
        this.headerDeadline = headerDeadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        headerDeadline.requestStarted(request);
        long start = System.nanoTime();
        String path = request.getHttpURI().getPath();
        Callback logged = logging(request.getMethod(), path, response, start, callback);
        Matcher m = path == null ? null : ROUTE.matcher(path);
        // these answers leave the body unread: Jetty then closes the connection after the response, so the
        // client must be told, or it re-uses the connection for its next request and gets no answer at all
        if (m == null || !m.matches()) {
            Responses.jsonAndClose(response, logged, 404, Responses.status("not_found"));
            return true;
        }
        if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            Responses.jsonAndClose(response, logged, 405, Responses.status("method_not_allowed"));
            return true;
        }
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            Responses.jsonAndClose(response, logged, 413, Responses.status("too_large"));
            return true;
        }
        new BodyRead(m.group(1), request, response, logged, declared).start();
        return true;
    }

    private static Callback logging(String method, String path, Response response, long start, Callback callback) {
        if (!LOG.isDebugEnabled()) {
            return callback;
        }
        return Callback.from(callback, () -> LOG.debug("{} {} -> {} in {} ms", method, path, response.getStatus(),
                (System.nanoTime() - start) / 1_000_000));
    }

    /** The HTTP layer's answer; the intake is not called for anything it rejects. */
    private void accept(String helpdesk, Request request, byte[] body, Response response, Callback callback) {
        Acceptance a;
        try {
            a = intake.accept(helpdesk, WebhookRequest.of(request.getMethod(), request.getHttpURI().getPathQuery(),
                    headers(request), body, Instant.now()));
        } catch (RuntimeException | StackOverflowError e) {
            // the class name only: a message may quote the body or a header
            LOG.error("webhook intake for {} failed: {}", helpdesk, e.getClass().getName());
            Responses.json(response, callback, 500, Responses.status("error"));
            return;
        }
        a.retryAfterValue().ifPresent(d -> response.getHeaders().put(HttpHeader.RETRY_AFTER,
                Math.max(0, (d.toMillis() + 999) / 1000)));
        Responses.json(response, callback, a.status(), a.body());
    }

    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (HttpField f : request.getHeaders()) {
            out.computeIfAbsent(f.getName(), k -> new ArrayList<>(1)).add(f.getValue());
        }
        return out;
    }

    /**
     * Reads the body chunk by chunk as it arrives (no thread waits for a slow client), stops at
     * the first byte past the limit, and gives up when the body is not complete in time.
     */
    private final class BodyRead implements Runnable {
        private final String helpdesk;
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final AtomicBoolean done = new AtomicBoolean();
        private byte[] buffer;
        private int size;
        private Scheduler.Task timer;

        BodyRead(String helpdesk, Request request, Response response, Callback callback, long declaredLength) {
            this.helpdesk = helpdesk;
            this.request = request;
            this.response = response;
            this.callback = callback;
            // a declared length is a claim, not bytes received: memory grows only with what arrives
            this.buffer = new byte[(int) Math.max(0, Math.min(declaredLength, INITIAL_BUFFER))];
        }

        void start() {
            timer = request.getComponents().getScheduler().schedule(this::timeout, bodyTimeout);
            run();
        }

        @Override
        public void run() {
            while (!done.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (finish()) {
                        callback.failed(chunk.getFailure());
                    }
                    return;
                }
                int n = chunk.remaining();
                if (n > maxBodyBytes - size) {
                    chunk.release();
                    if (finish()) {
                        Responses.jsonAndClose(response, callback, 413, Responses.status("too_large"));
                    }
                    return;
                }
                if (n > 0) {
                    if (size + n > buffer.length) {
                        byte[] grown = new byte[(int) Math.min(maxBodyBytes, Math.max(size + n, buffer.length * 2L))];
                        System.arraycopy(buffer, 0, grown, 0, size);
                        buffer = grown;
                    }
                    chunk.getByteBuffer().get(buffer, size, n);
                    size += n;
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    if (finish()) {
                        byte[] body = size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
                        accept(helpdesk, request, body, response, callback);
                    }
                    return;
                }
            }
        }

        private void timeout() {
            if (finish()) {
                LOG.debug("request body not complete within {} ms", bodyTimeout.toMillis());
                Responses.jsonAndClose(response, callback, 408, Responses.status("timeout"));
            }
        }

        /** True for the one caller that may answer. */
        private boolean finish() {
            if (!done.compareAndSet(false, true)) {
                return false;
            }
            timer.cancel();
            return true;
        }
    }
}

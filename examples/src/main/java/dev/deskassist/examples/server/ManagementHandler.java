package dev.deskassist.examples.server;

import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.pipeline.PipelineHealth;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management listener: {@code GET /health/live} (200 while the process runs), {@code /health/ready}
 * (200 when the pipeline accepts and its store is up, else 503), {@code /health} (the pipeline's
 * snapshot as JSON, 200 whatever it says) and {@code /metrics} (Prometheus text). Nothing else.
 */
final class ManagementHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementHandler.class);
    private static final Set<String> PATHS = Set.of("/health/live", "/health/ready", "/health", "/metrics");

    private final Supplier<PipelineHealth> health;
    private final Supplier<String> metrics;
    private final HeaderDeadline headerDeadline;

    ManagementHandler(Supplier<PipelineHealth> health, Supplier<String> metrics, HeaderDeadline headerDeadline) {
        this.health = health;
        this.metrics = metrics;
        this.headerDeadline = headerDeadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        headerDeadline.requestStarted(request);
        String path = request.getHttpURI().getPath();
        if (path == null || !PATHS.contains(path)) {
            Responses.json(response, callback, 404, Responses.status("not_found"));
            return true;
        }
        if (!HttpMethod.GET.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            Responses.json(response, callback, 405, Responses.status("method_not_allowed"));
            return true;
        }
        switch (path) {
            case "/health/live" -> Responses.json(response, callback, 200, Responses.status("live"));
            case "/health/ready" -> {
                PipelineHealth h = snapshot();
                boolean ready = h != null && h.accepting() && h.storeUp();
                Responses.json(response, callback, ready ? 200 : 503, Responses.status(ready ? "ready" : "not_ready"));
            }
            case "/health" -> {
                PipelineHealth h = snapshot();
                if (h == null) {
                    Responses.json(response, callback, 503, Responses.status("unknown"));
                } else {
                    Responses.json(response, callback, 200, json(h));
                }
            }
            default -> metrics(response, callback);
        }
        return true;
    }

    private void metrics(Response response, Callback callback) {
        String text;
        try {
            text = metrics.get();
        } catch (RuntimeException e) {
            LOG.warn("metrics supplier failed: {}", e.getClass().getName());
            Responses.send(response, callback, 500, Responses.PROMETHEUS, "");
            return;
        }
        Responses.send(response, callback, 200, Responses.PROMETHEUS, text == null ? "" : text);
    }

    private PipelineHealth snapshot() {
        try {
            return health.get();
        } catch (RuntimeException e) {
            LOG.warn("health supplier failed: {}", e.getClass().getName());
            return null;
        }
    }

    /** Keys in a stable order so that the output can be compared and diffed. */
    static String json(PipelineHealth h) {
        JsonProvider p = JsonCodec.jsonp();
        JsonObjectBuilder circuits = p.createObjectBuilder();
        new TreeMap<>(h.circuits()).forEach(circuits::add);
        JsonObjectBuilder counters = p.createObjectBuilder();
        new TreeMap<>(h.counters()).forEach((k, v) -> counters.add(k, v.longValue()));
        return p.createObjectBuilder()
                .add("accepting", h.accepting())
                .add("storeUp", h.storeUp())
                .add("circuits", circuits)
                .add("pending", h.pending())
                .add("inFlight", h.inFlight())
                .add("deadLetters", h.deadLetters())
                .add("counters", counters)
                .build().toString();
    }
}

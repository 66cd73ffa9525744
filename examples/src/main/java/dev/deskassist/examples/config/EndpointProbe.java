package dev.deskassist.examples.config;

import dev.deskassist.core.adapter.ConfigSource;
import dev.deskassist.core.config.ConfigFileProblem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether the LLM endpoints a setup uses answer at all, for {@code serve} to check before it
 * starts: one {@code GET} of each endpoint's base URL with a short timeout. Any HTTP answer counts
 * as reachable (even 401 or 404: authentication and model names show in the first real call, and
 * the offline fallback covers them); a refused connection, an unknown host or no answer within the
 * timeout is a problem naming the {@code baseUrl} key and the skills that use it. No API key is sent.
 */
public final class EndpointProbe {

    /** How long one endpoint may take to answer when the setup's own deadline is longer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private EndpointProbe() {
    }

    /** The problems of every endpoint {@code setup}'s engines use; empty when all answer or none is used. */
    public static List<ConfigFileProblem> check(Setup setup) {
        Duration timeout = setup.engineSettings().timeout().compareTo(DEFAULT_TIMEOUT) < 0
                ? setup.engineSettings().timeout() : DEFAULT_TIMEOUT;
        return check(setup.engineSettings(), setup.source(), timeout);
    }

    /**
     * The problems of every endpoint {@code engines} use, placed at the key's origin in {@code source}.
     *
     * @param timeout how long each endpoint may take to connect and answer
     */
    public static List<ConfigFileProblem> check(EngineSettings engines, ConfigSource source, Duration timeout) {
        Objects.requireNonNull(engines, "engines");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(timeout, "timeout");
        Map<String, EngineSettings.Endpoint> used = new LinkedHashMap<>();
        if (skills(engines, "openai").size() > 0) {
            engines.openai().ifPresent(e -> used.put("openai", e));
        }
        if (skills(engines, "anthropic").size() > 0) {
            engines.anthropic().ifPresent(e -> used.put("anthropic", e));
        }
        if (engines.usesLlm()) {
            engines.privateEndpoint().ifPresent(e -> used.put("private", e));
        }
        if (used.isEmpty()) {
            return List.of();
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        List<ConfigFileProblem> problems = new ArrayList<>();
        used.forEach((prefix, endpoint) -> {
            String failure = probe(http, endpoint.baseUrl(), timeout);
            if (failure != null) {
                String key = prefix + ".baseUrl";
                List<String> skills = prefix.equals("private") ? List.of() : skills(engines, prefix);
                String instead = prefix.equals("private")
                        ? "or remove private.provider so that sensitive tickets stay offline"
                        : "or set " + String.join(", ", skills.stream().map(s -> "engine." + s + "=offline").toList())
                        + " to run without it";
                problems.add(place(source, key, "the " + (prefix.equals("private") ? "private" : prefix)
                        + " endpoint does not answer (" + failure + "); serve does not start with an unreachable "
                        + "model: start the model server or correct the URL, " + instead));
            }
        });
        return List.copyOf(problems);
    }

    /** The skills that run on {@code engine}. */
    static List<String> skills(EngineSettings e, String engine) {
        List<String> out = new ArrayList<>();
        if (e.triage().equals(engine)) {
            out.add("triage");
        }
        if (e.draft().equals(engine)) {
            out.add("draft");
        }
        if (e.summary().equals(engine)) {
            out.add("summary");
        }
        return out;
    }

    /** {@code null} when the URL answered with any HTTP status, else why not, in words. */
    static String probe(HttpClient http, String baseUrl, Duration timeout) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl)).timeout(timeout).GET().build();
            http.send(request, HttpResponse.BodyHandlers.discarding());
            return null;
        } catch (HttpTimeoutException e) {
            return "no answer within " + timeout.toMillis() + " ms";
        } catch (ConnectException e) {
            return e.getCause() instanceof UnresolvedAddressException ? "unknown host" : "connection refused";
        } catch (IOException e) {
            return e.getCause() instanceof UnresolvedAddressException ? "unknown host" : "cannot connect";
        } catch (IllegalArgumentException e) {
            return "not a usable URL";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static ConfigFileProblem place(ConfigSource source, String key, String message) {
        return ConfigDirectory.atOrigin(key, source.origin(key), message);
    }
}

package dev.deskassist.core.llm;

import dev.deskassist.core.http.HttpApiException;
import dev.deskassist.core.http.TransportException;
import dev.deskassist.core.http.UnavailableException;
import dev.deskassist.core.model.AuthorRole;
import dev.deskassist.core.model.Comment;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.privacy.ConsentRegistry;
import dev.deskassist.core.privacy.PseudonymMap;
import dev.deskassist.core.privacy.PseudonymizedTicket;
import dev.deskassist.core.privacy.Pseudonymizer;
import dev.deskassist.core.privacy.SensitivityPolicy;
import dev.deskassist.core.triage.LanguageDetector;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the three LLM engines share: routing (opt-out, sensitivity, private endpoint), the
 * structured call with cache, metering and one repair, the language check with one repair, and
 * the wording of fallback reasons.
 */
final class LlmGateway {

    private static final Logger log = LoggerFactory.getLogger(LlmGateway.class);

    private static final Map<String, String> LANGUAGE_NAMES = Map.of("de", "German", "en", "English", "fr", "French",
            "es", "Spanish", "it", "Italian", "nl", "Dutch", "pt", "Portuguese", "pl", "Polish");

    final String feature;
    final FeatureConfig config;
    final Pseudonymizer pseudonymizer;
    private final SensitivityPolicy sensitivity;
    private final ConsentRegistry consent;
    private final ResponseCache cache;
    private final UsageMeter meter;

    LlmGateway(String feature, FeatureConfig config, LlmSettings settings, ResponseCache cache, UsageMeter meter) {
        this.feature = feature;
        this.config = config;
        this.pseudonymizer = settings.pseudonymizer();
        this.sensitivity = settings.sensitivity();
        this.consent = settings.consent();
        this.cache = cache;
        this.meter = meter;
    }

    /** Where a ticket may go: a client (with a reason when it is the private one), or nowhere and why. */
    record Route(LlmClient client, String reason) {
        boolean offline() {
            return client == null;
        }
    }

    /** A validated structured answer. */
    record Structured(JsonObject value, LlmResponse response, boolean repaired, boolean cached) {
    }

    /** The ticket as a model may see it, and where it may go; {@code ticket} is null when it stays offline by consent. */
    record Prepared(PseudonymizedTicket ticket, Route route) {
    }

    /**
     * Decides where a ticket may go and pseudonymizes it once for that. An opted-out customer's
     * ticket is not even pseudonymized; sensitivity is judged with the pseudonym map, which knows
     * what personal and payment data the ticket holds.
     */
    Prepared prepare(Ticket original, String category) {
        if (consent.optedOut(original.requester())) {
            meter.recordKeptOffline(feature, UsageMeter.OfflineReason.OPTED_OUT);
            return new Prepared(null, new Route(null, "customer opted out of LLM processing; offline engine answered"));
        }
        PseudonymizedTicket pt = pseudonymizer.pseudonymize(original);
        return new Prepared(pt, route(original, category, pt.map()));
    }

    private Route route(Ticket original, String category, PseudonymMap map) {
        Optional<String> sensitive = sensitivity.check(original, category, map);
        if (sensitive.isPresent()) {
            if (config.privateClient() != null) {
                return new Route(config.privateClient(), sensitive.get() + "; sent only to the private endpoint "
                        + config.privateClient().provider());
            }
            meter.recordKeptOffline(feature, UsageMeter.OfflineReason.SENSITIVE);
            return new Route(null, sensitive.get() + " and no private endpoint is configured; offline engine answered");
        }
        return new Route(config.client(), null);
    }

    String decidedBy(LlmClient c, String version) {
        return "llm:" + c.provider() + "/" + c.model() + "@" + version;
    }

    LlmRequest request(PromptTemplate.Rendered p, JsonSchema schema) {
        return LlmRequest.builder().system(p.system()).user(p.user()).maxTokens(config.maxTokens())
                .temperature(config.temperature()).responseSchema(schema).build();
    }

    /** Sends (or serves from the cache) a structured request; an invalid answer gets one repair. */
    CompletableFuture<Structured> call(LlmClient client, String version, LlmRequest request, Set<String> customers) {
        String key = ResponseCache.key(client, version, request);
        Optional<LlmResponse> hit = cache.get(key);
        if (hit.isPresent()) {
            JsonReply.Parsed p = JsonReply.parse(hit.get().text(), request.responseSchema(), false);
            if (p.ok()) {
                meter.recordCacheHit(feature, client.provider(), client.model());
                return CompletableFuture.completedFuture(new Structured(p.value(), hit.get(), false, true));
            }
        }
        return send(client, request).thenCompose(first -> {
            JsonReply.Parsed p = JsonReply.parse(first.text(), request.responseSchema(), first.truncated());
            if (p.ok()) {
                cache.put(key, first.withText(p.value().toString()), customers);
                return CompletableFuture.completedFuture(new Structured(p.value(), first, false, false));
            }
            String problems = String.join("; ", p.problems());
            log.debug("{}: {} answer invalid ({}); asking once for a repair", feature, client.provider(), problems);
            LlmRequest repair = request.followUp(first.text(), "Your answer could not be used: " + problems + ". "
                    + (first.truncated() ? "It was cut off; answer more briefly. " : "")
                    + "Answer again with only the JSON object that matches the schema, no prose and no code fences.");
            return send(client, repair).thenApply(second -> {
                JsonReply.Parsed p2 = JsonReply.parse(second.text(), request.responseSchema(), second.truncated());
                if (!p2.ok()) {
                    throw new LlmOutputException(client.provider(), String.join("; ", p2.problems()) + " (after one repair)");
                }
                cache.put(key, second.withText(p2.value().toString()), customers);
                return new Structured(p2.value(), second, true, false);
            });
        });
    }

    private CompletableFuture<LlmResponse> send(LlmClient client, LlmRequest r) {
        return client.complete(r).thenApply(resp -> {
            meter.recordCall(feature, client.provider(), client.model(), resp.usage());
            return resp;
        });
    }

    /**
     * {@link #call} and then a check, with the language detector, that {@code text} of the answer
     * is in {@code language}; a mismatch gets one repair request, then fails.
     */
    CompletableFuture<Structured> callInLanguage(LlmClient client, String version, LlmRequest request,
                                                 Set<String> customers, String language, LanguageDetector detector,
                                                 Function<JsonObject, String> text, List<String> reasons) {
        return call(client, version, request, customers).thenCompose(s -> {
            Decision<String> d = detector.detect(text.apply(s.value()));
            if (!d.hasValue() || language == null || language.equals(dev.deskassist.core.triage.TriageResult.UNKNOWN_LANGUAGE)) {
                reasons.add("language of the answer could not be verified");
                return CompletableFuture.completedFuture(s);
            }
            if (d.value().equals(language)) {
                reasons.add("language checked: " + language);
                return CompletableFuture.completedFuture(s);
            }
            String wrong = d.value();
            LlmRequest fix = request.followUp(s.response().text(), "Your answer is written in " + languageName(wrong)
                    + ", but every text field must be in " + languageName(language) + ". Rewrite it in "
                    + languageName(language) + " and answer with only the JSON object.");
            return call(client, version, fix, customers).thenApply(s2 -> {
                Decision<String> d2 = detector.detect(text.apply(s2.value()));
                if (d2.hasValue() && !d2.value().equals(language)) {
                    throw new LlmOutputException(client.provider(), "answer in " + d2.value() + " instead of " + language
                            + " after one repair");
                }
                reasons.add("answer was in " + wrong + "; repaired once to " + language);
                return new Structured(s2.value(), s2.response(), true, s2.cached());
            });
        });
    }

    /** Applies the feature's deadline. */
    <T> CompletableFuture<T> deadline(CompletableFuture<T> f) {
        return f.orTimeout(config.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void recordFailure(LlmClient c) {
        meter.recordFailure(feature, c.provider(), c.model());
    }

    /** "LLM unavailable (openai: HTTP 500 after 2 retries); offline engine answered", and the like. */
    String failureReason(LlmClient c, Throwable t) {
        Throwable e = unwrap(t);
        String p = c.provider();
        if (e instanceof LlmOutputException o) {
            return "LLM answer rejected (" + o.getMessage() + "); offline engine answered";
        }
        String detail;
        if (e instanceof UnavailableException u) {
            detail = String.valueOf(u.getMessage()).contains("circuit open") ? "circuit open" : "client-side rate limit";
        } else if (e instanceof TransportException te) {
            detail = (te.isTimeout() ? "timeout" : "connection failed") + retries(c);
        } else if (e instanceof HttpApiException h) {
            detail = "HTTP " + h.status() + (h.isRetryable() ? retries(c) : "");
        } else if (e instanceof TimeoutException) {
            detail = "no answer within " + human(config.timeout());
        } else {
            detail = e.getClass().getSimpleName();
        }
        return "LLM unavailable (" + p + ": " + detail + "); offline engine answered";
    }

    private static String retries(LlmClient c) {
        int n = c.maxRetries();
        return n <= 0 ? "" : " after " + n + (n == 1 ? " retry" : " retries");
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    static String languageName(String code) {
        return code == null ? "the customer's language" : LANGUAGE_NAMES.getOrDefault(code.toLowerCase(Locale.ROOT), code);
    }

    static double clamp(double v) {
        return Double.isNaN(v) ? 0.0 : Math.max(0.0, Math.min(1.0, v));
    }

    /**
     * The conversation of a (pseudonymized) ticket as data for a prompt: one line per message with
     * its author role, newest messages kept when it is longer than {@code maxChars}. Tag-like
     * text that could close the data block is defused.
     */
    static String conversation(Ticket t, int maxChars, boolean withAgents, boolean withInternal) {
        Deque<String> parts = new ArrayDeque<>();
        parts.add("[subject] " + t.subject());
        parts.add("[customer] " + t.description().text());
        for (Comment c : t.comments()) {
            if (c.author() != AuthorRole.CUSTOMER && !withAgents || c.isInternal() && !withInternal) {
                continue;
            }
            String role = switch (c.author()) {
                case CUSTOMER -> "customer";
                case AGENT -> c.isInternal() ? "agent, internal note" : "agent";
                case SYSTEM -> "system";
            };
            parts.add("[" + role + "] " + c.body().text());
        }
        StringBuilder sb = new StringBuilder();
        // keep the subject and opening message, then as many of the newest messages as fit
        String head = parts.pollFirst() + "\n" + parts.pollFirst();
        Deque<String> tail = new ArrayDeque<>();
        int budget = maxChars - head.length();
        while (!parts.isEmpty()) {
            String last = parts.pollLast();
            if (budget - last.length() - 1 < 0) {
                tail.addFirst("[… earlier messages omitted …]");
                break;
            }
            budget -= last.length() + 1;
            tail.addFirst(last);
        }
        sb.append(head.length() > maxChars ? head.substring(0, maxChars) : head);
        for (String s : tail) {
            sb.append('\n').append(s);
        }
        return defuse(sb.toString());
    }

    /** Keeps ticket text from closing or opening the {@code <ticket>} data block. */
    static String defuse(String s) {
        return s.replaceAll("(?i)<\\s*/?\\s*ticket\\s*>", "‹ticket›");
    }
}

package dev.deskassist.core.llm;

import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.privacy.CustomerKeys;
import dev.deskassist.core.privacy.PseudonymMap;
import dev.deskassist.core.privacy.PseudonymizedTicket;
import dev.deskassist.core.summary.Summarizing;
import dev.deskassist.core.summary.Summary;
import dev.deskassist.core.triage.LanguageDetector;
import dev.deskassist.core.triage.TriageResult;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Conversation summaries by a language model over the pseudonymized thread (customer and agent
 * messages, internal notes included), in the ticket's language (checked by the detector, one
 * repair), with placeholders restored inside the process. Failures fall back to the offline
 * summarizer with the reason. Thread-safe.
 */
public final class LlmSummarizing implements Summarizing {

    private static final JsonSchema SCHEMA = JsonSchema.of("ticket_summary", """
            {"type":"object","additionalProperties":false,
             "required":["customer_wants","tried","current_state","open_questions","next_step","confidence"],
             "properties":{
               "customer_wants":{"type":"string"},
               "tried":{"type":"array","items":{"type":"string"}},
               "current_state":{"type":"string"},
               "open_questions":{"type":"array","items":{"type":"string"}},
               "next_step":{"type":"string"},
               "confidence":{"type":"number"}}}
            """);

    private final LlmGateway gateway;
    private final Summarizing offline;
    private final LanguageDetector detector;
    private final PromptTemplate prompt;

    LlmSummarizing(LlmGateway gateway, Summarizing offline, LanguageDetector detector, PromptTemplate prompt) {
        this.gateway = Objects.requireNonNull(gateway);
        this.offline = Objects.requireNonNull(offline, "offline summarizer (fallback)");
        this.detector = Objects.requireNonNull(detector, "language detector");
        this.prompt = Objects.requireNonNull(prompt);
    }

    @Override
    public Summary summarize(Ticket ticket, TriageResult triage) {
        return summarizeAsync(ticket, triage).join();
    }

    /** Summarizing without holding a thread while the model answers; LLM problems end in the offline summary. */
    public CompletableFuture<Summary> summarizeAsync(Ticket ticket, TriageResult triage) {
        String lang = triage.languageCode();
        LlmGateway.Prepared prepared = gateway.prepare(ticket, triage.category().value());
        LlmGateway.Route route = prepared.route();
        if (route.offline()) {
            return CompletableFuture.completedFuture(fallback(ticket, triage, route.reason()));
        }
        LlmClient client = route.client();
        PseudonymizedTicket pt = prepared.ticket();
        LlmRequest request = gateway.request(prompt.render(Map.of(
                "language_name", LlmGateway.languageName(lang),
                "language", lang,
                "ticket", LlmGateway.conversation(pt.ticket(), 12000, true, true))), SCHEMA);
        List<String> reasons = new ArrayList<>();
        if (route.reason() != null) {
            reasons.add(route.reason());
        }
        return gateway.deadline(gateway.callInLanguage(client, prompt.version(), request,
                        CustomerKeys.of(ticket.requester()), lang, detector,
                        o -> o.getString("customer_wants") + "\n" + o.getString("current_state") + "\n"
                                + o.getString("next_step"), reasons))
                .thenApply(s -> build(lang, s, client, pt.map(), reasons))
                .exceptionally(t -> {
                    gateway.recordFailure(client);
                    return fallback(ticket, triage, gateway.failureReason(client, t));
                });
    }

    private Summary build(String lang, LlmGateway.Structured s, LlmClient client, PseudonymMap map, List<String> reasons) {
        JsonObject o = s.value();
        if (s.cached()) {
            reasons.add("answer served from cache");
        }
        if (s.repaired()) {
            reasons.add("answer needed one repair");
        }
        List<String> tried = new ArrayList<>();
        LlmDrafting.strings(o.get("tried")).forEach(t -> tried.add(map.restore(t.strip())));
        List<String> open = new ArrayList<>();
        LlmDrafting.strings(o.get("open_questions")).forEach(t -> open.add(map.restore(t.strip())));
        double conf = Math.min(LlmGateway.clamp(o.getJsonNumber("confidence").doubleValue()), LlmTriage.MAX_MODEL_CONFIDENCE);
        return new Summary(lang, map.restore(o.getString("customer_wants")), tried, map.restore(o.getString("current_state")),
                open, map.restore(o.getString("next_step")), conf, reasons, gateway.decidedBy(client, prompt.version()));
    }

    private Summary fallback(Ticket ticket, TriageResult triage, String reason) {
        Summary s = offline.summarize(ticket, triage);
        List<String> r = new ArrayList<>(s.reasons());
        r.add(reason);
        return new Summary(s.language(), s.customerWants(), s.tried(), s.currentState(), s.openQuestions(), s.nextStep(),
                s.confidence(), r, s.decidedBy());
    }

    @Override
    public String toString() {
        return "LlmSummarizing[" + gateway.config + ", " + prompt.version() + "]";
    }
}

package dev.deskassist.core.llm;

import dev.deskassist.core.draft.AiDisclosure;
import dev.deskassist.core.draft.Citation;
import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.draft.Drafting;
import dev.deskassist.core.draft.Guardrails;
import dev.deskassist.core.draft.KnowledgeRetriever;
import dev.deskassist.core.draft.Passage;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.privacy.CustomerKeys;
import dev.deskassist.core.privacy.PseudonymMap;
import dev.deskassist.core.privacy.PseudonymizedTicket;
import dev.deskassist.core.triage.LanguageDetector;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.TriageResult;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reply drafts by a language model, grounded in retrieved knowledge-base passages, with code
 * (not the prompt) in charge of what matters: cited passage ids are checked against those
 * retrieved (unknown ids are removed and flagged), the draft's language is checked with the
 * language detector (one repair, else the offline draft), any AI disclosure the model wrote is
 * stripped and the configured one added once, placeholders are restored inside the process, and
 * {@link Guardrails#review} is applied to every draft. Failures fall back to the offline engine
 * with the reason. Thread-safe.
 */
public final class LlmDrafting implements Drafting {

    static final int PASSAGES = 4;

    private static final JsonSchema SCHEMA = JsonSchema.of("reply_draft", """
            {"type":"object","additionalProperties":false,
             "required":["body","citations","questions","confidence"],
             "properties":{
               "body":{"type":"string"},
               "citations":{"type":"array","items":{"type":"string"}},
               "questions":{"type":"array","items":{"type":"string"}},
               "confidence":{"type":"number"}}}
            """);

    /** Lines in which a model announces that AI wrote the text; code adds the real disclosure. */
    private static final Pattern SELF_DISCLOSURE = Pattern.compile(
            "(?im)^.*(?:\\b(?:AI|KI)\\b|artificial intelligence|künstliche[rn]? intelligenz|language model|sprachmodell)"
                    + ".{0,80}(?:generated|drafted|written|created|assisted|erstellt|generiert|verfasst|unterstützt)[^\\n]*$"
                    + "|^.*(?:generated|drafted|written|created|erstellt|generiert|verfasst).{0,60}"
                    + "(?:\\b(?:AI|KI)\\b|artificial intelligence|künstliche[rn]? intelligenz|language model|sprachmodell)[^\\n]*$");
    private static final Pattern BRACKET_ID = Pattern.compile("\\[([A-Za-z0-9][A-Za-z0-9_.:/-]*#[A-Za-z0-9_.-]+)]");

    private final LlmGateway gateway;
    private final Drafting offline;
    private final KnowledgeRetriever retriever;
    private final Guardrails guardrails;
    private final LanguageDetector detector;
    private final AiDisclosure disclosure;
    private final PromptTemplate prompt;
    private final Map<String, String> taxonomy;

    LlmDrafting(LlmGateway gateway, Drafting offline, KnowledgeRetriever retriever, Guardrails guardrails,
                LanguageDetector detector, AiDisclosure disclosure, PromptTemplate prompt, Map<String, String> taxonomy) {
        this.gateway = Objects.requireNonNull(gateway);
        this.offline = Objects.requireNonNull(offline, "offline drafting (fallback)");
        this.retriever = Objects.requireNonNull(retriever, "knowledge retriever");
        this.guardrails = Objects.requireNonNull(guardrails, "guardrails");
        this.detector = Objects.requireNonNull(detector, "language detector");
        this.disclosure = Objects.requireNonNull(disclosure);
        this.prompt = Objects.requireNonNull(prompt);
        this.taxonomy = taxonomy == null ? Map.of() : Map.copyOf(taxonomy);
    }

    @Override
    public Draft draft(Ticket ticket, TriageResult triage) {
        return draftAsync(ticket, triage).join();
    }

    /** Drafting without holding a thread while the model answers; LLM problems end in the offline draft. */
    public CompletableFuture<Draft> draftAsync(Ticket ticket, TriageResult triage) {
        String lang = triage.languageCode();
        LlmGateway.Prepared prepared = gateway.prepare(ticket, triage.category().value());
        LlmGateway.Route route = prepared.route();
        if (route.offline()) {
            return CompletableFuture.completedFuture(fallback(ticket, triage, route.reason()));
        }
        LlmClient client = route.client();
        PseudonymizedTicket pt = prepared.ticket();
        List<String> categories = triage.category().hasValue() ? List.of(triage.category().value()) : List.of();
        List<Passage> passages = retriever.retrieve(ticket.customerText(2000), lang, categories, PASSAGES);
        Map<String, Passage> byId = new LinkedHashMap<>();
        StringBuilder kb = new StringBuilder();
        for (Passage p : passages) {
            byId.put(p.id(), p);
            // passages are approved company text, but a customer's name can slip into an article; mask it too
            kb.append('[').append(p.id()).append("] ").append(p.title() == null ? "" : p.title()).append('\n')
                    .append(gateway.pseudonymizer.pseudonymize(p.text(), pt.map()).strip()).append("\n\n");
        }
        String customer = pt.ticket().requester().name();
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("language_name", LlmGateway.languageName(lang));
        vars.put("language", lang);
        vars.put("style", style(triage.style().valueOr(StyleProfile.UNKNOWN)));
        vars.put("category", triage.category().hasValue()
                ? triage.category().value() + descriptionOf(triage.category().value()) : "not decided");
        vars.put("rules", bullets(guardrails.rules(lang)));
        vars.put("passages", passages.isEmpty() ? "(none found)" : kb.toString().strip());
        vars.put("customer", customer == null || customer.isBlank() ? "(no name known)" : customer);
        vars.put("ticket", LlmGateway.conversation(pt.ticket(), 8000, true, false));
        LlmRequest request = gateway.request(prompt.render(vars), SCHEMA);
        List<String> reasons = new ArrayList<>();
        if (route.reason() != null) {
            reasons.add(route.reason());
        }
        Set<String> customers = CustomerKeys.of(ticket.requester());
        return gateway.deadline(gateway.callInLanguage(client, prompt.version(), request, customers, lang, detector,
                        o -> o.getString("body"), reasons))
                .thenApply(s -> build(ticket, triage, s, client, byId, pt.map(), reasons))
                .exceptionally(t -> {
                    gateway.recordFailure(client);
                    return fallback(ticket, triage, gateway.failureReason(client, t));
                });
    }

    private Draft build(Ticket ticket, TriageResult triage, LlmGateway.Structured s, LlmClient client,
                        Map<String, Passage> retrieved, PseudonymMap map, List<String> reasons) {
        JsonObject o = s.value();
        String lang = triage.languageCode();
        if (s.cached()) {
            reasons.add("answer served from cache");
        }
        String body = o.getString("body");

        String stripped = disclosure.strip(body);
        Matcher self = SELF_DISCLOSURE.matcher(stripped);
        if (!stripped.equals(body.strip()) || self.find()) {
            reasons.add("removed an AI disclosure the model wrote; code adds it once");
        }
        body = SELF_DISCLOSURE.matcher(stripped).replaceAll("").strip();

        Set<String> cited = new LinkedHashSet<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String id : strings(o.get("citations"))) {
            String clean = id.strip().replaceAll("^\\[|]$", "");
            if (retrieved.containsKey(clean)) {
                cited.add(clean);
            } else {
                unknown.add(clean);
            }
        }
        Matcher inline = BRACKET_ID.matcher(body);
        StringBuilder sb = new StringBuilder();
        while (inline.find()) {
            if (retrieved.containsKey(inline.group(1))) {
                cited.add(inline.group(1));
                inline.appendReplacement(sb, Matcher.quoteReplacement(inline.group()));
            } else {
                unknown.add(inline.group(1));
                inline.appendReplacement(sb, "");
            }
        }
        inline.appendTail(sb);
        body = sb.toString().replaceAll("[ \\t]+([.,;:!?])", "$1").strip();
        if (!unknown.isEmpty()) {
            reasons.add("removed " + unknown.size() + " citation(s) of passages that were not retrieved");
        }
        List<Citation> citations = new ArrayList<>();
        cited.forEach(id -> citations.add(retrieved.get(id).citation()));

        double conf = LlmGateway.clamp(o.getJsonNumber("confidence").doubleValue()) * 0.8;
        if (citations.isEmpty()) {
            conf = Math.min(conf, 0.4);
            reasons.add("no knowledge-base passage cited");
        } else {
            reasons.add("grounded in " + citations.size() + " cited passage(s)");
        }
        if (s.repaired()) {
            reasons.add("answer needed one repair");
        }

        Set<String> invented = map.unknownPlaceholders(body);
        String restored = map.restore(body);
        List<String> questions = new ArrayList<>();
        for (String q : strings(o.get("questions"))) {
            questions.add(map.restore(q.strip()));
        }
        Draft d = new Draft(lang, restored, disclosure.reviewed(lang), citations, questions, false, List.of(),
                LlmGateway.clamp(conf), reasons, gateway.decidedBy(client, prompt.version()));
        if (!invented.isEmpty()) {
            d = d.requireApproval("draft contains placeholders that stand for no known value");
        }
        return guardrails.review(d, ticket, triage);
    }

    private Draft fallback(Ticket ticket, TriageResult triage, String reason) {
        Draft d = offline.draft(ticket, triage);
        List<String> r = new ArrayList<>(d.reasons());
        r.add(reason);
        return new Draft(d.language(), d.body(), d.disclosure(), d.citations(), d.questions(), d.requiresApproval(),
                d.approvalReasons(), d.confidence(), r, d.decidedBy());
    }

    private String descriptionOf(String category) {
        String d = taxonomy.get(category);
        return d == null || d.isBlank() ? "" : " (" + d.strip() + ")";
    }

    static String style(StyleProfile s) {
        List<String> parts = new ArrayList<>();
        parts.add(switch (s.formality()) {
            case FORMAL -> "formal register";
            case INFORMAL -> "relaxed, friendly register";
            case UNKNOWN -> "polite, neutral register";
        });
        parts.add(switch (s.address()) {
            case FORMAL -> "formal form of address (Sie/vous/usted)";
            case INFORMAL -> "informal form of address (du/tu)";
            case UNKNOWN -> "the usual polite form of address";
        });
        parts.add(switch (s.expertise()) {
            case EXPERT -> "technical detail is welcome";
            case BEGINNER -> "plain words, step by step";
            case UNKNOWN -> "clear, not too technical";
        });
        parts.add(s.length() == StyleProfile.Length.SHORT ? "keep it short" : "a thorough answer is fine");
        return String.join("; ", parts);
    }

    static String bullets(List<String> rules) {
        if (rules == null || rules.isEmpty()) {
            return "- (no extra rules)";
        }
        StringBuilder sb = new StringBuilder();
        for (String r : rules) {
            sb.append("- ").append(r.strip()).append('\n');
        }
        return sb.toString().strip();
    }

    static List<String> strings(JsonValue v) {
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray a) {
            for (JsonValue x : a) {
                if (x instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "LlmDrafting[" + gateway.config + ", " + prompt.version() + "]";
    }
}

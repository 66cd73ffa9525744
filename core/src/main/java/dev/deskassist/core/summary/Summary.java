package dev.deskassist.core.summary;

import java.util.List;
import java.util.Objects;

/**
 * A structured summary of a whole conversation for the agent: what the customer wants, what
 * has been tried, where things stand, what is still open and the next step, with the engine's
 * confidence and reasons; and a two-line overview (the customer's opening request and the agent's
 * latest substantive answer, each attributed) for lists and previews.
 */
public record Summary(
        String language,
        String customerWants,
        List<String> tried,
        String currentState,
        List<String> openQuestions,
        String nextStep,
        double confidence,
        List<String> reasons,
        String decidedBy,
        String overview) {

    public Summary {
        Objects.requireNonNull(language, "language");
        customerWants = customerWants == null ? "" : customerWants;
        tried = tried == null ? List.of() : List.copyOf(tried);
        currentState = currentState == null ? "" : currentState;
        openQuestions = openQuestions == null ? List.of() : List.copyOf(openQuestions);
        nextStep = nextStep == null ? "" : nextStep;
        overview = overview == null ? "" : overview;
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        if (confidence < 0.0 || confidence > 1.0 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be in [0,1]");
        }
    }

    /** A summary without an overview (engines that do not write one). */
    public Summary(String language, String customerWants, List<String> tried, String currentState,
            List<String> openQuestions, String nextStep, double confidence, List<String> reasons, String decidedBy) {
        this(language, customerWants, tried, currentState, openQuestions, nextStep, confidence, reasons, decidedBy, "");
    }

    /** All parts as one plain text, in the order an agent reads them. */
    public String asText() {
        StringBuilder sb = new StringBuilder(customerWants);
        tried.forEach(t -> sb.append('\n').append(t));
        if (!currentState.isEmpty()) {
            sb.append('\n').append(currentState);
        }
        openQuestions.forEach(q -> sb.append('\n').append(q));
        if (!nextStep.isEmpty()) {
            sb.append('\n').append(nextStep);
        }
        return sb.toString().strip();
    }
}

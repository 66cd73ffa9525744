package dev.deskassist.core.draft;

import java.util.List;
import java.util.Objects;

/**
 * A reply proposed to an agent: the body in the customer's language, the AI disclosure line
 * (added by code, never by a prompt), the sources cited, questions for missing information,
 * whether a human must approve it and why, and the engine's confidence and reasons.
 */
public record Draft(
        String language,
        String body,
        String disclosure,
        List<Citation> citations,
        List<String> questions,
        boolean requiresApproval,
        List<String> approvalReasons,
        double confidence,
        List<String> reasons,
        String decidedBy) {

    public Draft {
        Objects.requireNonNull(language, "language");
        body = body == null ? "" : body;
        disclosure = disclosure == null ? "" : disclosure;
        citations = citations == null ? List.of() : List.copyOf(citations);
        questions = questions == null ? List.of() : List.copyOf(questions);
        approvalReasons = approvalReasons == null ? List.of() : List.copyOf(approvalReasons);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        if (confidence < 0.0 || confidence > 1.0 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be in [0,1]");
        }
        if (requiresApproval && approvalReasons.isEmpty()) {
            throw new IllegalArgumentException("a draft that requires approval must say why");
        }
    }

    /** The text to post: body, then the disclosure line exactly once. */
    public String fullText() {
        return disclosure.isEmpty() ? body : body.strip() + "\n\n" + disclosure;
    }

    /** A copy that requires approval for one more reason. */
    public Draft requireApproval(String reason) {
        List<String> all = new java.util.ArrayList<>(approvalReasons);
        if (!all.contains(reason)) {
            all.add(reason);
        }
        return new Draft(language, body, disclosure, citations, questions, true, all, confidence, reasons,
                decidedBy);
    }

    /** A copy with another disclosure line; the body is left as it is. */
    public Draft withDisclosure(String newDisclosure) {
        return new Draft(language, body, newDisclosure, citations, questions, requiresApproval, approvalReasons,
                confidence, reasons, decidedBy);
    }

    /** A copy with another body. */
    public Draft withBody(String newBody) {
        return new Draft(language, newBody, disclosure, citations, questions, requiresApproval, approvalReasons,
                confidence, reasons, decidedBy);
    }
}

package dev.deskassist.core.audit;

import java.util.List;

/**
 * One decided value as the audit log keeps it: field name, the value as a short string (never
 * ticket text or personal data), confidence, reasons and the deciding engine.
 */
public record FieldDecision(String field, String value, double confidence, List<String> reasons, String decidedBy) {

    public FieldDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}

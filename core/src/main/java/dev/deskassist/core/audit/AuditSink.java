package dev.deskassist.core.audit;

/**
 * Where decision records go. A sink that cannot record throws {@link AuditException}, and the
 * assist call fails with it: a decision that was not recorded must not be applied.
 */
@FunctionalInterface
public interface AuditSink {

    /** A sink that keeps nothing, for tests and for integrators who record elsewhere. */
    AuditSink NONE = record -> {
    };

    void record(DecisionRecord record);
}

package dev.deskassist.core.audit;

/**
 * Where decision records go. A sink that cannot record throws {@link AuditException}, and the
 * assist call fails with it: a decision that was not recorded must not be applied.
 *
 * <p>Outcome and feedback records (what became of a decision, seen on later events) go through the
 * same sink; a sink that only keeps decisions ignores them (the defaults).
 */
@FunctionalInterface
public interface AuditSink {

    /** A sink that keeps nothing, for tests and for integrators who record elsewhere. */
    AuditSink NONE = record -> {
    };

    void record(DecisionRecord record);

    /** Records what became of a decision; ignored by default. */
    default void outcome(OutcomeRecord record) {
    }

    /** Records an agent's verdict; ignored by default. */
    default void feedback(FeedbackRecord record) {
    }
}

package dev.deskassist.examples.webhook;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.audit.AuditSink;
import dev.deskassist.core.audit.JsonLinesAuditSink;
import dev.deskassist.examples.Nordwind;
import dev.deskassist.examples.UsageException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Engine wiring for {@code serve}, {@code simulate}, {@code replay} and {@code bench-webhook}:
 * the one place that decides which triage, summary, draft and write-back engines run.
 */
public final class Engines {

    private Engines() {
    }

    /** Builds DeskAssist for an engine name; audit records go to the file if set. */
    public static DeskAssist create(String engine, Path auditFile) {
        AuditSink audit = auditFile == null ? AuditSink.NONE : new JsonLinesAuditSink(auditFile);
        return switch (engine) {
            // the Nordwind sample's taxonomy, classifier, knowledge base and policies on the offline engines
            case "offline" -> Nordwind.load(Clock.systemUTC()).deskAssist(audit);
            default -> throw new UsageException("unknown engine '" + engine + "' (known: offline)");
        };
    }
}

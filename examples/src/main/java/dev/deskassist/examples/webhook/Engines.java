package dev.deskassist.examples.webhook;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.audit.AuditSink;
import dev.deskassist.core.audit.JsonLinesAuditSink;
import dev.deskassist.examples.UsageException;
import java.nio.file.Path;

/**
 * ENGINE WIRING for {@code serve}, {@code simulate}, {@code replay} and {@code bench-webhook}:
 * the one place that decides which triage, summary, draft and write-back engines run.
 *
 * <p>TODO(lead): replace the stand-in {@link DemoEngines} with the offline engines
 * ({@code OfflineTriage}, summaries, drafts, {@code PolicyWriteBackPlanner}) once merged, and add
 * the LLM engines under their own names.
 */
public final class Engines {

    private Engines() {
    }

    /** Builds DeskAssist for an engine name ({@code offline} or {@code demo}); audit records go to the file if set. */
    public static DeskAssist create(String engine, Path auditFile) {
        AuditSink audit = auditFile == null ? AuditSink.NONE : new JsonLinesAuditSink(auditFile);
        return switch (engine) {
            case "offline", "demo" -> DeskAssist.builder()
                    .triage(DemoEngines::triage)
                    .summarizing(DemoEngines::summarize)
                    .drafting(DemoEngines::draft)
                    .writeBackPlanner(DemoEngines::plan)
                    .auditSink(audit)
                    .build();
            default -> throw new UsageException("unknown engine '" + engine + "' (known: offline, demo)");
        };
    }
}

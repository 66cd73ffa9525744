package dev.deskassist.core.pipeline;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.llm.TokenUsage;
import dev.deskassist.core.llm.UsageMeter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a pipeline and an LLM usage meter end to end; {@code MicrometerFreeCoreTest} calls it in a
 * class loader that has no Micrometer jar, as in an application without Micrometer.
 */
public final class WithoutMicrometer {

    private WithoutMicrometer() {
    }

    /** "ACCEPTED processed=1 calls=1", or what went differently. */
    public static String run(Path dir) {
        UsageMeter usage = new UsageMeter();
        usage.recordCall("triage", "openai", "gpt-4o-mini", new TokenUsage(10, 2));
        usage.recordKeptOffline("draft", UsageMeter.OfflineReason.SENSITIVE);
        TestHelpdesk helpdesk = new TestHelpdesk(PipelineFixture.HELPDESK);
        try (SqliteEventStore store = SqliteEventStore.open(dir);
             DeskAssist assist = PipelineFixture.deskAssist(record -> { })) {
            Pipeline pipeline = Pipeline.builder().adapter(helpdesk, PipelineFixture.guard()).assist(assist)
                    .store(store).settings(PipelineFixture.fast().build()).build().start();
            try {
                Acceptance a = pipeline.accept(PipelineFixture.HELPDESK, PipelineFixture.webhook("t1", "d-1"));
                pipeline.awaitIdle(Duration.ofSeconds(10));
                return a.outcome() + " processed=" + pipeline.health().counters().get("processed") + " calls="
                        + usage.snapshot().get(0).calls();
            } finally {
                pipeline.stop(Duration.ofSeconds(5));
            }
        }
    }
}

package dev.deskassist.examples;

import dev.deskassist.examples.bench.LlmOverheadBench;
import dev.deskassist.examples.cli.Progress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench-llm}: DeskAssist's own overhead on the LLM path and in-flight capacity against a slow mock model. */
@Command(name = "bench-llm", sortOptions = false,
        description = "Measure the LLM path's overhead per ticket and the in-flight capacity against a slow mock model.")
public final class BenchLlmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--overhead-tickets", paramLabel = "N",
            description = "Tickets for the overhead measurement, at least 100 (default: ${DEFAULT-VALUE}).")
    int overheadTickets = 20_000;

    @Option(names = "--tickets", paramLabel = "N", description = "Tickets for the capacity run (default: ${DEFAULT-VALUE}).")
    int tickets = 1_000;

    @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight at most (default: ${DEFAULT-VALUE}).")
    int concurrency = 512;

    @Option(names = "--delay-ms", paramLabel = "MS", description = "The mock model's answer time (default: ${DEFAULT-VALUE}).")
    int delayMillis = 1_000;

    @Override
    public Integer call() throws Exception {
        if (overheadTickets < 100 || tickets < 1 || concurrency < 1 || delayMillis < 0) {
            throw new UsageException("--overhead-tickets >= 100, --tickets >= 1, --concurrency >= 1 and --delay-ms >= 0");
        }
        LlmOverheadBench.Options o = new LlmOverheadBench.Options(overheadTickets, tickets, concurrency,
                Duration.ofMillis(delayMillis));
        // a rough estimate for the progress line: two overhead passes, then the capacity waves of model answers
        long expected = TimeUnit.MICROSECONDS.toNanos(100L * overheadTickets)
                + TimeUnit.MILLISECONDS.toNanos((tickets / concurrency + 2L) * delayMillis) + TimeUnit.SECONDS.toNanos(3);
        LlmOverheadBench.Result r;
        try (Progress progress = Progress.timed(spec.qualifiedName(), expected, spec.commandLine().getErr())) {
            r = LlmOverheadBench.run(o);
        }
        spec.commandLine().getOut().flush();
        LlmOverheadBench.print(r, o);
        return 0;
    }
}

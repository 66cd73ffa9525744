package dev.deskassist.examples;

import dev.deskassist.examples.bench.LlmOverheadBench;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code bench-llm}: DeskAssist's own overhead on the LLM path and in-flight capacity against a slow mock model. */
public final class BenchLlmCommand implements Command {

    @Override
    public String name() {
        return "bench-llm";
    }

    @Override
    public String summary() {
        return "measure LLM-path overhead per ticket and in-flight capacity against a 1 s mock model";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Args a = Args.parse(args, Set.of());
        LlmOverheadBench.Options o = new LlmOverheadBench.Options(
                a.intValue("overhead-tickets", 20_000),
                a.intValue("tickets", 1_000),
                a.intValue("concurrency", 512),
                Duration.ofMillis(a.intValue("delay-ms", 1_000)));
        if (o.overheadTickets() < 100 || o.capacityTickets() < 1 || o.concurrency() < 1) {
            throw new UsageException("--overhead-tickets >= 100, --tickets >= 1 and --concurrency >= 1");
        }
        LlmOverheadBench.print(LlmOverheadBench.run(o), o);
        return 0;
    }
}

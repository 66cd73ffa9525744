package dev.deskassist.examples;

import dev.deskassist.examples.bench.ReplicaBench;
import java.util.List;

/** {@code bench-replicas [--events 2000] [--runs 3] [--redis-url redis://host:port]}: see {@link ReplicaBench}. */
public final class BenchReplicasCommand implements Command {

    @Override
    public String name() {
        return "bench-replicas";
    }

    @Override
    public String summary() {
        return "accepted and processed events/s with 1-3 replicas on Redis against the embedded store "
                + "[--events N] [--runs N] [--appendfsync everysec|always] [--redis-url URL]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        return ReplicaBench.run(args);
    }
}

package dev.deskassist.examples;

import dev.deskassist.examples.bench.ReplicaBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-replicas}: accepted and processed events per second with 1–3 replicas; see {@link ReplicaBench}. */
@Command(name = "bench-replicas", sortOptions = false,
        description = "Accepted and processed events/s with 1-3 replicas on Redis against the embedded store "
                + "(starts its own redis-server unless --redis-url is given).")
public final class BenchReplicasCommand implements Callable<Integer> {

    @Option(names = "--events", paramLabel = "N", description = "Events per configuration (default: ${DEFAULT-VALUE}).")
    int events = 2000;

    @Option(names = "--runs", paramLabel = "N", description = "Runs of every configuration (default: ${DEFAULT-VALUE}).")
    int runs = 3;

    @Option(names = "--senders", paramLabel = "N", description = "Concurrent webhook senders (default: ${DEFAULT-VALUE}).")
    int senders = 8;

    @Option(names = "--workers", paramLabel = "N", description = "Pipeline workers per replica (default: the cores).")
    Integer workers;

    @Option(names = "--replicas", paramLabel = "N", description = "Up to how many replicas (default: ${DEFAULT-VALUE}).")
    int replicas = 3;

    @Option(names = "--redis-url", paramLabel = "URL", description = "A running Redis instead of one started here.")
    String redisUrl;

    @Option(names = "--appendfsync", paramLabel = "everysec|always",
            description = "fsync policy of the Redis started here (default: ${DEFAULT-VALUE}).")
    String appendfsync = "everysec";

    @Override
    public Integer call() throws Exception {
        return ReplicaBench.run(new ReplicaBench.Options(events, runs, senders,
                workers != null ? workers : Runtime.getRuntime().availableProcessors(), replicas, redisUrl,
                appendfsync));
    }
}

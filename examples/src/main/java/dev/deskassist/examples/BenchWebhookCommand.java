package dev.deskassist.examples;

import dev.deskassist.examples.bench.WebhookBench;
import dev.deskassist.examples.cli.Progress;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench-webhook [--helpdesk zendesk] [--rate 200] [--seconds 10] [--workers N]}: see {@link WebhookBench}. */
@Command(name = "bench-webhook", sortOptions = false,
        description = "Webhook-in to write-back-out latency and throughput against a fake helpdesk on loopback, "
                + "then the cost of one durable intake write and the highest sustained accept rate.")
public final class BenchWebhookCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--helpdesk", paramLabel = "H",
            description = "zendesk, freshdesk or servicenow (default: ${DEFAULT-VALUE}).")
    String helpdesk = "zendesk";

    @Option(names = "--rate", paramLabel = "N", description = "Webhooks per second, open loop (default: ${DEFAULT-VALUE}).")
    int rate = 200;

    @Option(names = "--seconds", paramLabel = "N", description = "Measured seconds, at most 120 (default: ${DEFAULT-VALUE}).")
    int seconds = 10;

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up seconds, at most 30 (default: ${DEFAULT-VALUE}).")
    int warmup = 15;

    @Option(names = "--accept-seconds", paramLabel = "N",
            description = "Seconds of the accept-rate run, at most 60 (default: ${DEFAULT-VALUE}).")
    int acceptSeconds = 5;

    @Option(names = "--senders", paramLabel = "N",
            description = "Concurrent senders of the accept-rate run, 1 to 256 (default: ${DEFAULT-VALUE}).")
    int senders = 32;

    // As many workers as cores: the offline engines keep a worker on the CPU for most of an
    // event; more workers on 2 cores only made every step wait longer for a core.
    @Option(names = "--workers", paramLabel = "N", description = "Pipeline workers (default: the number of cores).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--writes", paramLabel = "N",
            description = "Durable intake writes timed on their own, 1000 to 20000 (default: ${DEFAULT-VALUE}).")
    int writes = 3000;

    @Override
    public Integer call() throws Exception {
        if (rate < 1 || seconds < 1 || warmup < 0 || acceptSeconds < 1 || workers < 1) {
            throw new UsageException("--rate, --seconds, --accept-seconds and --workers must be at least 1, "
                    + "--warmup at least 0");
        }
        WebhookBench.Options o = new WebhookBench.Options(helpdesk, rate, seconds, warmup, acceptSeconds, senders,
                workers, writes);
        // WebhookBench prints as it goes, so the progress line only says how long the whole run has left
        try (Progress progress = Progress.timed(spec.qualifiedName(), TimeUnit.SECONDS.toNanos(
                o.warmupSeconds() + o.seconds() + o.acceptSeconds() + 10L), spec.commandLine().getErr())) {
            return WebhookBench.run(o);
        }
    }
}

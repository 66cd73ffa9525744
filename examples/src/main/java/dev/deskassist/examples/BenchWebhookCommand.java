package dev.deskassist.examples;

import dev.deskassist.examples.bench.WebhookBench;
import java.util.List;

/** {@code bench-webhook [--helpdesk zendesk] [--rate 200] [--seconds 10] [--workers N]}: see {@link WebhookBench}. */
public final class BenchWebhookCommand implements Command {

    @Override
    public String name() {
        return "bench-webhook";
    }

    @Override
    public String summary() {
        return "webhook-in to write-back-out latency and throughput against a fake helpdesk on loopback "
                + "[--helpdesk zendesk|freshdesk|servicenow] [--rate N]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        return WebhookBench.run(args);
    }
}

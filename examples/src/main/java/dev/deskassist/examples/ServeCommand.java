package dev.deskassist.examples;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.ConfigProblem;
import dev.deskassist.examples.serve.ServeRuntime;
import dev.deskassist.examples.serve.ServeSettings;
import dev.deskassist.examples.serve.StoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve [--config FILE]}: receives the webhooks of every configured helpdesk (Zendesk, Freshdesk, ServiceNow), keeps every accepted event in the event
 * store under {@code deskassist.dataDir} and processes it, until SIGTERM or Ctrl-C. Settings come
 * from the file and {@code DESKASSIST_*} environment variables ({@link ServeSettings}); every bad
 * value is reported at start. On SIGTERM webhooks are answered 503, work in progress gets
 * {@code deskassist.stopDeadline} to finish, the rest stays pending for the next start, and the
 * process exits 0.
 */
public final class ServeCommand implements Command {

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "receive and process helpdesk webhooks (--config FILE; env DESKASSIST_*)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        StoreOptions.rejectUnknown(args, Set.of("config"), Set.of());
        Args a = Args.parse(args, Set.of());
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + a.positional().get(0) + "; usage: serve [--config FILE]");
        }
        Path config = a.get("config").map(Path::of).orElse(null);
        if (config != null && !Files.isRegularFile(config)) {
            throw new UsageException("no configuration file at " + config);
        }
        ServeSettings settings;
        try {
            settings = ServeSettings.load(config, System.getenv());
        } catch (AdapterConfigException e) {
            System.err.println("serve: cannot start, " + (e.problems().size() == 1 ? "one configuration problem"
                    : e.problems().size() + " configuration problems") + ":");
            for (ConfigProblem p : e.problems()) {
                System.err.println("  - " + p);
            }
            return 2;
        }
        ServeRuntime runtime = ServeRuntime.start(settings);
        long pending = runtime.pipeline().health().pending();
        System.out.println("DeskAssist serving: webhooks on " + runtime.webhookUri() + "/webhooks/"
                + String.join("|", runtime.settings().helpdesks()) + ", health and metrics on "
                + runtime.managementUri() + ", data in " + runtime.dataDir().toAbsolutePath() + " (" + pending
                + " events pending)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            int code = 0;
            try {
                long left = runtime.stop();
                System.out.println("DeskAssist stopped; " + (left < 0 ? "an unknown number of" : left)
                        + " events pending in " + runtime.dataDir().toAbsolutePath());
            } catch (RuntimeException e) {
                System.err.println("serve: stopping failed: " + e);
                code = 1;
            } finally {
                System.out.flush();
                System.err.flush();
                // a stop on SIGTERM is the normal end of serve: exit 0 rather than the JVM's 143
                Runtime.getRuntime().halt(code);
            }
        }, "deskassist-shutdown"));
        new CountDownLatch(1).await();
        return 0;
    }
}

package dev.deskassist.examples;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.ConfigProblem;
import dev.deskassist.examples.serve.ServeRuntime;
import dev.deskassist.examples.serve.ServeSettings;
import dev.deskassist.examples.cli.Failures;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve [--config FILE]}: receives the webhooks of every configured helpdesk (Zendesk, Freshdesk, ServiceNow), keeps every accepted event in the event
 * store under {@code deskassist.dataDir} and processes it, until SIGTERM or Ctrl-C. Settings come
 * from the file and {@code DESKASSIST_*} environment variables ({@link ServeSettings}); every bad
 * value is reported at start. On SIGTERM webhooks are answered 503, work in progress gets
 * {@code deskassist.stopDeadline} to finish, the rest stays pending for the next start, and the
 * process exits 0.
 */
@Command(name = "serve", sortOptions = false,
        description = "Receive and process the webhooks of every configured helpdesk until SIGTERM or Ctrl-C. "
                + "Settings come from the file and DESKASSIST_* environment variables (the environment wins); every "
                + "bad value is reported at start.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file with deskassist.* settings "
            + "(optional).")
    Path config;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (config != null && !Files.isRegularFile(config)) {
            throw new UsageException("no configuration file at " + config);
        }
        ServeSettings settings;
        try {
            settings = ServeSettings.load(config, System.getenv());
        } catch (AdapterConfigException e) {
            err.println(spec.qualifiedName() + ": cannot start, " + (e.problems().size() == 1
                    ? "one configuration problem" : e.problems().size() + " configuration problems") + ":");
            for (ConfigProblem p : e.problems()) {
                err.println("  - " + p);
            }
            err.flush();
            return Failures.USAGE;
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
                System.err.println("deskassist serve: stopping failed: " + Failures.message(e));
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

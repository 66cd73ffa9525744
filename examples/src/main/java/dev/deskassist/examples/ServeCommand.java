package dev.deskassist.examples;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.ConfigProblem;
import dev.deskassist.core.audit.AuditSink;
import dev.deskassist.core.config.ConfigFileException;
import dev.deskassist.core.config.ConfigFileProblem;
import dev.deskassist.examples.cli.Failures;
import dev.deskassist.examples.cli.ProblemList;
import dev.deskassist.examples.config.ConfigDirectory;
import dev.deskassist.examples.config.EndpointProbe;
import dev.deskassist.examples.config.Setup;
import dev.deskassist.examples.serve.ServeRuntime;
import dev.deskassist.examples.serve.ServeSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve [--config DIR|FILE]}: receives the webhooks of every configured helpdesk (Zendesk,
 * Freshdesk, ServiceNow), keeps every accepted event in the event store and processes it, until
 * SIGTERM or Ctrl-C.
 *
 * <p>With a config directory ({@link ConfigDirectory}) it runs the team's own taxonomy, model,
 * knowledge base, policies and engine per skill. The whole directory is loaded and checked first,
 * and the LLM endpoints it uses must answer ({@link EndpointProbe}); any problem, all of them
 * listed at once, ends the command with exit code 1 before a port is opened or a helpdesk is
 * called. With a properties file (the older way, still accepted) or none, settings come from the
 * file and {@code DESKASSIST_*} variables ({@link ServeSettings}) and the Nordwind sample runs.
 *
 * <p>On SIGTERM webhooks are answered 503, work in progress gets {@code deskassist.stopDeadline}
 * to finish, the rest stays pending for the next start, and the process exits 0.
 */
@Command(name = "serve", sortOptions = false,
        description = "Receive and process the webhooks of every configured helpdesk until SIGTERM or Ctrl-C. "
                + "With a config directory: its taxonomy, model, knowledge base, policies and engines, checked as a "
                + "whole first. DESKASSIST_* environment variables override every setting.",
        footerHeading = "%n", footer = {"A config directory is refused with every problem listed (as 'deskassist "
                + "check' lists them) when it is not ready or an LLM endpoint it uses does not answer; nothing is "
                + "opened or written then.",
                "Exit codes: 0 stopped by SIGTERM or Ctrl-C, 1 the configuration is not ready or starting failed, "
                        + "2 wrong usage or bad settings in a properties file."})
public final class ServeCommand implements Callable<Integer> {

    private final Map<String, String> env;
    private final Consumer<ServeRuntime> started;
    private final CountDownLatch stop;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "DIR|FILE", description = "A config directory ('deskassist init DIR' "
            + "writes one), or a properties file with deskassist.* and helpdesk settings as before (optional).")
    Path config;

    public ServeCommand() {
        this(System.getenv(), null, null);
    }

    /**
     * For tests and embedding: the environment given; {@code started} sees the running runtime, and
     * when {@code stop} is given, counting it down stops the runtime and ends the command with 0
     * (instead of the SIGTERM hook of the command line).
     */
    ServeCommand(Map<String, String> env, Consumer<ServeRuntime> started, CountDownLatch stop) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.started = started;
        this.stop = stop;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (config != null && !Files.exists(config)) {
            throw new UsageException("no configuration file or directory at " + config
                    + " ('deskassist init " + config + "' writes a config directory)");
        }
        ServeRuntime runtime;
        String setupLine = "";
        if (config != null && Files.isDirectory(config)) {
            Setup setup;
            try {
                setup = ConfigDirectory.load(config, env);
            } catch (ConfigFileException e) {
                return refuse(err, e.problems());
            }
            List<ConfigFileProblem> unreachable = EndpointProbe.check(setup);
            if (!unreachable.isEmpty()) {
                return refuse(err, unreachable);
            }
            runtime = ServeRuntime.start(setup.serveSettings(), setup.engines(AuditSink.NONE));
            setupLine = "setup from " + config.toAbsolutePath().normalize() + ": " + CheckCommand.summary(setup);
        } else {
            ServeSettings settings;
            try {
                settings = ServeSettings.load(config, env);
            } catch (AdapterConfigException e) {
                err.println(spec.qualifiedName() + ": cannot start, " + (e.problems().size() == 1
                        ? "one configuration problem" : e.problems().size() + " configuration problems") + ":");
                for (ConfigProblem p : e.problems()) {
                    err.println("  - " + p);
                }
                err.flush();
                return Failures.USAGE;
            }
            runtime = ServeRuntime.start(settings);
        }
        long pending = runtime.pipeline().health().pending();
        if (!setupLine.isEmpty()) {
            out.println(setupLine);
        }
        out.println("DeskAssist serving: webhooks on " + runtime.webhookUri() + "/webhooks/"
                + String.join("|", runtime.settings().helpdesks()) + ", health and metrics on "
                + runtime.managementUri() + ", data in " + runtime.dataDir().toAbsolutePath() + " (" + pending
                + " events pending)");
        out.flush();
        if (started != null) {
            started.accept(runtime);
        }
        if (stop != null) {
            stop.await();
            long left = runtime.stop();
            out.println("DeskAssist stopped; " + (left < 0 ? "an unknown number of" : left) + " events pending in "
                    + runtime.dataDir().toAbsolutePath());
            out.flush();
            return 0;
        }
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

    private int refuse(PrintWriter err, List<ConfigFileProblem> problems) {
        ProblemList.print(err, spec.qualifiedName(), "cannot start, " + config + " is not ready (nothing was "
                + "opened or written)", problems);
        return Failures.FAILURE;
    }
}

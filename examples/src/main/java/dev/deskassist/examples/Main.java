package dev.deskassist.examples;

import dev.deskassist.examples.cli.Failures;
import dev.deskassist.examples.cli.ManifestVersion;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar deskassist.jar <command> [options]}: the runnable programs of DeskAssist, on
 * picocli. Every command and subcommand takes {@code --help}; unknown options and arguments are
 * refused with exit code 2; a failure prints one line in words and exits 1 ({@link Failures}).
 */
@Command(name = "deskassist", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        synopsisSubcommandLabel = "COMMAND", usageHelpWidth = 110,
        description = "AI triage, reply drafts and summaries for Zendesk, Freshdesk and ServiceNow.",
        footerHeading = "%n", footer = {"Exit codes: 0 done, 1 failed while running, 2 wrong usage.",
                "'deskassist COMMAND --help' shows the options of a command."})
public final class Main implements Callable<Integer> {

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On failure, also print the stack trace to standard error.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    /** Every command, in the order the usage lists them (the order a new user meets them); one line each. */
    static List<Object> commands() {
        return List.of(
                new DemoCommand(),
                new InitCommand(),
                new CheckCommand(),
                new TrainCommand(),
                new EvaluateCommand(),
                new EvaluateLanguageCommand(),
                new EvaluateSentimentCommand(),
                new EvaluateRetrievalCommand(),
                new EvaluateSummariesCommand(),
                new BacktestCommand(),
                new BenchCommand(),
                new BenchLlmCommand(),
                new BenchEncoderCommand(), // encoder tier (issue 15)
                new SimulateCommand(),
                new ServeCommand(),
                new ReportCommand(),
                new DeadLettersCommand(),
                new ReplayCommand(),
                new BenchWebhookCommand(),
                new BenchReplicasCommand(),
                new HelpCommand());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line and returns its exit code; {@code out} gets results and help, {@code err} the rest. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return commandLine(commands(), out, err).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command line with {@code commands} under {@code deskassist}, wired to print and fail as documented. */
    static CommandLine commandLine(List<Object> commands, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        commands.forEach(cl::addSubcommand);
        return configure(cl, out, err, () -> main.verbose);
    }

    /** Output, errors and option parsing as {@code deskassist} has them, for a command line of any command. */
    public static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err,
                                        dev.deskassist.examples.cli.Verbosity verbosity) {
        Failures failures = new Failures(verbosity);
        withHelp(cl);
        return cl.setOut(out).setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(failures)
                .setExecutionExceptionHandler(failures);
    }

    /** Gives every command and subcommand a {@code -h, --help} option unless it declares one. */
    private static void withHelp(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        if (spec.findOption("--help") == null && !(cl.getCommand() instanceof HelpCommand)) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        cl.getSubcommands().values().forEach(Main::withHelp);
    }

    /** Without a command: the usage, and exit code 2 as for every usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Failures.USAGE;
    }
}

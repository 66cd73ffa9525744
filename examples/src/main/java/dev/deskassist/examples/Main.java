package dev.deskassist.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code java -jar deskassist.jar <command> [options]}: the runnable programs of DeskAssist. */
public final class Main {

    private Main() {
    }

    /** Every subcommand, in the order the usage lists them. */
    static Map<String, Command> commands() {
        Map<String, Command> all = new LinkedHashMap<>();
        for (Command c : List.<Command>of(
                // in the order a new user meets them
                new DemoCommand(),
                new TrainCommand(),
                new EvaluateCommand(),
                new EvaluateLanguageCommand(),
                new EvaluateSentimentCommand(),
                new EvaluateRetrievalCommand(),
                new EvaluateSummariesCommand(),
                new BenchCommand(),
                new BenchLlmCommand(),
                new BenchEncoderCommand(), // encoder tier (issue 15)
                new SimulateCommand(),
                new ServeCommand(),
                new DeadLettersCommand(),
                new ReplayCommand(),
                new BenchWebhookCommand()
        )) {
            all.put(c.name(), c);
        }
        return all;
    }

    public static void main(String[] args) {
        Map<String, Command> commands = commands();
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            usage(commands);
            System.exit(args.length == 0 ? 2 : 0);
        }
        Command c = commands.get(args[0]);
        if (c == null) {
            System.err.println("unknown command: " + args[0]);
            usage(commands);
            System.exit(2);
        }
        int code;
        try {
            code = c.run(List.of(args).subList(1, args.length));
        } catch (UsageException e) {
            System.err.println(c.name() + ": " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println(c.name() + " failed: " + e);
            code = 1;
        }
        System.exit(code);
    }

    private static void usage(Map<String, Command> commands) {
        System.out.println("usage: java -jar deskassist.jar <command> [options]");
        System.out.println();
        commands.values().forEach(c -> System.out.printf("  %-22s %s%n", c.name(), c.summary()));
    }
}

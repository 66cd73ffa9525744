package dev.deskassist.examples;

import dev.deskassist.core.backtest.Backtest;
import dev.deskassist.core.backtest.BacktestHtml;
import dev.deskassist.core.backtest.BacktestProgress;
import dev.deskassist.core.backtest.BacktestResult;
import dev.deskassist.core.backtest.BacktestSettings;
import dev.deskassist.core.backtest.BacktestText;
import dev.deskassist.core.backtest.ExportFormat;
import dev.deskassist.core.backtest.ExportMapping;
import dev.deskassist.core.backtest.ExportReader;
import dev.deskassist.core.backtest.PolicyFiles;
import dev.deskassist.core.config.ConfigFileException;
import dev.deskassist.examples.backtest.BacktestSetup;
import dev.deskassist.examples.backtest.NordwindHistory;
import dev.deskassist.examples.cli.ProblemList;
import dev.deskassist.examples.cli.Progress;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code backtest}: runs the offline pipeline over an export of past tickets, compares it with
 * what the agents decided, and writes a text table, JSON, a self-contained HTML report and a
 * recommended write-back policy. Nothing is written to any helpdesk: no client is built.
 */
@CommandLine.Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Replay past tickets offline, compare with the agents' decisions, recommend a write-back policy.")
public final class BacktestCommand implements Callable<Integer> {

    @Option(names = "--tickets", paramLabel = "FILE", description = "The export to read.")
    Path tickets;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "zendesk, zendesk-ndjson, freshdesk, servicenow or csv (default: from the file name).")
    String format;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Where the export keeps the human decisions (JSON).")
    Path mapping;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "0.95",
            description = "Precision an AUTO rule must reach (default ${DEFAULT-VALUE}).")
    double precision;

    @Option(names = "--min-support", paramLabel = "N", defaultValue = "30",
            description = "Answers a figure needs before it counts (default ${DEFAULT-VALUE}).")
    int minSupport;

    @Option(names = "--scored-fraction", paramLabel = "F", defaultValue = "0.3",
            description = "Share of the newest tickets scored; the model trains on the older ones (default ${DEFAULT-VALUE}).")
    double scoredFraction;

    @Option(names = "--no-split", description = "Score every ticket with the configured model (no training).")
    boolean noSplit;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "backtest-out",
            description = "Where the report files go (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--config", paramLabel = "DIR",
            description = "Config directory (deskassist init): its taxonomy, policies, model or training data and "
                    + "knowledge base, checked first; without it the Nordwind sample's.")
    Path config;

    @Option(names = "--sample", description = "Generate the Nordwind ticket history and backtest it.")
    boolean sample;

    @Option(names = "--sample-size", paramLabel = "N", defaultValue = "3000",
            description = "Tickets in the generated history (default ${DEFAULT-VALUE}).")
    int sampleSize;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated history (default ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;

    public BacktestCommand() {
        this(System.getenv());
    }

    /** With the environment given (it may override the config directory's keys), for tests. */
    BacktestCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (sample == (tickets != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --tickets FILE or --sample");
        }
        BacktestSetup setup;
        if (config == null) {
            setup = BacktestSetup.sample(Clock.systemUTC());
        } else {
            UsageException.requireConfigDirectory(config);
            try {
                setup = BacktestSetup.load(config, env, Clock.systemUTC());
            } catch (ConfigFileException e) {
                return ProblemList.notReady(spec, config, e);
            }
            stderr.println("setup from " + String.join(", ", setup.sources()));
        }
        Files.createDirectories(out);
        ExportFormat fmt;
        ExportMapping map;
        Path file;
        if (sample) {
            file = out.resolve("nordwind-history.ndjson");
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                NordwindHistory.of(seed, sampleSize).write(w);
            }
            stderr.printf(Locale.ROOT, "generated %d Nordwind tickets (seed %d) in %s%n", sampleSize, seed, file);
            fmt = ExportFormat.ZENDESK_NDJSON;
            map = ExportMapping.fromJson(NordwindHistory.MAPPING, "sample mapping", fmt);
        } else {
            file = tickets;
            fmt = format != null ? ExportFormat.parse(format).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "unknown --format " + format
                    + " (zendesk, zendesk-ndjson, freshdesk, servicenow, csv)")) : guess(file);
            map = mapping == null ? ExportMapping.defaults(fmt)
                    : ExportMapping.fromJson(Files.readString(mapping, StandardCharsets.UTF_8), mapping.toString(), fmt);
        }

        map = map.withKnownCategories(setup.categoryIds());
        BacktestSettings settings = BacktestSettings.builder()
                .precisionTarget(precision)
                .minSupport(minSupport)
                .scoredFraction(scoredFraction)
                .timeSplit(!noSplit)
                .basePolicy(setup.writeBackPolicy())
                .categories(setup.categoryIds())
                .build();
        BacktestResult result = Backtest.create(setup.factory(), settings)
                .withProgress(new PhaseProgress(spec.qualifiedName(), stderr))
                .run(ExportReader.of(fmt, map), file);

        String text = BacktestText.render(result);
        Files.writeString(out.resolve("backtest.txt"), text, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("backtest.json"), result.toJson().toString(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("backtest.html"), BacktestHtml.render(result), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("writeback-policy.recommended.json"), PolicyFiles.toJson(
                result.recommendedPolicy()), StandardCharsets.UTF_8);
        stdout.print(text);
        stdout.printf("%nwritten: %s (backtest.txt, backtest.json, backtest.html, writeback-policy.recommended.json)%n",
                out);
        return 0;
    }

    private static ExportFormat guess(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return ExportFormat.CSV;
        }
        if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
            return ExportFormat.ZENDESK_NDJSON;
        }
        return ExportFormat.ZENDESK;
    }

    /** The backtest's phases on the command line's {@link Progress}: a bar with ETA while scoring. */
    private static final class PhaseProgress implements BacktestProgress {
        private final String what;
        private final PrintWriter err;
        private Progress scoring;

        PhaseProgress(String what, PrintWriter err) {
            this.what = what;
            this.err = err;
        }

        @Override
        public void progress(String phase, long done, long total) {
            switch (phase) {
                case "score" -> {
                    if (scoring == null) {
                        scoring = Progress.start(what + " (scoring)", total, err);
                    }
                    scoring.update(done);
                    if (total > 0 && done == total) {
                        scoring.close();
                    }
                }
                case "train" -> {
                    if (total > 0 && done == total) {
                        err.printf(Locale.ROOT, "%s: trained on the %d tickets before the split%n", what, total);
                    }
                }
                default -> {
                    // reading streams without a known total; the count is in the report
                }
            }
        }
    }
}

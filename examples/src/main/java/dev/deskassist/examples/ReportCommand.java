package dev.deskassist.examples;

import dev.deskassist.core.report.AuditLog;
import dev.deskassist.core.report.KpiHtml;
import dev.deskassist.core.report.KpiReport;
import dev.deskassist.examples.backtest.SampleOperations;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code report --since DATE --audit FILE… [--json] [--html FILE] [--out DIR]} (or {@code --sample}
 * for the Nordwind history replayed by {@link SampleOperations}): the KPI report
 * ({@link KpiReport}) from the decision, outcome and feedback records of {@code serve}'s audit
 * files, as text, JSON and a self-contained HTML page with plots ({@link KpiHtml}). Damaged or
 * foreign lines are counted at the end of the report, never fatal.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "KPIs from audit records: acceptance, corrections, drafts, reopens, LLM cost; recommendations")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--since", paramLabel = "DATE",
            description = "start of the period: a date (UTC midnight, e.g. 2026-03-01) or an instant (2026-03-01T08:00:00Z)")
    String since;

    @Option(names = "--audit", arity = "1..*", paramLabel = "FILE",
            description = "JSON-lines audit files written by serve (deskassist.auditFile)")
    List<Path> audit;

    @Option(names = "--sample", description = "replay the Nordwind ticket history (shadow, then live) into "
            + "DIR/sample-audit.jsonl and report on it; DIR is --out (default report-sample)")
    boolean sample;

    @Option(names = "--sample-size", defaultValue = "3000", paramLabel = "N",
            description = "tickets in the generated history (default: ${DEFAULT-VALUE})")
    int sampleSize;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the generated history (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print JSON instead of text tables")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "also write the report as an HTML page with plots")
    Path html;

    @Option(names = "--out", paramLabel = "DIR",
            description = "also write report.txt, report.json and report.html into DIR")
    Path outDir;

    @Option(names = "--target", defaultValue = "0.95", paramLabel = "RATE",
            description = "acceptance a field and category must reach for AUTO (default: ${DEFAULT-VALUE})")
    double target;

    @Option(names = "--min-samples", defaultValue = "20", paramLabel = "N",
            description = "judged outcomes needed before recommending (default: ${DEFAULT-VALUE})")
    int minSamples;

    @Option(names = "--cost-per-call", defaultValue = "0", paramLabel = "AMOUNT",
            description = "estimated cost of one LLM call; records hold no token counts (default: ${DEFAULT-VALUE})")
    double costPerCall;

    @Override
    public Integer call() throws IOException {
        if (sample) {
            if (audit != null) {
                throw new ParameterException(spec.commandLine(), "--sample writes its own audit file; drop --audit");
            }
            outDir = outDir != null ? outDir : Path.of("report-sample");
            Files.createDirectories(outDir);
            PrintWriter err = spec.commandLine().getErr();
            err.printf(java.util.Locale.ROOT, "replaying %d generated Nordwind tickets (seed %d)...%n", sampleSize, seed);
            err.flush();
            SampleOperations.Summary s = SampleOperations.write(outDir.resolve("sample-audit.jsonl"), seed, sampleSize);
            err.printf(java.util.Locale.ROOT, "%d tickets: the oldest %d trained the model, %d ran in shadow mode, "
                            + "%d live under the sample write-back policy; %d decision, %d outcome and %d feedback "
                            + "records in %s (outcomes compare with the agents' decisions in the history; the "
                            + "da_good/da_bad verdicts are seeded)%n", s.tickets(), s.trainedOn(), s.shadow(), s.live(),
                    s.decisions(), s.outcomes(), s.feedback(), s.file());
            err.flush();
            audit = List.of(s.file());
        } else if (since == null || audit == null) {
            throw new ParameterException(spec.commandLine(), "give --since DATE and --audit FILE…, or --sample");
        }
        Instant from = since == null ? null : parseSince(since);
        for (Path f : audit) {
            if (!Files.isRegularFile(f)) {
                throw new ParameterException(spec.commandLine(), "no such audit file: " + f);
            }
        }
        KpiReport report;
        try {
            report = KpiReport.builder().precisionTarget(target).minSamples(minSamples).costPerCall(costPerCall)
                    .build(AuditLog.read(audit, from));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("report: " + e.getMessage());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.toJson() + System.lineSeparator() : report.toText());
        try {
            write(report, out);
        } catch (IOException e) {
            out.flush();
            spec.commandLine().getErr().println("report: cannot write: " + e.getMessage());
            return 1;
        }
        out.flush();
        return 0;
    }

    private void write(KpiReport report, PrintWriter out) throws IOException {
        String page = html != null || outDir != null ? KpiHtml.render(report) : null;
        if (html != null) {
            createParent(html);
            Files.writeString(html, page, StandardCharsets.UTF_8);
            out.println("written: " + html);
        }
        if (outDir != null) {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("report.txt"), report.toText(), StandardCharsets.UTF_8);
            Files.writeString(outDir.resolve("report.json"), report.toJson(), StandardCharsets.UTF_8);
            Files.writeString(outDir.resolve("report.html"), page, StandardCharsets.UTF_8);
            out.println("written: " + outDir + " (report.txt, report.json, report.html)");
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private Instant parseSince(String v) {
        try {
            return v.contains("T") ? Instant.parse(v) : LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--since: not a date (2026-03-01) or instant "
                    + "(2026-03-01T08:00:00Z): " + v);
        }
    }
}

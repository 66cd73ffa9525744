package dev.deskassist.examples;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.audit.AuditSink;
import dev.deskassist.core.draft.Citation;
import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.summary.Summary;
import dev.deskassist.core.triage.Entity;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.TriageResult;
import dev.deskassist.core.writeback.WriteBack;
import dev.deskassist.core.config.ConfigFileException;
import dev.deskassist.examples.cli.ProblemList;
import dev.deskassist.examples.config.ConfigDirectory;
import dev.deskassist.examples.config.EngineSettings;
import dev.deskassist.examples.config.Setup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo [--config DIR]}: runs the offline engines of the Nordwind sample (or, with a config
 * directory, its taxonomy, model, knowledge base, policies and engines) over the German and
 * English sample tickets and prints, for each, the triage with reasons, the summary, the draft
 * with its sources and the write-back plan. No network unless the directory's engines use an LLM.
 */
@Command(name = "demo", sortOptions = false,
        description = "Triage, summary, draft and write-back plan for the Nordwind sample tickets: on the sample's "
                + "offline engines (no network), or on a config directory's setup with --config.")
public final class DemoCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    @Option(names = "--ticket", paramLabel = "ID", description = "Show only this sample ticket (for example NW-1005).")
    String only;

    @Option(names = "--note", description = "Print the full internal note an agent would see.")
    boolean note;

    @Option(names = "--config", paramLabel = "DIR", description = "A config directory: run its taxonomy, model, "
            + "knowledge base, policies and engines (helpdesk settings are not needed).")
    Path config;

    public DemoCommand() {
        this(System.getenv());
    }

    /** With the environment given (secrets of a config directory's LLM engines), for tests. */
    DemoCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    private PrintWriter out;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        List<Ticket> tickets = SampleTickets.load(clock.instant());
        if (only != null && tickets.stream().noneMatch(t -> t.id().equals(only))) {
            throw new UsageException("no sample ticket " + only + " (known: "
                    + String.join(", ", tickets.stream().map(Ticket::id).toList()) + ")");
        }
        if (config != null) {
            return withSetup(clock, tickets);
        }
        Nordwind nordwind = Nordwind.load(clock);
        out.printf("DeskAssist demo — Nordwind Shop sample, offline engines, no network%n");
        out.printf("classifier trained on the sample's 250 labeled tickets in %d ms; knowledge base: %d articles (%s) "
                + "indexed in %d ms%n", nordwind.trainTime().toMillis(), nordwind.knowledgeBase().articles().size(),
                nordwind.knowledgeBase().report().summary(), nordwind.knowledgeBaseTime().toMillis());
        try (DeskAssist assist = nordwind.deskAssist(AuditSink.NONE)) {
            for (Ticket t : tickets) {
                if (only == null || t.id().equals(only)) {
                    print(t, assist.assist(t), note);
                }
            }
        }
        return 0;
    }

    private int withSetup(Clock clock, List<Ticket> tickets) {
        UsageException.requireConfigDirectory(config);
        Setup setup;
        try {
            setup = ConfigDirectory.load(config, env, ConfigDirectory.Scope.ENGINES, clock);
        } catch (ConfigFileException e) {
            return ProblemList.notReady(spec, config, e);
        }
        EngineSettings e = setup.engineSettings();
        out.printf("DeskAssist demo — setup %s, engines: triage %s, draft %s, summary %s%s%n", config, e.triage(),
                e.draft(), e.summary(), e.usesLlm() ? " (calls the configured LLM endpoints)" : ", no network");
        out.printf("%d categories; intent model %s; knowledge base: %d articles (%s)%n",
                setup.taxonomy().categories().size(), setup.trainingData().map(t -> "trained on " + t.size()
                        + " labeled texts in " + setup.trainTime().toMillis() + " ms").orElse("loaded"),
                setup.knowledgeBase().articles().size(), setup.knowledgeBase().report().summary());
        try (Setup.AssistEngines engines = setup.engines(AuditSink.NONE)) {
            for (Ticket t : tickets) {
                if (only == null || t.id().equals(only)) {
                    print(t, engines.deskAssist().assist(t), note);
                }
            }
        }
        return 0;
    }

    private void print(Ticket t, Assistance a, boolean fullNote) {
        TriageResult tr = a.triage();
        out.println();
        out.println("═".repeat(100));
        out.printf("%s · %s · \"%s\"%s%n", t.id(), t.channel() == null ? "email" : t.channel(), t.subject(),
                t.requester().segments().isEmpty() ? "" : " · requester " + String.join(", ", t.requester().segments()));
        out.println(indent(t.description().text(), "  │ ", 6));
        out.println();
        out.println("TRIAGE  (" + a.elapsed().toNanos() / 1000 + " µs for triage, summary, draft and plan)");
        row("language", tr.language(), v -> v);
        row("category", tr.category(), v -> v);
        row("priority", tr.priority(), v -> v.name().toLowerCase(Locale.ROOT));
        row("group", tr.group(), v -> v);
        row("sentiment", tr.sentiment(), DemoCommand::sentiment);
        row("style", tr.style(), DemoCommand::style);
        row("escalate", tr.escalation(), v -> v ? "YES" : "no");
        if (!tr.entities().isEmpty()) {
            out.printf("  %-10s %s%n", "entities", String.join(", ", tr.entities().stream().map(DemoCommand::entity)
                    .toList()));
        }
        a.summary().ifPresent(this::summary);
        a.draft().ifPresent(this::draft);
        plan(a.writeBack(), fullNote);
        a.problems().forEach(p -> out.println("  PROBLEM: " + p));
    }

    private <T> void row(String name, Decision<T> d, Function<T, String> show) {
        String value = d.hasValue() ? show.apply(d.value()) : "—";
        out.printf("  %-10s %-26s %3.0f%%  %s%n", name, value, d.confidence() * 100,
                String.join("; ", d.reasons().stream().limit(4).toList()));
    }

    private void summary(Summary s) {
        out.println("SUMMARY");
        out.println("  wants:    " + s.customerWants());
        s.tried().forEach(x -> out.println("  tried:    " + x));
        if (!s.currentState().isEmpty()) {
            out.println("  state:    " + s.currentState());
        }
        s.openQuestions().forEach(q -> out.println("  open:     " + q));
        if (!s.nextStep().isEmpty()) {
            out.println("  next:     " + s.nextStep());
        }
    }

    private void draft(Draft d) {
        out.printf("DRAFT  (%s, confidence %.0f%%%s)%n", d.language(), d.confidence() * 100,
                d.requiresApproval() ? ", needs approval: " + String.join("; ", d.approvalReasons()) : ", no approval needed");
        out.println(indent(d.fullText(), "  │ ", 60));
        for (Citation c : d.citations()) {
            out.printf("  source: %s — %s <%s>%n", c.passageId() != null ? c.passageId() : c.articleId(), c.title(),
                    c.url());
        }
    }

    private void plan(WriteBack w, boolean fullNote) {
        out.println("WRITE-BACK PLAN" + (w.isEmpty() ? "  (nothing to change)" : ""));
        if (!w.tagsToAdd().isEmpty()) {
            out.println("  add tags:   " + String.join(" ", w.tagsToAdd()));
        }
        if (w.priority() != null) {
            out.println("  priority:   " + w.priority().name().toLowerCase(Locale.ROOT));
        }
        if (w.group() != null) {
            out.println("  group:      " + w.group());
        }
        w.fields().forEach((k, v) -> out.println("  field:      " + k + " = " + v));
        if (w.internalNote() != null) {
            out.println("  internal note: " + w.internalNote().lines().count() + " lines"
                    + (fullNote ? "" : " (--note prints it)"));
            if (fullNote) {
                out.println(indent(w.internalNote(), "  ┊ ", 200));
            }
        }
        out.println("  public reply: " + (w.publicReply() != null ? "YES (policy allows sending this category)"
                : "no — the draft stays an internal note for an agent"));
    }

    private static String sentiment(Sentiment s) {
        return String.format(Locale.ROOT, "%s %.2f, frustration %.1f", s.polarity().name().toLowerCase(Locale.ROOT),
                s.score(), s.frustration());
    }

    private static String style(StyleProfile s) {
        return (s.formality() + "/" + s.address() + "/" + s.expertise() + "/" + s.length()).toLowerCase(Locale.ROOT);
    }

    private static String entity(Entity e) {
        return e.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + e.normalized();
    }

    private static String indent(String text, String prefix, int maxLines) {
        List<String> lines = text.lines().toList();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(maxLines, lines.size()); i++) {
            sb.append(prefix).append(lines.get(i)).append('\n');
        }
        if (lines.size() > maxLines) {
            sb.append(prefix).append("… (").append(lines.size() - maxLines).append(" more lines)\n");
        }
        return sb.toString().stripTrailing();
    }
}

package dev.deskassist.examples;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.ConfigValues;
import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.pipeline.DeadLetterEntry;
import dev.deskassist.core.pipeline.DeadLetterQuery;
import dev.deskassist.core.pipeline.DeadLetters;
import dev.deskassist.core.pipeline.EventStore;
import dev.deskassist.examples.serve.StoreOptions;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dead-letters list|purge}: the events {@code serve} gave up on, read from its event store.
 * Works while {@code serve} runs in another process. An entry holds ids, the event kind, the
 * reason (error codes only), attempts and times; never a webhook body or ticket text. An entry
 * that cannot be read is listed as corrupt with its id, and the others are listed all the same.
 *
 * <pre>
 * dead-letters list  [--config FILE | --data-dir DIR] [--helpdesk H] [--json]
 * dead-letters purge --older-than 30d [--config FILE | --data-dir DIR]
 * </pre>
 */
@Command(name = "dead-letters", synopsisSubcommandLabel = "list|purge",
        description = "List or purge the events serve gave up on, read from its event store (works while serve runs).",
        subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.PurgeLetters.class})
public final class DeadLettersCommand implements Callable<Integer> {

    private static final Pattern DAYS = Pattern.compile("(\\d{1,6})\\s*d", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> env;
    private final Supplier<Instant> now;

    @Spec
    CommandSpec spec;

    public DeadLettersCommand() {
        this(System.getenv(), Instant::now);
    }

    /** With the environment and the clock given, for tests and for embedding in another tool. */
    public DeadLettersCommand(Map<String, String> env, Supplier<Instant> now) {
        this.env = env;
        this.now = now;
    }

    /** Without an action: say which ones there are. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "say what to do: list or purge");
    }

    /** {@code dead-letters list}. */
    @Command(name = "list", sortOptions = false, description = "List the dead letters: ids, helpdesk, ticket, event, "
            + "attempts, times and the reason (error codes only, never ticket text).")
    static final class ListLetters implements Callable<Integer> {

        @ParentCommand
        DeadLettersCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--helpdesk", paramLabel = "H", description = "Only this helpdesk's (zendesk, freshdesk, ...).")
        String helpdesk;

        @Option(names = "--json", description = "Print a JSON array, one object per entry.")
        boolean json;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DeadLetterQuery query = helpdesk != null ? DeadLetterQuery.helpdesk(helpdesk) : DeadLetterQuery.all();
            List<DeadLetterEntry> entries;
            try (EventStore s = store.openExisting(parent.env)) {
                entries = s.deadLetters().list(query);
            }
            if (json) {
                out.println(json(entries));
            } else {
                table(out, entries);
            }
            return 0;
        }
    }

    /** {@code dead-letters purge}. */
    @Command(name = "purge", sortOptions = false, description = "Remove the dead letters dead-lettered longer ago "
            + "than an age.")
    static final class PurgeLetters implements Callable<Integer> {

        @ParentCommand
        DeadLettersCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--older-than", required = true, paramLabel = "AGE",
                description = "An age such as 30d, 12h, 90m or PT36H.")
        String olderThan;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            Duration age = age(olderThan);
            Instant before = parent.now.get().minus(age);
            int purged;
            try (EventStore s = store.openExisting(parent.env)) {
                DeadLetters letters = s.deadLetters();
                purged = letters.purge(before);
            }
            spec.commandLine().getOut().println("purged " + purged + " dead letter" + (purged == 1 ? "" : "s")
                    + " dead-lettered before " + before);
            return 0;
        }
    }

    private static void table(PrintWriter out, List<DeadLetterEntry> entries) {
        if (entries.isEmpty()) {
            out.println("no dead letters");
            return;
        }
        String format = "%-6s %-10s %-12s %-14s %6s %8s  %-20s  %-20s  %s%n";
        out.printf(format, "ID", "HELPDESK", "TICKET", "EVENT", "EVENTS", "ATTEMPTS", "DEAD-LETTERED",
                "FIRST-RECEIVED", "REASON");
        long corrupt = 0;
        for (DeadLetterEntry e : entries) {
            if (e.isCorrupt()) {
                corrupt++;
                out.printf(format, e.id(), orDash(e.helpdesk()), orDash(e.ticketId()), "CORRUPT", "-", "-", "-", "-",
                        "cannot be read: " + e.corruption());
                continue;
            }
            out.printf(format, e.id(), e.helpdesk(), e.ticketId(), e.eventType(), e.events(), e.attempts(),
                    e.deadLetteredAt(), orDash(e.firstReceived()), e.reason());
        }
        out.println(entries.size() + " dead letter" + (entries.size() == 1 ? "" : "s")
                + (corrupt > 0 ? ", " + corrupt + " corrupt (kept, never replayed)" : "")
                + "; replay with: replay --id N | --helpdesk H | --all");
    }

    /** A JSON array, one object per entry; a corrupt one has {@code corrupt} and what could be read. */
    static String json(List<DeadLetterEntry> entries) {
        JsonProvider p = JsonCodec.jsonp();
        JsonArrayBuilder arr = p.createArrayBuilder();
        for (DeadLetterEntry e : entries) {
            JsonObjectBuilder o = p.createObjectBuilder().add("id", e.id());
            optional(o, "helpdesk", e.helpdesk());
            optional(o, "ticketId", e.ticketId());
            if (e.isCorrupt()) {
                o.add("corrupt", e.corruption());
            } else {
                o.add("eventType", e.eventType().name())
                        .add("events", e.events())
                        .add("reasonKind", e.reason().kind().name())
                        .add("reason", e.reason().message())
                        .add("attempts", e.attempts())
                        .add("deadLetteredAt", e.deadLetteredAt().toString());
                optional(o, "firstReceived", e.firstReceived());
                optional(o, "lastAttempt", e.lastAttempt());
            }
            arr.add(o);
        }
        return arr.build().toString();
    }

    private static void optional(JsonObjectBuilder o, String name, Object value) {
        if (value != null) {
            o.add(name, value.toString());
        }
    }

    /** {@code 30d}, or a duration as the settings take it ({@code 12h}, {@code 90m}, {@code PT36H}). */
    static Duration age(String value) {
        String v = value.strip();
        Matcher days = DAYS.matcher(v);
        Duration d;
        try {
            if (days.matches()) {
                d = Duration.ofDays(Long.parseLong(days.group(1)));
            } else if (v.toUpperCase(Locale.ROOT).startsWith("P")) {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } else {
                d = ConfigValues.duration(k -> v, "--older-than", null);
            }
        } catch (DateTimeParseException | AdapterConfigException e) {
            throw new UsageException("--older-than takes an age such as 30d, 12h or 90m");
        }
        if (d.isNegative() || d.isZero()) {
            throw new UsageException("--older-than must be a positive age, such as 30d");
        }
        return d;
    }

    private static String orDash(Object v) {
        return v == null ? "-" : v.toString();
    }
}

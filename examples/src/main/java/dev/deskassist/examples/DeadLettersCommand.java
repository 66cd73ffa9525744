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
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
public final class DeadLettersCommand implements Command {

    private static final String USAGE = "usage: dead-letters list [--config FILE | --data-dir DIR] [--helpdesk H] "
            + "[--json]  |  dead-letters purge --older-than 30d [--config FILE | --data-dir DIR]";
    private static final Pattern DAYS = Pattern.compile("(\\d{1,6})\\s*d", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> env;
    private final PrintStream out;
    private final Supplier<Instant> now;

    public DeadLettersCommand() {
        this(System.getenv(), System.out, Instant::now);
    }

    /** With the environment, the output and the clock given, for tests and for embedding in another tool. */
    public DeadLettersCommand(Map<String, String> env, PrintStream out, Supplier<Instant> now) {
        this.env = env;
        this.out = out;
        this.now = now;
    }

    @Override
    public String name() {
        return "dead-letters";
    }

    @Override
    public String summary() {
        return "list or purge what serve gave up on (list [--helpdesk H] [--json] | purge --older-than 30d)";
    }

    @Override
    public int run(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException(USAGE);
        }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        return switch (sub) {
            case "list" -> list(rest);
            case "purge" -> purge(rest);
            default -> throw new UsageException("unknown subcommand '" + sub + "'; " + USAGE);
        };
    }

    private int list(List<String> args) {
        StoreOptions.rejectUnknown(args, Set.of("config", "data-dir", "helpdesk"), Set.of("json"));
        Args a = Args.parse(args, Set.of("json"));
        noPositional(a);
        DeadLetterQuery query = a.get("helpdesk").map(DeadLetterQuery::helpdesk).orElse(DeadLetterQuery.all());
        List<DeadLetterEntry> entries;
        try (EventStore store = StoreOptions.parse(a).openExisting(env)) {
            entries = store.deadLetters().list(query);
        }
        if (a.flag("json")) {
            out.println(json(entries));
        } else {
            table(entries);
        }
        return 0;
    }

    private int purge(List<String> args) {
        StoreOptions.rejectUnknown(args, Set.of("config", "data-dir", "older-than"), Set.of());
        Args a = Args.parse(args, Set.of());
        noPositional(a);
        Duration age = age(a.require("older-than"));
        Instant before = now.get().minus(age);
        int purged;
        try (EventStore store = StoreOptions.parse(a).openExisting(env)) {
            DeadLetters letters = store.deadLetters();
            purged = letters.purge(before);
        }
        out.println("purged " + purged + " dead letter" + (purged == 1 ? "" : "s") + " dead-lettered before " + before);
        return 0;
    }

    private void table(List<DeadLetterEntry> entries) {
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

    private static void noPositional(Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + a.positional().get(0) + "; " + USAGE);
        }
    }

    private static String orDash(Object v) {
        return v == null ? "-" : v.toString();
    }
}

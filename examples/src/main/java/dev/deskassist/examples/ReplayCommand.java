package dev.deskassist.examples;

import dev.deskassist.core.pipeline.DeadLetterEntry;
import dev.deskassist.core.pipeline.DeadLetterQuery;
import dev.deskassist.core.pipeline.DeadLetters;
import dev.deskassist.core.pipeline.EventStore;
import dev.deskassist.examples.serve.StoreOptions;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code replay (--all | --id N | --helpdesk H) [--config FILE | --data-dir DIR]}: moves dead
 * letters in the event store back to pending, with fresh attempts and a fresh retry horizon. A
 * {@code serve} running on the same data directory picks them up within its poll interval; without
 * one, the next {@code serve} start processes them. Entries that cannot be read stay where they are
 * and never stop the others. Replaying an event whose changes were applied meanwhile writes nothing
 * twice: the write-back sends only what differs.
 */
public final class ReplayCommand implements Command {

    private static final String USAGE = "usage: replay (--all | --id N | --helpdesk H) [--config FILE | --data-dir DIR]";

    private final Map<String, String> env;
    private final PrintStream out;

    public ReplayCommand() {
        this(System.getenv(), System.out);
    }

    /** With the environment and the output given, for tests and for embedding in another tool. */
    public ReplayCommand(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String summary() {
        return "send dead letters back to pending, for serve to process (--all | --id N | --helpdesk H)";
    }

    @Override
    public int run(List<String> args) {
        StoreOptions.rejectUnknown(args, Set.of("config", "data-dir", "id", "helpdesk"), Set.of("all"));
        Args a = Args.parse(args, Set.of("all"));
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + a.positional().get(0) + "; " + USAGE);
        }
        DeadLetterQuery query = query(a);
        StoreOptions where = StoreOptions.parse(a);
        List<DeadLetterEntry> matching;
        int moved;
        try (EventStore store = where.openExisting(env)) {
            DeadLetters letters = store.deadLetters();
            matching = letters.list(query);
            moved = letters.replay(query);
        }
        List<DeadLetterEntry> corrupt = matching.stream().filter(DeadLetterEntry::isCorrupt).toList();
        if (matching.isEmpty()) {
            out.println(query.id() != null ? "no dead letter with id " + query.id() : "no dead letters to replay");
            return query.id() != null ? 1 : 0;
        }
        out.println("replayed " + moved + " dead letter" + (moved == 1 ? "" : "s") + " (back to pending; a running "
                + "serve on this data directory processes them within its poll interval, otherwise the next start "
                + "does)");
        if (!corrupt.isEmpty()) {
            out.println(corrupt.size() + " corrupt entr" + (corrupt.size() == 1 ? "y" : "ies") + " kept, not replayed: "
                    + corrupt.stream().map(e -> "id " + e.id() + " (" + e.corruption() + ")")
                    .collect(Collectors.joining(", ")));
        }
        return corrupt.isEmpty() ? 0 : 1;
    }

    private static DeadLetterQuery query(Args a) {
        int selectors = (a.flag("all") ? 1 : 0) + (a.get("id").isPresent() ? 1 : 0)
                + (a.get("helpdesk").isPresent() ? 1 : 0);
        if (selectors != 1) {
            throw new UsageException((selectors == 0 ? "say which dead letters to replay" : "give only one of --all, "
                    + "--id and --helpdesk") + "; " + USAGE);
        }
        if (a.flag("all")) {
            return DeadLetterQuery.all();
        }
        if (a.get("helpdesk").isPresent()) {
            return DeadLetterQuery.helpdesk(a.get("helpdesk").get());
        }
        String id = a.get("id").get();
        try {
            long n = Long.parseLong(id.strip());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return DeadLetterQuery.id(n);
        } catch (NumberFormatException e) {
            throw new UsageException("--id takes the id of a dead letter as 'dead-letters list' shows it");
        }
    }
}

package dev.deskassist.examples;

import dev.deskassist.core.pipeline.DeadLetterEntry;
import dev.deskassist.core.pipeline.DeadLetterQuery;
import dev.deskassist.core.pipeline.DeadLetters;
import dev.deskassist.core.pipeline.EventStore;
import dev.deskassist.examples.serve.StoreOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code replay (--all | --id N | --helpdesk H) [--config FILE | --data-dir DIR]}: moves dead
 * letters in the event store back to pending, with fresh attempts and a fresh retry horizon. A
 * {@code serve} running on the same data directory picks them up within its poll interval; without
 * one, the next {@code serve} start processes them. Entries that cannot be read stay where they are
 * and never stop the others. Replaying an event whose changes were applied meanwhile writes nothing
 * twice: the write-back sends only what differs.
 */
@Command(name = "replay", sortOptions = false,
        description = "Send dead letters back to pending, with fresh attempts, for serve to process.")
public final class ReplayCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    @Option(names = "--all", description = "Every dead letter.")
    boolean all;

    @Option(names = "--id", paramLabel = "N", description = "The dead letter with this id, as 'dead-letters list' "
            + "shows it.")
    String id;

    @Option(names = "--helpdesk", paramLabel = "H", description = "Every dead letter of this helpdesk.")
    String helpdesk;

    @Mixin
    StoreOptions store;

    public ReplayCommand() {
        this(System.getenv());
    }

    /** With the environment given, for tests and for embedding in another tool. */
    public ReplayCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DeadLetterQuery query = query();
        List<DeadLetterEntry> matching;
        int moved;
        try (EventStore s = store.openExisting(env)) {
            DeadLetters letters = s.deadLetters();
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

    private DeadLetterQuery query() {
        int selectors = (all ? 1 : 0) + (id != null ? 1 : 0) + (helpdesk != null ? 1 : 0);
        if (selectors != 1) {
            throw new UsageException(selectors == 0 ? "say which dead letters to replay: --all, --id N or --helpdesk H"
                    : "give only one of --all, --id and --helpdesk");
        }
        if (all) {
            return DeadLetterQuery.all();
        }
        if (helpdesk != null) {
            return DeadLetterQuery.helpdesk(helpdesk);
        }
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

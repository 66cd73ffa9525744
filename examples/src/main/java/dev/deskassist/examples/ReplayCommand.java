package dev.deskassist.examples;

import dev.deskassist.examples.webhook.DeadLetter;
import dev.deskassist.examples.webhook.DeadLetterStore;
import dev.deskassist.examples.webhook.Middleware;
import dev.deskassist.examples.webhook.MiddlewareSettings;
import dev.deskassist.examples.webhook.WebhookMiddleware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code replay --dead-letter FILE [--config FILE]}: processes the events of a dead-letter file
 * again. The file is renamed to {@code *.replayed} first; events that fail again are kept in the
 * dead-letter folder as usual, so nothing is lost and nothing is replayed twice by accident.
 * Replaying an event already applied changes nothing: the write-back sends only real changes.
 */
public final class ReplayCommand implements Command {

    private final java.util.function.Function<String, String> overrides;

    public ReplayCommand() {
        this(k -> null);
    }

    /** With settings that take precedence over file and environment (tests). */
    ReplayCommand(java.util.function.Function<String, String> overrides) {
        this.overrides = overrides;
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String summary() {
        return "process the events of a dead-letter file again (--dead-letter FILE [--config FILE])";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Args a = Args.parse(args, Set.of());
        Path file = Path.of(a.require("dead-letter"));
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no dead-letter file at " + file);
        }
        List<DeadLetter> letters = DeadLetterStore.read(file);
        Path done = file.resolveSibling(file.getFileName() + ".replayed");
        Files.move(file, done, StandardCopyOption.REPLACE_EXISTING);
        MiddlewareSettings base = MiddlewareSettings.load(a.get("config").map(Path::of).orElse(null), System.getenv());
        Map<String, String> local = new HashMap<>(Map.of("deskassist.bind", "127.0.0.1", "deskassist.port", "0"));
        MiddlewareSettings settings = MiddlewareSettings.from(k -> local.containsKey(k) ? local.get(k)
                : overrides.apply(k) != null ? overrides.apply(k) : base.lookup().apply(k));
        int ok = 0;
        int failed = 0;
        // the server socket is never started: replay only uses the processing path
        try (WebhookMiddleware m = Middleware.zendesk(settings, null, null)) {
            for (DeadLetter d : letters) {
                if (m.process(d.event(), d.body(), System.nanoTime())) {
                    ok++;
                } else {
                    failed++;
                }
            }
        }
        System.out.printf("replayed %d events from %s: %d processed, %d failed again (kept in %s); original moved to %s%n",
                letters.size(), file, ok, failed, settings.deadLetterDir(), done);
        return failed == 0 ? 0 : 1;
    }
}

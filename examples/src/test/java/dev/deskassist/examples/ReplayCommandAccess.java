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

/**
 * Replays a dead-letter file of the in-memory middleware, the way {@code replay --dead-letter FILE}
 * did before {@code replay} moved to the event store; kept only for that middleware's own test
 * until it is replaced by the pipeline.
 */
public final class ReplayCommandAccess {

    private ReplayCommandAccess() {
    }

    public static int replay(Path file, Map<String, String> settings) throws Exception {
        List<DeadLetter> letters = DeadLetterStore.read(file);
        Files.move(file, file.resolveSibling(file.getFileName() + ".replayed"), StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> local = new HashMap<>(settings);
        local.put("deskassist.bind", "127.0.0.1");
        local.put("deskassist.port", "0");
        int failed = 0;
        try (WebhookMiddleware m = Middleware.zendesk(MiddlewareSettings.from(local::get), null, null)) {
            for (DeadLetter d : letters) {
                if (!m.process(d.event(), d.body(), System.nanoTime())) {
                    failed++;
                }
            }
        }
        return failed == 0 ? 0 : 1;
    }
}

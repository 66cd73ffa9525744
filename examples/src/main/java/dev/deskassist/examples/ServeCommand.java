package dev.deskassist.examples;

import dev.deskassist.examples.webhook.Middleware;
import dev.deskassist.examples.webhook.MiddlewareSettings;
import dev.deskassist.examples.webhook.WebhookMiddleware;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve [--config deskassist.properties]}: runs the Zendesk webhook middleware until
 * stopped. Settings come from the file and {@code DESKASSIST_*} environment variables.
 */
public final class ServeCommand implements Command {

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "run the Zendesk webhook middleware (--config FILE; env DESKASSIST_ZENDESK_*)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Args a = Args.parse(args, Set.of());
        Path config = a.get("config").map(Path::of).orElse(null);
        MiddlewareSettings settings = MiddlewareSettings.load(config, System.getenv());
        WebhookMiddleware m = Middleware.zendesk(settings, null, null).start();
        System.out.println("DeskAssist middleware listening on " + settings.bind() + ":" + m.port()
                + "  POST /webhooks/zendesk  GET /health  (dead letters: " + settings.deadLetterDir() + ")");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            m.close();
            stop.countDown();
        }, "deskassist-shutdown"));
        stop.await();
        return 0;
    }
}

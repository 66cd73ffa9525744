package dev.deskassist.examples.webhook;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.adapter.DeliveryDeduplicator;
import dev.deskassist.core.adapter.LoopGuard;
import dev.deskassist.zendesk.ZendeskAdapter;
import dev.deskassist.zendesk.ZendeskConfig;
import java.io.IOException;
import okhttp3.OkHttpClient;

/**
 * Assembles the Zendesk webhook middleware from settings: adapter, engines (through
 * {@link Engines#create}), loop guard, de-duplication and dead-letter store. Used by
 * {@code serve}, {@code simulate}, {@code replay}, the benchmark and the reliability test.
 */
public final class Middleware {

    private Middleware() {
    }

    /** Builds (does not start) the middleware; {@code http} may carry interceptors, e.g. for measurements. */
    public static WebhookMiddleware zendesk(MiddlewareSettings settings, OkHttpClient http,
                                            WebhookMiddleware.Listener listener) throws IOException {
        ZendeskConfig config = ZendeskConfig.of(settings.lookup());
        ZendeskAdapter adapter = new ZendeskAdapter(config, http == null ? new OkHttpClient() : http);
        DeskAssist assist = Engines.create(settings.engine(), settings.auditFile());
        LoopGuard guard = new LoopGuard(config.integrationUserIds(), config.markerTag().orElse(null));
        return new WebhookMiddleware(adapter, assist, guard, DeliveryDeduplicator.withDefaults(),
                new DeadLetterStore(settings.deadLetterDir()), settings, listener);
    }
}

package dev.deskassist.examples.embed;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.adapter.LoopGuard;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.pipeline.Acceptance;
import dev.deskassist.core.pipeline.Pipeline;
import dev.deskassist.core.pipeline.PipelineSettings;
import dev.deskassist.core.pipeline.SqliteEventStore;
import dev.deskassist.zendesk.ZendeskAdapter;
import dev.deskassist.zendesk.ZendeskConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The pipeline embedded in plain Java, for docs/pipeline.md: build it once at start-up, hand every
 * webhook request to {@link Pipeline#accept} from whatever HTTP layer you have, answer what it
 * says, and stop it on shutdown. Compiled with the project so the documented code stays true.
 */
public final class PlainJavaEmbedding implements AutoCloseable {

    private final SqliteEventStore store;
    private final ZendeskAdapter zendesk;
    private final Pipeline pipeline;

    /** {@code keys} looks up {@code zendesk.*} settings, e.g. {@code System::getenv} through your own mapping. */
    public PlainJavaEmbedding(Function<String, String> keys, DeskAssist assist, Path dataDir) {
        ZendeskConfig config = ZendeskConfig.of(keys);
        store = SqliteEventStore.open(dataDir);                   // accepted events survive crashes and restarts
        zendesk = new ZendeskAdapter(config);
        pipeline = Pipeline.builder()
                .adapter(zendesk, new LoopGuard(config.integrationUserIds(), config.markerTag().orElse(null)))
                .assist(assist)
                .store(store)
                .settings(PipelineSettings.defaults())
                .build()
                .start();
    }

    /** What an HTTP handler of any framework does: pass the raw request on, answer status, Retry-After and body. */
    public Answer handle(String helpdesk, String method, String path, Map<String, List<String>> headers, byte[] body) {
        Acceptance a = pipeline.accept(helpdesk, WebhookRequest.of(method, path, headers, body, Instant.now()));
        return new Answer(a.status(), a.retryAfterValue().map(Duration::toSeconds).orElse(null), a.body());
    }

    /** An HTTP answer: status, {@code Retry-After} seconds or null, JSON body. */
    public record Answer(int status, Long retryAfterSeconds, String json) {
    }

    /** Stop accepting (503), let in-flight work finish, keep the rest in the store for the next start. */
    @Override
    public void close() {
        pipeline.stop(Duration.ofSeconds(20));
        store.close();
        zendesk.close();
    }
}

package dev.deskassist.core.llm;

import dev.deskassist.core.http.HttpApiException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A chat model behind an HTTP API. Implementations are thread-safe and do not block: the future
 * completes on an I/O thread and fails with an {@link HttpApiException} (or
 * {@link LlmOutputException}) when no usable answer came.
 */
public interface LlmClient extends AutoCloseable {

    /** Sends one request. The reply text is returned as the model wrote it; checking it is the caller's job. */
    CompletableFuture<LlmResponse> complete(LlmRequest request);

    /** A short provider name for reasons, metrics and cache keys: "openai", "azure-openai", "anthropic", … */
    String provider();

    /** The model (or Azure deployment) requests go to. */
    String model();

    /** How this endpoint is asked for JSON. */
    StructuredOutput structuredOutput();

    /** The number of retries the HTTP layer makes after a failed attempt; for reasons. */
    default int maxRetries() {
        return 0;
    }

    /** {@link #complete} with a deadline; the cause of a failure is rethrown as it is. */
    default LlmResponse completeBlocking(LlmRequest request, Duration timeout) {
        CompletableFuture<LlmResponse> f = complete(request);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new CompletionException(c);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new CompletionException(new TimeoutException(provider() + ": no answer within " + timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    @Override
    default void close() {
    }
}

package dev.deskassist.core.pipeline;

import dev.deskassist.core.adapter.WebhookRequest;

/**
 * The one call an HTTP layer makes for a webhook: hand over the request exactly as received and
 * answer what comes back. {@link Pipeline} implements it; an HTTP server depends on nothing else.
 */
@FunctionalInterface
public interface WebhookIntake {

    /**
     * Verifies the request with the named helpdesk's adapter, de-duplicates and persists the event,
     * and says what to answer. Never throws for bad input; a failing store answers 503.
     */
    Acceptance accept(String helpdesk, WebhookRequest request);
}

package dev.deskassist.core.adapter;

import java.util.Optional;

/**
 * Decides whether a webhook request really comes from the helpdesk, before anything in it is
 * trusted. {@link HmacWebhookVerifier} checks a signature over the body (Zendesk, a ServiceNow
 * business rule we write); {@link SharedSecretVerifier} checks a shared secret in HTTP Basic or a
 * header (Freshdesk, which signs nothing). Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface WebhookVerifier {

    /**
     * Returns normally when the request is authentic.
     *
     * @throws WebhookRejectedException with an authentication reason, or {@code MALFORMED} for an
     *                                  unreadable timestamp or a body over the size bound
     */
    void verify(WebhookRequest request);

    /**
     * The key a pipeline should de-duplicate this delivery on when the request is signed: it is
     * derived from exactly what the signature covers, so a redelivery is recognised even when an
     * unsigned id header (an invocation id) is new or missing. Empty when nothing is signed, as
     * with a shared secret, where two real events can have byte-identical bodies.
     */
    default Optional<String> deliveryKey(WebhookRequest request) {
        return Optional.empty();
    }
}

package dev.deskassist.zendesk;

import dev.deskassist.core.adapter.HmacSignatures;
import dev.deskassist.core.adapter.HmacWebhookVerifier;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WebhookRejectedException;
import dev.deskassist.core.adapter.WebhookRejectedException.Reason;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.json.JsonException;
import dev.deskassist.core.json.JsonFields;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies and parses Zendesk webhook requests.
 *
 * <p><b>Verification</b> is core's {@link HmacWebhookVerifier} in Zendesk's {@link #scheme()}:
 * {@code X-Zendesk-Webhook-Signature} must equal base64(HMAC-SHA256(secret,
 * {@code X-Zendesk-Webhook-Signature-Timestamp} + raw body)), the secret's UTF-8 bytes being the
 * key; the ISO-8601 timestamp must lie within the tolerance of now; while a secret is rotated,
 * two secrets are accepted.
 *
 * <p><b>Bodies</b>, both accepted:
 * <ul>
 *   <li>a webhook connected to a trigger, with the body we recommend pasting into the trigger:
 *       {@code {"ticket_id":"{{ticket.id}}","event":"updated","actor_id":"{{current_user.id}}"}}
 *       ({@code event} is {@code created}, {@code updated} or {@code comment_added};
 *       {@code actor_id} feeds the loop guard; an optional {@code tags} of {@code {{ticket.tags}}}
 *       feeds the marker guard);</li>
 *   <li>an event-subscription envelope: {@code {"type":"zen:event-type:ticket.created",
 *       "detail":{"id":"5158","actor_id":"…","tags":[…]},"id":"<uuid>","time":"…"}} with string ids.</li>
 * </ul>
 *
 * <p>The <b>delivery id</b> is the verifier's {@link HmacWebhookVerifier#deliveryKey delivery key}:
 * a SHA-256 of the signed timestamp and raw body (which holds an envelope's event {@code id}), so
 * a captured delivery sent again is the same delivery whatever its unsigned
 * {@code X-Zendesk-Webhook-Invocation-Id} says.
 */
public final class ZendeskWebhook {

    public static final String SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature";
    public static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";
    /** Sent by Zendesk but not signed, so it is not used for de-duplication. */
    public static final String INVOCATION_HEADER = "X-Zendesk-Webhook-Invocation-Id";

    /** The body to paste into a trigger's "Notify by webhook" action. */
    public static final String RECOMMENDED_TRIGGER_BODY =
            "{\"ticket_id\":\"{{ticket.id}}\",\"event\":\"updated\",\"actor_id\":\"{{current_user.id}}\"}";

    private static final String EVENT_PREFIX = "zen:event-type:";
    private static final Pattern TICKET_ID = Pattern.compile("[1-9][0-9]{0,18}");

    private final HmacWebhookVerifier verifier;

    /** A webhook checked by {@code verifier}, which should be built from {@link #scheme()}. */
    public ZendeskWebhook(HmacWebhookVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** With the secrets, tolerance and body bound of {@code config}; it must hold a webhook secret. */
    public static ZendeskWebhook of(ZendeskConfig config) {
        return new ZendeskWebhook(config.hmacVerifier(scheme()));
    }

    /** Zendesk's signing scheme, to which secrets (and, in tests, a clock) are added. */
    public static HmacWebhookVerifier.Builder scheme() {
        return HmacWebhookVerifier.builder(SIGNATURE_HEADER).timestampHeader(TIMESTAMP_HEADER);
    }

    /** The signature Zendesk sends for this timestamp and body; for tests and simulations. */
    public static String sign(String secret, String timestamp, byte[] body) {
        return HmacSignatures.base64(secret, timestamp.getBytes(StandardCharsets.UTF_8), body);
    }

    /** Verifies, then parses. */
    public TicketEvent parse(WebhookRequest request) {
        verify(request);
        return parseVerified(request);
    }

    /**
     * Checks signature and timestamp.
     *
     * @throws WebhookRejectedException MISSING_SIGNATURE, BAD_SIGNATURE, MALFORMED (unreadable timestamp,
     *                                  body too large) or STALE_TIMESTAMP
     */
    public void verify(WebhookRequest request) {
        verifier.verify(request);
    }

    /** Parses a request already verified (or read back from a trusted dead-letter store). */
    public TicketEvent parseVerified(WebhookRequest request) {
        JsonObject body;
        try {
            body = JsonFields.parseObject(request.bodyText());
        } catch (JsonException e) {
            throw new WebhookRejectedException(Reason.MALFORMED, "body is not a JSON object");
        }
        // without the timestamp header (a stored body) nothing but the body is left to key on
        String delivery = verifier.deliveryKey(request)
                .orElseGet(() -> "sha256:" + HmacSignatures.sha256Hex(request.body()));
        String type = JsonFields.text(body, "type");
        if (type != null && type.startsWith(EVENT_PREFIX)) {
            return fromEnvelope(body, type.substring(EVENT_PREFIX.length()), delivery, request);
        }
        return fromTriggerBody(body, delivery, request);
    }

    private static TicketEvent fromEnvelope(JsonObject body, String kind, String delivery, WebhookRequest request) {
        if (!kind.startsWith("ticket.")) {
            throw new WebhookRejectedException(Reason.UNSUPPORTED_EVENT, "event type " + shorten(kind)
                    + " is not a ticket event");
        }
        JsonObject detail = JsonFields.object(body, "detail");
        String id = JsonFields.text(detail, "id");
        String subject = JsonFields.text(body, "subject");
        if (id == null && subject != null && subject.startsWith("zen:ticket:")) {
            id = subject.substring("zen:ticket:".length());
        }
        TicketEvent.Type eventType = switch (kind) {
            case "ticket.created" -> TicketEvent.Type.CREATED;
            case "ticket.comment_added" -> TicketEvent.Type.COMMENT_ADDED;
            default -> TicketEvent.Type.UPDATED;
        };
        Instant at = Objects.requireNonNullElse(JsonFields.instant(body, "time"), request.receivedAt());
        return event(id, eventType, delivery, JsonFields.text(detail, "actor_id"), at, tags(detail));
    }

    private static TicketEvent fromTriggerBody(JsonObject body, String delivery, WebhookRequest request) {
        String id = JsonFields.text(body, "ticket_id", JsonFields.textAt(body, "ticket", "id"));
        String ev = JsonFields.text(body, "event");
        TicketEvent.Type eventType = ev == null ? TicketEvent.Type.UPDATED
                : switch (ev.strip().toLowerCase(Locale.ROOT)) {
                    case "created", "ticket.created" -> TicketEvent.Type.CREATED;
                    case "updated", "ticket.updated" -> TicketEvent.Type.UPDATED;
                    case "comment_added", "commented", "ticket.comment_added" -> TicketEvent.Type.COMMENT_ADDED;
                    default -> throw new WebhookRejectedException(Reason.UNSUPPORTED_EVENT, "event '" + shorten(ev)
                            + "' is not one of created, updated, comment_added");
                };
        return event(id, eventType, delivery, JsonFields.text(body, "actor_id"), request.receivedAt(), tags(body));
    }

    private static TicketEvent event(String id, TicketEvent.Type type, String delivery, String actor, Instant at,
                                     Set<String> tags) {
        if (id == null || !TICKET_ID.matcher(id.strip()).matches()) {
            throw new WebhookRejectedException(Reason.MALFORMED,
                    id == null ? "no ticket id in body" : "ticket id is not a positive number");
        }
        // an unfilled placeholder means "unknown actor", not an actor named "{{current_user.id}}"
        String actorId = actor == null || actor.contains("{{") ? null : actor.strip();
        return new TicketEvent(TicketRef.of(ZendeskAdapter.NAME, id.strip()), type, delivery, actorId, at, tags);
    }

    /** An array of tags, or the {@code {{ticket.tags}}} placeholder rendered as a space-separated list. */
    private static Set<String> tags(JsonObject o) {
        String rendered = JsonFields.text(o, "tags");
        if (rendered == null) {
            return new LinkedHashSet<>(JsonFields.strings(o, "tags"));
        }
        return rendered.contains("{{") ? Set.of() : new LinkedHashSet<>(List.of(rendered.strip().split("\\s+")));
    }

    private static String shorten(String s) {
        String clean = s.replaceAll("[^A-Za-z0-9_.:-]", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }

    @Override
    public String toString() {
        return "ZendeskWebhook[" + verifier + "]";
    }
}

package dev.deskassist.zendesk;

import dev.deskassist.core.adapter.HmacSignatures;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WebhookRejectedException;
import dev.deskassist.core.adapter.WebhookRejectedException.Reason;
import dev.deskassist.core.adapter.WebhookRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies and parses Zendesk webhook requests.
 *
 * <p><b>Verification</b>: {@code X-Zendesk-Webhook-Signature} must equal
 * base64(HMAC-SHA256(secret, {@code X-Zendesk-Webhook-Signature-Timestamp} + raw body)), with the
 * secret's UTF-8 bytes as key (it is not base64-decoded), compared in constant time; the signed
 * timestamp must lie within the tolerance of now, in either direction, so a captured request
 * cannot be replayed later.
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
 * The delivery id is {@code sha256:} and the hex SHA-256 of exactly what the signature covers
 * (the signed timestamp header, then the raw body), so that a captured delivery re-sent within the
 * tolerance with another or no {@code X-Zendesk-Webhook-Invocation-Id} (that header is not
 * signed) is still recognised as the same delivery; without a timestamp header (a request read
 * back from a trusted store) it covers the body alone.
 */
public final class ZendeskWebhook {

    private static final jakarta.json.spi.JsonProvider JSONP = dev.deskassist.core.json.JsonCodec.jsonp();

    public static final String SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature";
    public static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";
    public static final String INVOCATION_HEADER = "X-Zendesk-Webhook-Invocation-Id";

    /** The body to paste into a trigger's "Notify by webhook" action. */
    public static final String RECOMMENDED_TRIGGER_BODY =
            "{\"ticket_id\":\"{{ticket.id}}\",\"event\":\"updated\",\"actor_id\":\"{{current_user.id}}\"}";

    private static final String EVENT_PREFIX = "zen:event-type:";
    private static final Pattern TICKET_ID = Pattern.compile("[1-9][0-9]{0,18}");
    /** Zendesk bodies are small; anything larger is not a Zendesk webhook. */
    static final int MAX_BODY_BYTES = 1_000_000;

    private final String secret;
    private final Duration tolerance;
    private final Clock clock;

    public ZendeskWebhook(String secret, Duration tolerance, Clock clock) {
        this.secret = Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("webhook secret must not be blank");
        }
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static ZendeskWebhook of(ZendeskConfig config) {
        return new ZendeskWebhook(config.webhookSecret(), config.timestampTolerance(), Clock.systemUTC());
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
     * @throws WebhookRejectedException MISSING_SIGNATURE, BAD_SIGNATURE, MALFORMED (unreadable timestamp) or
     *                                  STALE_TIMESTAMP
     */
    public void verify(WebhookRequest request) {
        String signature = request.header(SIGNATURE_HEADER).orElse(null);
        String timestamp = request.header(TIMESTAMP_HEADER).orElse(null);
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            throw new WebhookRejectedException(Reason.MISSING_SIGNATURE,
                    "request has no " + (signature == null || signature.isBlank() ? SIGNATURE_HEADER : TIMESTAMP_HEADER)
                            + " header");
        }
        if (request.bodyLength() > MAX_BODY_BYTES) {
            throw new WebhookRejectedException(Reason.MALFORMED, "body of " + request.bodyLength() + " bytes is too large");
        }
        String expected = sign(secret, timestamp, request.body());
        if (!HmacSignatures.matches(expected, signature)) {
            throw new WebhookRejectedException(Reason.BAD_SIGNATURE, "signature does not match the body");
        }
        Instant signedAt;
        try {
            signedAt = Instant.parse(timestamp.strip());
        } catch (DateTimeParseException e) {
            throw new WebhookRejectedException(Reason.MALFORMED, "timestamp header is not ISO-8601 UTC");
        }
        Duration age = Duration.between(signedAt, clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            throw new WebhookRejectedException(Reason.STALE_TIMESTAMP, "signed " + age.toSeconds()
                    + " s from now, tolerance is " + tolerance.toSeconds() + " s");
        }
    }

    /** Parses a request already verified (or read back from a trusted dead-letter store). */
    public TicketEvent parseVerified(WebhookRequest request) {
        JsonObject body = readObject(request.bodyText());
        JsonValue type = body.get("type");
        if (type instanceof JsonString ts && ts.getString().startsWith(EVENT_PREFIX)) {
            return fromEnvelope(body, ts.getString(), request);
        }
        return fromTriggerBody(body, request);
    }

    private TicketEvent fromEnvelope(JsonObject body, String type, WebhookRequest request) {
        String kind = type.substring(EVENT_PREFIX.length());
        if (!kind.startsWith("ticket.")) {
            throw new WebhookRejectedException(Reason.UNSUPPORTED_EVENT, "event type " + shorten(kind)
                    + " is not a ticket event");
        }
        JsonObject detail = body.get("detail") instanceof JsonObject d ? d : JsonValue.EMPTY_JSON_OBJECT;
        String id = text(detail, "id");
        if (id == null) {
            String subject = text(body, "subject");
            if (subject != null && subject.startsWith("zen:ticket:")) {
                id = subject.substring("zen:ticket:".length());
            }
        }
        TicketEvent.Type eventType = switch (kind) {
            case "ticket.created" -> TicketEvent.Type.CREATED;
            case "ticket.comment_added" -> TicketEvent.Type.COMMENT_ADDED;
            default -> TicketEvent.Type.UPDATED;
        };
        return event(id, eventType, text(detail, "actor_id"), instant(text(body, "time"), request),
                tags(detail.get("tags")), request);
    }

    private TicketEvent fromTriggerBody(JsonObject body, WebhookRequest request) {
        String id = text(body, "ticket_id");
        if (id == null && body.get("ticket") instanceof JsonObject t) {
            id = text(t, "id");
        }
        String ev = text(body, "event");
        TicketEvent.Type eventType;
        if (ev == null) {
            eventType = TicketEvent.Type.UPDATED;
        } else {
            eventType = switch (ev.strip().toLowerCase(Locale.ROOT)) {
                case "created", "ticket.created" -> TicketEvent.Type.CREATED;
                case "updated", "ticket.updated" -> TicketEvent.Type.UPDATED;
                case "comment_added", "commented", "ticket.comment_added" -> TicketEvent.Type.COMMENT_ADDED;
                default -> throw new WebhookRejectedException(Reason.UNSUPPORTED_EVENT, "event '" + shorten(ev)
                        + "' is not one of created, updated, comment_added");
            };
        }
        return event(id, eventType, text(body, "actor_id"), request.receivedAt(),
                tags(body.get("tags")), request);
    }

    private static TicketEvent event(String id, TicketEvent.Type type, String actor, Instant at,
                                     Set<String> tags, WebhookRequest request) {
        if (id == null || !TICKET_ID.matcher(id.strip()).matches()) {
            throw new WebhookRejectedException(Reason.MALFORMED,
                    id == null ? "no ticket id in body" : "ticket id is not a positive number");
        }
        // the key covers what the signature covers: the unsigned invocation id header could be changed at will
        String timestamp = request.header(TIMESTAMP_HEADER).filter(t -> !t.isBlank()).orElse(null);
        String deliveryId = "sha256:" + (timestamp == null ? HmacSignatures.sha256Hex(request.body())
                : HmacSignatures.sha256Hex(timestamp.getBytes(StandardCharsets.UTF_8), request.body()));
        // an unfilled placeholder or an empty value means "unknown actor", not an actor named ""
        String actorId = actor == null || actor.isBlank() || actor.contains("{{") ? null : actor.strip();
        return new TicketEvent(TicketRef.of(ZendeskAdapter.NAME, id.strip()), type, deliveryId, actorId, at, tags);
    }

    private static JsonObject readObject(String text) {
        try (JsonReader r = dev.deskassist.core.json.JsonCodec.jsonp().createReader(new StringReader(text))) {
            return r.readObject();
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            throw new WebhookRejectedException(Reason.MALFORMED, "body is not a JSON object");
        }
    }

    static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonString s) {
            return s.getString().isBlank() ? null : s.getString();
        }
        if (v != null && v.getValueType() == JsonValue.ValueType.NUMBER) {
            return v.toString();
        }
        return null;
    }

    private static Set<String> tags(JsonValue v) {
        Set<String> out = new LinkedHashSet<>();
        if (v instanceof JsonArray arr) {
            arr.forEach(t -> {
                if (t instanceof JsonString s) {
                    out.add(s.getString());
                }
            });
        } else if (v instanceof JsonString s && !s.getString().contains("{{")) {
            // the {{ticket.tags}} placeholder renders as a space-separated list
            for (String t : s.getString().split("\\s+")) {
                if (!t.isBlank()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static Instant instant(String value, WebhookRequest request) {
        if (value == null) {
            return request.receivedAt();
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return request.receivedAt();
        }
    }

    private static String shorten(String s) {
        String clean = s.replaceAll("[^A-Za-z0-9_.:-]", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }

    @Override
    public String toString() {
        return "ZendeskWebhook[tolerance=" + tolerance + ", secret hidden]";
    }
}

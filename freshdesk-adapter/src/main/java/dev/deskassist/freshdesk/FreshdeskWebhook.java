package dev.deskassist.freshdesk;

import dev.deskassist.core.adapter.ConfigValues;
import dev.deskassist.core.adapter.SharedSecretVerifier;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WebhookRejectedException;
import dev.deskassist.core.adapter.WebhookRejectedException.Reason;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.adapter.WebhookVerifier;
import dev.deskassist.core.json.JsonException;
import dev.deskassist.core.json.JsonFields;
import jakarta.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies and parses the call of a Freshdesk automation rule's "Trigger Webhook" action.
 *
 * <p><b>Verification.</b> Freshdesk signs nothing, so the call carries a shared secret, compared
 * in constant time by core's {@link SharedSecretVerifier} (two secrets while rotating): by default
 * as the HTTP Basic password of "Requires authentication" (any user name, or {@code webhookUser}
 * when set); the same option's "API key" variant, which puts the secret in the user name, is
 * accepted too unless a {@code webhookUser} is fixed; with {@code webhookHeader} set, only that
 * header counts.
 *
 * <p><b>Body.</b> We recommend {@code {"ticket_id":"{{ticket.id}}","event":"created"}} and read
 * everything else through the API. The body is parsed leniently: Freshdesk is not known to escape
 * placeholder values, so a template with ticket text can render invalid JSON; the ticket id is then
 * found with a regular expression, and a body naming two different ticket ids is refused. Zulip's
 * template ({@code {"freshdesk_webhook":{"triggered_event":"{ticket_action:created}","ticket_id":…}}})
 * is read as well. An unknown {@code event} counts as an update: the ticket is read either way.
 *
 * <p><b>No delivery id.</b> Nothing in the call tells a redelivery from a new event, and two updates
 * with a minimal body are byte-identical, so {@link TicketEvent#deliveryId()} is {@code null}: a
 * dedupe on the body would drop the second, real event. The write-back is idempotent instead.
 */
public final class FreshdeskWebhook {

    /** The body to paste into the rule's "Trigger Webhook" action (Content: Advanced, JSON). */
    public static final String RECOMMENDED_BODY = "{\"ticket_id\":\"{{ticket.id}}\",\"event\":\"created\"}";

    private static final Pattern TICKET_ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern TICKET_ID_IN_TEXT = Pattern.compile("\"ticket_id\"\\s*:\\s*\"?\\s*(\\d+)");
    private static final Pattern EVENT_IN_TEXT = Pattern.compile("\"event\"\\s*:\\s*\"([A-Za-z_.]{1,40})\"");
    private static final Pattern TRIGGERED_IN_TEXT = Pattern.compile("\"triggered_event\"\\s*:\\s*\"\\{([a-z_:]{1,80})");
    private static final Pattern TRIGGERED = Pattern.compile("^\\{([a-z_:]{1,80})");

    private final WebhookVerifier verifier;
    private final WebhookVerifier alternative;

    /**
     * @param verifier    checks the shared secret
     * @param alternative a second accepted form (the secret as Basic user name), or {@code null}
     */
    public FreshdeskWebhook(WebhookVerifier verifier, WebhookVerifier alternative) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.alternative = alternative;
    }

    /** With the secrets, header or Basic user and body bound of {@code config}; it must hold a webhook secret. */
    public static FreshdeskWebhook of(FreshdeskConfig config) {
        boolean fixedForm = ConfigValues.optional(config, "webhookHeader").isPresent()
                || ConfigValues.optional(config, "webhookUser").isPresent();
        SharedSecretVerifier primary = config.sharedSecretVerifier();
        return new FreshdeskWebhook(primary, fixedForm ? null
                : SharedSecretVerifier.basicUsername(config.webhookSecrets()).maxBodyBytes(config.webhookMaxBodyBytes()));
    }

    /** Verifies, then parses. */
    public TicketEvent parse(WebhookRequest request) {
        verify(request);
        return parseVerified(request);
    }

    /**
     * Checks the shared secret.
     *
     * @throws WebhookRejectedException MISSING_CREDENTIALS, BAD_CREDENTIALS or MALFORMED (body too large)
     */
    public void verify(WebhookRequest request) {
        try {
            verifier.verify(request);
        } catch (WebhookRejectedException e) {
            if (alternative == null || e.reason() != Reason.BAD_CREDENTIALS) {
                throw e;
            }
            try {
                alternative.verify(request);
            } catch (WebhookRejectedException alsoBad) {
                throw e;
            }
        }
    }

    /** Parses a request already verified (or read back from a trusted dead-letter store). */
    public TicketEvent parseVerified(WebhookRequest request) {
        String text = request.bodyText();
        String id;
        String event;
        String triggered;
        try {
            JsonObject body = JsonFields.parseObject(text);
            JsonObject zulip = JsonFields.object(body, "freshdesk_webhook");
            id = firstNonNull(JsonFields.text(body, "ticket_id"), JsonFields.text(zulip, "ticket_id"),
                    JsonFields.textAt(body, "ticket", "id"));
            event = firstNonNull(JsonFields.text(body, "event"), JsonFields.text(zulip, "event"));
            triggered = firstNonNull(JsonFields.text(body, "triggered_event"), JsonFields.text(zulip, "triggered_event"));
            if (triggered != null) {
                triggered = group(TRIGGERED, triggered.strip());
            }
        } catch (JsonException notJson) {
            // a placeholder rendered an unescaped quote or newline: find what we need in the text
            id = ticketIdInText(text);
            event = group(EVENT_IN_TEXT, text);
            triggered = group(TRIGGERED_IN_TEXT, text);
        }
        if (id == null || !TICKET_ID.matcher(id.strip()).matches()) {
            throw new WebhookRejectedException(Reason.MALFORMED,
                    id == null ? "no ticket id in body" : "ticket id is not a positive number");
        }
        return new TicketEvent(TicketRef.of(FreshdeskAdapter.NAME, id.strip()), type(event, triggered), null, null,
                request.receivedAt(), Set.of());
    }

    private static String ticketIdInText(String text) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = TICKET_ID_IN_TEXT.matcher(text);
        while (m.find()) {
            ids.add(m.group(1).replaceFirst("^0+(?=.)", ""));
        }
        if (ids.size() > 1) {
            // ticket text can hold anything; two different ids cannot both be the template's
            throw new WebhookRejectedException(Reason.MALFORMED, "body is not JSON and names " + ids.size()
                    + " different ticket ids");
        }
        return ids.isEmpty() ? null : ids.iterator().next();
    }

    private static TicketEvent.Type type(String event, String triggered) {
        String e = event == null ? null : event.strip().toLowerCase(Locale.ROOT).replace('.', '_');
        if (e != null) {
            return switch (e) {
                case "created", "ticket_created" -> TicketEvent.Type.CREATED;
                case "comment_added", "commented", "customer_reply", "reply", "replied", "note_added",
                     "ticket_comment_added" -> TicketEvent.Type.COMMENT_ADDED;
                default -> TicketEvent.Type.UPDATED;
            };
        }
        if (triggered == null) {
            return TicketEvent.Type.UPDATED;
        }
        // Zulip's bodies: {ticket_action:created}, {note_type:private}, {priority:{from:3,to:1}}, …
        if (triggered.startsWith("ticket_action:created")) {
            return TicketEvent.Type.CREATED;
        }
        return triggered.startsWith("note_type:") ? TicketEvent.Type.COMMENT_ADDED : TicketEvent.Type.UPDATED;
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "FreshdeskWebhook[" + verifier + (alternative != null ? ", or " + alternative : "") + "]";
    }
}

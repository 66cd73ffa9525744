package dev.deskassist.servicenow;

import dev.deskassist.core.adapter.HmacWebhookVerifier;
import dev.deskassist.core.adapter.HmacWebhookVerifier.TimestampFormat;
import dev.deskassist.core.adapter.HmacSignatures;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WebhookRejectedException;
import dev.deskassist.core.adapter.WebhookRejectedException.Reason;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.adapter.WebhookVerifier;
import dev.deskassist.core.json.JsonException;
import dev.deskassist.core.json.JsonFields;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies and parses the call of the business rule shipped with this module ({@link #BUSINESS_RULE},
 * {@code docs/servicenow.md}). ServiceNow has no webhook of its own: an async business rule on the
 * table posts, through {@code sn_ws.RESTMessageV2}, a small ASCII-only JSON body of ids:
 * {@code {"table","sys_id","number","event","sys_mod_count","actor","event_id"}}.
 *
 * <p><b>Verification.</b> By default ({@code webhookAuth=hmac}) the rule signs:
 * {@value #TIMESTAMP_HEADER} is {@code new GlideDateTime().getNumericValue()} (milliseconds since
 * the epoch) and {@value #SIGNATURE_HEADER} is
 * {@code new GlideCertificateEncryption().generateMac(GlideStringUtil.base64Encode(secret), "HmacSHA256", ts + body)}:
 * {@code generateMac} wants its key base64-encoded and answers base64, so the key is the secret's
 * own bytes and the signature is standard base64 of HMAC-SHA256(secret, timestamp + body), as core's
 * {@link HmacWebhookVerifier} checks it, within the tolerance of now. With {@code webhookAuth=basic}
 * the REST message authenticates with HTTP Basic whose password is the secret.
 *
 * <p><b>Body.</b> It must be ASCII (the shipped script escapes everything else as {@code \\uXXXX}):
 * how the instance turns a string into bytes for the MAC is not documented, and for ASCII every
 * encoding agrees. {@code event} {@code created}/{@code insert}, {@code updated}/{@code update},
 * {@code commented} map to the event types; a call for another table is an unsupported event.
 *
 * <p><b>De-duplication.</b> The delivery id is {@code <sys_id>@<sys_mod_count>}: one version of a
 * record is one event however often it is sent, and two calls with the same {@code event_id} carry
 * the same version, so this key covers {@code event_id} as well; without a mod count it is
 * {@code event:<event_id>}. {@code actor} (the record's {@code sys_updated_by}) feeds the loop guard.
 */
public final class ServiceNowWebhook {

    public static final String SIGNATURE_HEADER = "X-DeskAssist-Signature";
    public static final String TIMESTAMP_HEADER = "X-DeskAssist-Timestamp";
    /** The business rule script shipped as a resource of this module, to paste into the instance. */
    public static final String BUSINESS_RULE = "/dev/deskassist/servicenow/deskassist-business-rule.js";

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,10}");
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private final WebhookVerifier verifier;
    private final String table;

    /**
     * @param verifier the check of the call: {@link #scheme()} with secrets, or a shared-secret verifier
     * @param table    the table this adapter serves; calls for others are unsupported events
     */
    public ServiceNowWebhook(WebhookVerifier verifier, String table) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.table = Objects.requireNonNull(table, "table");
    }

    /** With the verifier {@code config.webhookAuth()} names; the config must hold a webhook secret. */
    public static ServiceNowWebhook of(ServiceNowConfig config) {
        WebhookVerifier v = config.webhookAuth() == ServiceNowConfig.WebhookAuth.BASIC
                ? config.sharedSecretVerifier() : config.hmacVerifier(scheme());
        return new ServiceNowWebhook(v, config.table());
    }

    /** The business rule's signing scheme, to which secrets (and, in tests, a clock) are added. */
    public static HmacWebhookVerifier.Builder scheme() {
        return HmacWebhookVerifier.builder(SIGNATURE_HEADER).timestampHeader(TIMESTAMP_HEADER)
                .timestampFormat(TimestampFormat.EPOCH_MILLIS);
    }

    /** The signature the business rule sends for this timestamp and body; for tests and simulations. */
    public static String sign(String secret, String timestampMillis, byte[] body) {
        return HmacSignatures.base64(secret, timestampMillis.getBytes(StandardCharsets.US_ASCII), body);
    }

    /** The business rule script to paste into the instance (the resource {@link #BUSINESS_RULE}). */
    public static String businessRuleScript() {
        try (InputStream in = ServiceNowWebhook.class.getResourceAsStream(BUSINESS_RULE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + BUSINESS_RULE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Verifies, then parses. */
    public TicketEvent parse(WebhookRequest request) {
        verifier.verify(request);
        return parseVerified(request);
    }

    /** Parses a request already verified (or read back from a trusted store). */
    public TicketEvent parseVerified(WebhookRequest request) {
        byte[] raw = request.body();
        for (byte b : raw) {
            if (b < 0) {
                throw new WebhookRejectedException(Reason.MALFORMED,
                        "body is not ASCII; escape other characters as \\uXXXX as the shipped business rule does");
            }
        }
        JsonObject body;
        try {
            body = JsonFields.parseObject(new String(raw, StandardCharsets.US_ASCII));
        } catch (JsonException e) {
            throw new WebhookRejectedException(Reason.MALFORMED, "body is not a JSON object");
        }
        String forTable = JsonFields.text(body, "table");
        if (forTable != null && !forTable.equals(table)) {
            throw new WebhookRejectedException(Reason.UNSUPPORTED_EVENT, "call is for table " + shorten(forTable)
                    + ", this adapter serves " + table);
        }
        String sysId = JsonFields.text(body, "sys_id");
        if (sysId == null || !ServiceNowConfig.SYS_ID.matcher(sysId.strip()).matches()) {
            throw new WebhookRejectedException(Reason.MALFORMED,
                    sysId == null ? "no sys_id in body" : "sys_id is not 32 lower-case hex digits");
        }
        sysId = sysId.strip();
        TicketEvent.Type type = type(JsonFields.text(body, "event"));
        String modCount = JsonFields.text(body, "sys_mod_count");
        String eventId = JsonFields.text(body, "event_id");
        String delivery;
        if (modCount != null && NUMBER.matcher(modCount.strip()).matches()) {
            delivery = sysId + "@" + Long.parseLong(modCount.strip());
        } else if (eventId != null && EVENT_ID.matcher(eventId.strip()).matches()) {
            delivery = "event:" + eventId.strip();
        } else {
            delivery = verifier.deliveryKey(request).orElse(null);
        }
        String actor = JsonFields.text(body, "actor");
        Instant at = request.header(TIMESTAMP_HEADER).map(ServiceNowWebhook::millis).orElse(request.receivedAt());
        return new TicketEvent(TicketRef.of(ServiceNowAdapter.NAME, sysId), type, delivery,
                actor == null ? null : actor.strip(), at, Set.of());
    }

    private static TicketEvent.Type type(String event) {
        if (event == null) {
            return TicketEvent.Type.UPDATED;
        }
        return switch (event.strip().toLowerCase(Locale.ROOT)) {
            case "created", "insert", "inserted" -> TicketEvent.Type.CREATED;
            case "updated", "update" -> TicketEvent.Type.UPDATED;
            case "commented", "comment", "comment_added" -> TicketEvent.Type.COMMENT_ADDED;
            default -> throw new WebhookRejectedException(Reason.UNSUPPORTED_EVENT, "event '" + shorten(event)
                    + "' is not one of created, updated, commented");
        };
    }

    private static Instant millis(String v) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(v.strip()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static String shorten(String s) {
        String clean = s.replaceAll("[^A-Za-z0-9_.:-]", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }

    @Override
    public String toString() {
        return "ServiceNowWebhook[" + table + ", " + verifier + "]";
    }
}

package dev.deskassist.core.adapter;

import dev.deskassist.core.adapter.WebhookRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies a webhook signed with HMAC-SHA256: the signature header must equal the HMAC, under
 * the secret's UTF-8 bytes, of the signed timestamp and the raw body (which of them, in which
 * order and with which separator is configurable), encoded as base64 or hex, optionally behind a
 * prefix such as {@code sha256=}. Comparison takes constant time; the signed timestamp must lie
 * within the tolerance of now in either direction, so a captured request cannot be replayed
 * later and a sender's fast clock cannot pre-sign; during a secret rotation two secrets are
 * accepted.
 *
 * <p>Zendesk's scheme is {@code builder("X-Zendesk-Webhook-Signature")
 * .timestampHeader("X-Zendesk-Webhook-Signature-Timestamp")} with the defaults (ISO-8601
 * timestamp, timestamp then body, no separator, base64). Checks run in this order, each with its
 * own reason: signature or timestamp header missing ({@code MISSING_SIGNATURE}), body over the
 * bound ({@code MALFORMED}), no secret matches ({@code BAD_SIGNATURE}), timestamp unreadable
 * ({@code MALFORMED}), timestamp outside the tolerance ({@code STALE_TIMESTAMP}).
 */
public final class HmacWebhookVerifier implements WebhookVerifier {

    /** How the signature header encodes the 32-byte digest. */
    public enum Encoding {
        /** Standard base64 with padding (Zendesk, ServiceNow's {@code generateMac}). */
        BASE64,
        /** Hex; the received value is compared ignoring case. */
        HEX
    }

    /** What the HMAC covers, in order; the separator goes between timestamp and body. */
    public enum SignedContent {
        TIMESTAMP_THEN_BODY,
        BODY_THEN_TIMESTAMP,
        /** The body alone: no timestamp, so no replay window. */
        BODY
    }

    /** How the timestamp header is written. */
    public enum TimestampFormat {
        /** {@code 2021-07-25T10:00:00Z}. */
        ISO_8601,
        /** Seconds since the epoch, e.g. {@code 1627207200}. */
        EPOCH_SECONDS,
        /** Milliseconds since the epoch (ServiceNow's {@code GlideDateTime.getNumericValue()}). */
        EPOCH_MILLIS
    }

    /** Bodies larger than this are refused by default, before any hashing. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1_000_000;

    private final String signatureHeader;
    private final String timestampHeader;
    private final TimestampFormat timestampFormat;
    private final SignedContent signedContent;
    private final byte[] separator;
    private final Encoding encoding;
    private final String signaturePrefix;
    private final List<String> secrets;
    private final Duration tolerance;
    private final int maxBodyBytes;
    private final Clock clock;

    private HmacWebhookVerifier(Builder b) {
        this.signatureHeader = b.signatureHeader;
        this.signedContent = b.signedContent;
        if (signedContent != SignedContent.BODY && b.timestampHeader == null) {
            throw new IllegalArgumentException(signedContent + " needs a timestamp header");
        }
        this.timestampHeader = signedContent == SignedContent.BODY ? null : b.timestampHeader;
        this.timestampFormat = b.timestampFormat;
        this.separator = b.separator.getBytes(StandardCharsets.UTF_8);
        this.encoding = b.encoding;
        this.signaturePrefix = b.signaturePrefix;
        if (b.secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one webhook secret is needed");
        }
        this.secrets = List.copyOf(b.secrets);
        this.tolerance = b.tolerance;
        this.maxBodyBytes = b.maxBodyBytes;
        this.clock = b.clock;
    }

    /** A verifier reading the signature from {@code signatureHeader}; the builder's defaults are Zendesk's. */
    public static Builder builder(String signatureHeader) {
        return new Builder(signatureHeader);
    }

    @Override
    public void verify(WebhookRequest request) {
        String signature = request.header(signatureHeader).filter(s -> !s.isBlank()).orElse(null);
        String timestamp = timestampHeader == null ? ""
                : request.header(timestampHeader).filter(s -> !s.isBlank()).orElse(null);
        if (signature == null || timestamp == null) {
            throw new WebhookRejectedException(Reason.MISSING_SIGNATURE, "request has no "
                    + (signature == null ? signatureHeader : timestampHeader) + " header");
        }
        if (request.bodyLength() > maxBodyBytes) {
            throw new WebhookRejectedException(Reason.MALFORMED, "body of " + request.bodyLength()
                    + " bytes is too large");
        }
        String received = withoutPrefix(signature.strip());
        boolean matched = false;
        if (received != null) {
            byte[][] signed = signedParts(timestamp, request.body());
            for (String secret : secrets) {
                // no early exit: every secret is tried, so timing does not tell which one matched
                matched |= HmacSignatures.matches(encode(HmacSignatures.hmacSha256(
                        secret.getBytes(StandardCharsets.UTF_8), signed)), received);
            }
        }
        if (!matched) {
            throw new WebhookRejectedException(Reason.BAD_SIGNATURE, "signature does not match the body");
        }
        if (timestampHeader != null) {
            checkFreshness(timestamp);
        }
    }

    private void checkFreshness(String timestamp) {
        Instant signedAt = parseTimestamp(timestamp.strip());
        Duration age = Duration.between(signedAt, clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            throw new WebhookRejectedException(Reason.STALE_TIMESTAMP, "signed " + age.toSeconds()
                    + " s from now, tolerance is " + tolerance.toSeconds() + " s");
        }
    }

    private Instant parseTimestamp(String t) {
        try {
            return switch (timestampFormat) {
                case ISO_8601 -> Instant.parse(t);
                case EPOCH_SECONDS -> Instant.ofEpochSecond(Long.parseLong(t));
                case EPOCH_MILLIS -> Instant.ofEpochMilli(Long.parseLong(t));
            };
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new WebhookRejectedException(Reason.MALFORMED, "timestamp header is not "
                    + (timestampFormat == TimestampFormat.ISO_8601 ? "ISO-8601 UTC"
                    : timestampFormat.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
    }

    /**
     * {@code sha256:<hex>} of exactly the bytes the signature covers (timestamp, separator and raw
     * body in the configured order); empty when the request lacks the timestamp header. Call it
     * after {@link #verify}: an unverified request's key proves nothing.
     */
    @Override
    public Optional<String> deliveryKey(WebhookRequest request) {
        String timestamp = timestampHeader == null ? ""
                : request.header(timestampHeader).filter(s -> !s.isBlank()).orElse(null);
        if (timestamp == null) {
            return Optional.empty();
        }
        return Optional.of("sha256:" + HmacSignatures.sha256Hex(signedParts(timestamp, request.body())));
    }

    /**
     * The signature header value this verifier expects for a timestamp and body under a secret;
     * for tests, simulators and documenting the sender's side.
     */
    public String sign(String secret, String timestamp, byte[] body) {
        Objects.requireNonNull(secret, "secret");
        String t = timestampHeader == null ? "" : Objects.requireNonNull(timestamp, "timestamp");
        return signaturePrefix + encode(HmacSignatures.hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                signedParts(t, body)));
    }

    /** The header names a sender must set, for documentation and error pages. */
    public List<String> headers() {
        List<String> h = new ArrayList<>(List.of(signatureHeader));
        if (timestampHeader != null) {
            h.add(timestampHeader);
        }
        return List.copyOf(h);
    }

    private byte[][] signedParts(String timestamp, byte[] body) {
        byte[] ts = timestamp.getBytes(StandardCharsets.UTF_8);
        return switch (signedContent) {
            case TIMESTAMP_THEN_BODY -> new byte[][] {ts, separator, body};
            case BODY_THEN_TIMESTAMP -> new byte[][] {body, separator, ts};
            case BODY -> new byte[][] {body};
        };
    }

    private String encode(byte[] digest) {
        return encoding == Encoding.BASE64 ? java.util.Base64.getEncoder().encodeToString(digest)
                : java.util.HexFormat.of().formatHex(digest);
    }

    /** The encoded digest without the configured prefix; {@code null} when the prefix is missing. */
    private String withoutPrefix(String signature) {
        if (!signature.regionMatches(true, 0, signaturePrefix, 0, signaturePrefix.length())) {
            return null;
        }
        String s = signature.substring(signaturePrefix.length());
        return encoding == Encoding.HEX ? s.toLowerCase(Locale.ROOT) : s;
    }

    @Override
    public String toString() {
        return "HmacWebhookVerifier[" + String.join(" + ", headers()) + ", " + signedContent + ", " + encoding
                + ", tolerance=" + tolerance + ", " + secrets.size() + " secret(s) hidden]";
    }

    /** Builds an {@link HmacWebhookVerifier}; everything but the signature header and a secret has a default. */
    public static final class Builder {
        private final String signatureHeader;
        private String timestampHeader;
        private TimestampFormat timestampFormat = TimestampFormat.ISO_8601;
        private SignedContent signedContent = SignedContent.TIMESTAMP_THEN_BODY;
        private String separator = "";
        private Encoding encoding = Encoding.BASE64;
        private String signaturePrefix = "";
        private final List<String> secrets = new ArrayList<>();
        private Duration tolerance = Duration.ofMinutes(5);
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Clock clock = Clock.systemUTC();

        private Builder(String signatureHeader) {
            this.signatureHeader = requireName(signatureHeader, "signatureHeader");
        }

        /** The header carrying the signed timestamp; required unless only the body is signed. */
        public Builder timestampHeader(String name) {
            this.timestampHeader = requireName(name, "timestampHeader");
            return this;
        }

        public Builder timestampFormat(TimestampFormat format) {
            this.timestampFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /** What the HMAC covers (default timestamp then body) and what goes between them (default nothing). */
        public Builder signedContent(SignedContent content, String separator) {
            this.signedContent = Objects.requireNonNull(content, "content");
            this.separator = Objects.requireNonNull(separator, "separator");
            return this;
        }

        public Builder encoding(Encoding encoding) {
            this.encoding = Objects.requireNonNull(encoding, "encoding");
            return this;
        }

        /** A fixed prefix before the encoded digest, e.g. {@code sha256=}; matched ignoring case. */
        public Builder signaturePrefix(String prefix) {
            this.signaturePrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * The accepted secrets: the current one, plus, while rotating, the other one (the old
         * secret until the helpdesk has switched, or the new one before it does).
         */
        public Builder secrets(List<String> secrets) {
            Objects.requireNonNull(secrets, "secrets");
            if (secrets.isEmpty() || secrets.size() > 2) {
                throw new IllegalArgumentException("one secret, or two while rotating; got " + secrets.size());
            }
            for (String s : secrets) {
                if (s == null || s.isBlank()) {
                    throw new IllegalArgumentException("a webhook secret must not be blank");
                }
            }
            this.secrets.clear();
            this.secrets.addAll(secrets);
            return this;
        }

        public Builder secret(String secret) {
            return secrets(List.of(Objects.requireNonNull(secret, "secret")));
        }

        /** How far the signed timestamp may lie from now, in either direction (default 5 minutes). */
        public Builder tolerance(Duration tolerance) {
            Objects.requireNonNull(tolerance, "tolerance");
            if (tolerance.isNegative()) {
                throw new IllegalArgumentException("tolerance must not be negative");
            }
            this.tolerance = tolerance;
            return this;
        }

        public Builder maxBodyBytes(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive");
            }
            this.maxBodyBytes = max;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public HmacWebhookVerifier build() {
            return new HmacWebhookVerifier(this);
        }

        private static String requireName(String name, String what) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return name;
        }
    }
}

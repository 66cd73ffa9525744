package dev.deskassist.core.adapter;

import dev.deskassist.core.adapter.WebhookRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Verifies an unsigned webhook by a shared secret it carries: in HTTP Basic (the password, with
 * an optional fixed user name, or the user name alone as API-key senders such as Freshdesk's
 * "Requires authentication" with an API key put it), in a named header, or as a bearer token.
 * Comparison takes constant time and does not reveal the secret's length; during a rotation two
 * secrets are accepted. A shared secret does not bind the body and has no replay window, so a
 * pipeline must not trust the body beyond the ticket id (re-fetch the ticket) and cannot
 * de-duplicate on a signed key ({@link #deliveryKey} stays empty).
 */
public final class SharedSecretVerifier implements WebhookVerifier {

    /** The {@code WWW-Authenticate} value sent with a 401 to Basic senders. */
    public static final String BASIC_CHALLENGE = "Basic realm=\"deskassist\", charset=\"UTF-8\"";

    private enum Mode { BASIC_PASSWORD, BASIC_USERNAME, HEADER, BEARER }

    private final Mode mode;
    private final String header;
    private final String expectedUser;
    private final List<String> secrets;
    private final int maxBodyBytes;

    private SharedSecretVerifier(Mode mode, String header, String expectedUser, List<String> secrets,
                                 int maxBodyBytes) {
        this.mode = mode;
        this.header = header;
        this.expectedUser = expectedUser;
        Objects.requireNonNull(secrets, "secrets");
        if (secrets.isEmpty() || secrets.size() > 2) {
            throw new IllegalArgumentException("one secret, or two while rotating; got " + secrets.size());
        }
        for (String s : secrets) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException("a webhook secret must not be blank");
            }
        }
        this.secrets = List.copyOf(secrets);
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * HTTP Basic whose password is the secret.
     *
     * @param user the user name the sender must use, or {@code null} to accept any
     */
    public static SharedSecretVerifier basicPassword(String user, List<String> secrets) {
        if (user != null && user.isBlank()) {
            throw new IllegalArgumentException("user must be null (any) or not blank");
        }
        return new SharedSecretVerifier(Mode.BASIC_PASSWORD, "Authorization", user, secrets,
                HmacWebhookVerifier.DEFAULT_MAX_BODY_BYTES);
    }

    /** HTTP Basic whose user name is the secret (API-key style); the password is ignored. */
    public static SharedSecretVerifier basicUsername(List<String> secrets) {
        return new SharedSecretVerifier(Mode.BASIC_USERNAME, "Authorization", null, secrets,
                HmacWebhookVerifier.DEFAULT_MAX_BODY_BYTES);
    }

    /** A header whose whole value (surrounding spaces aside) is the secret, e.g. {@code X-DeskAssist-Secret}. */
    public static SharedSecretVerifier header(String name, List<String> secrets) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("header name must not be blank");
        }
        return new SharedSecretVerifier(Mode.HEADER, name, null, secrets, HmacWebhookVerifier.DEFAULT_MAX_BODY_BYTES);
    }

    /** {@code Authorization: Bearer <secret>}. */
    public static SharedSecretVerifier bearer(List<String> secrets) {
        return new SharedSecretVerifier(Mode.BEARER, "Authorization", null, secrets,
                HmacWebhookVerifier.DEFAULT_MAX_BODY_BYTES);
    }

    /** A copy refusing bodies larger than {@code max} bytes (default 1,000,000). */
    public SharedSecretVerifier maxBodyBytes(int max) {
        return new SharedSecretVerifier(mode, header, expectedUser, secrets, max);
    }

    @Override
    public void verify(WebhookRequest request) {
        String value = request.header(header).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        String presented = value == null ? null : switch (mode) {
            case HEADER -> value;
            case BEARER -> afterScheme(value, "Bearer");
            case BASIC_PASSWORD, BASIC_USERNAME -> afterScheme(value, "Basic");
        };
        if (presented == null) {
            throw reject(Reason.MISSING_CREDENTIALS, "request has no " + describeExpected());
        }
        if (request.bodyLength() > maxBodyBytes) {
            throw new WebhookRejectedException(Reason.MALFORMED, "body of " + request.bodyLength()
                    + " bytes is too large");
        }
        if (!matches(presented)) {
            throw reject(Reason.BAD_CREDENTIALS, describeExpected() + " does not match");
        }
    }

    private boolean matches(String presented) {
        String secretPart = presented;
        boolean userOk = true;
        if (mode == Mode.BASIC_PASSWORD || mode == Mode.BASIC_USERNAME) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(presented), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return false;
            }
            String user = decoded.substring(0, colon);
            if (mode == Mode.BASIC_USERNAME) {
                secretPart = user;
            } else {
                secretPart = decoded.substring(colon + 1);
                userOk = expectedUser == null || HmacSignatures.secretsEqual(expectedUser, user);
            }
        }
        boolean matched = false;
        for (String secret : secrets) {
            // no early exit: timing does not tell which secret matched
            matched |= HmacSignatures.secretsEqual(secret, secretPart);
        }
        return matched & userOk;
    }

    /** The credentials after an auth scheme such as {@code Basic }, ignoring the scheme's case; {@code null} if another scheme. */
    private static String afterScheme(String value, String scheme) {
        if (value.length() <= scheme.length() || !value.regionMatches(true, 0, scheme, 0, scheme.length())
                || !Character.isWhitespace(value.charAt(scheme.length()))) {
            return null;
        }
        String rest = value.substring(scheme.length()).strip();
        return rest.isEmpty() ? null : rest;
    }

    private WebhookRejectedException reject(Reason reason, String message) {
        boolean basic = mode == Mode.BASIC_PASSWORD || mode == Mode.BASIC_USERNAME;
        return new WebhookRejectedException(reason, message, basic ? BASIC_CHALLENGE : null, null);
    }

    private String describeExpected() {
        return switch (mode) {
            case BASIC_PASSWORD, BASIC_USERNAME -> "HTTP Basic credentials";
            case BEARER -> "bearer token";
            case HEADER -> header + " header";
        };
    }

    @Override
    public String toString() {
        return "SharedSecretVerifier[" + describeExpected() + (expectedUser != null ? ", fixed user" : "") + ", "
                + secrets.size() + " secret(s) hidden]";
    }
}

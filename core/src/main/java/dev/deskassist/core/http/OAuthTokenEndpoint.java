package dev.deskassist.core.http;

import dev.deskassist.core.json.JsonException;
import dev.deskassist.core.json.JsonFields;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches OAuth 2.0 access tokens from a token endpoint (RFC 6749 §4.4 client credentials, or
 * §4.3 resource owner password as ServiceNow's {@code /oauth_token.do} commonly needs), form
 * encoded, and reads {@code access_token} and {@code expires_in}. A refresh token in the answer
 * is not used: asking again with the same grant is as cheap and needs no second code path.
 *
 * <p>Failures are typed like every other call: a refused client or grant (400, 401) is an
 * {@link AuthenticationException} carrying only the OAuth error code (never the description,
 * which can echo a user name), 429 and 5xx are retryable. Secrets never reach messages or logs.
 * The token URL must be https, except on a loopback address for tests.
 */
public final class OAuthTokenEndpoint implements TokenSource {

    private static final Logger log = LoggerFactory.getLogger(OAuthTokenEndpoint.class);

    /** Where the client credentials go: form fields (ServiceNow's example) or HTTP Basic (RFC 6749's preference). */
    public enum ClientAuthentication {
        FORM,
        BASIC
    }

    private final String service;
    private final HttpUrl tokenUrl;
    private final String grantType;
    private final String clientId;
    private final String clientSecret;
    private final String username;
    private final String password;
    private final String scope;
    private final ClientAuthentication clientAuthentication;
    private final OkHttpClient http;
    private final Clock clock;

    private OAuthTokenEndpoint(Builder b) {
        this.service = b.service;
        this.tokenUrl = b.tokenUrl;
        this.grantType = b.grantType;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.username = b.username;
        this.password = b.password;
        this.scope = b.scope;
        this.clientAuthentication = b.clientAuthentication;
        this.http = b.http.newBuilder().callTimeout(b.timeout).followRedirects(false).build();
        this.clock = b.clock;
    }

    /** The client credentials grant. */
    public static Builder clientCredentials(String tokenUrl, String clientId, String clientSecret) {
        return new Builder(tokenUrl, "client_credentials", clientId, clientSecret, null, null);
    }

    /** The resource owner password grant (an integration user's name and password plus the client's). */
    public static Builder password(String tokenUrl, String clientId, String clientSecret, String username,
                                   String password) {
        return new Builder(tokenUrl, "password", clientId, clientSecret,
                requireText(username, "username"), requireText(password, "password"));
    }

    @Override
    public AccessToken fetch() {
        FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8).add("grant_type", grantType);
        if (clientAuthentication == ClientAuthentication.FORM) {
            form.add("client_id", clientId).add("client_secret", clientSecret);
        }
        if (username != null) {
            form.add("username", username).add("password", password);
        }
        if (scope != null) {
            form.add("scope", scope);
        }
        Request.Builder req = new Request.Builder().url(tokenUrl).post(form.build()).header("Accept", "application/json");
        if (clientAuthentication == ClientAuthentication.BASIC) {
            req.header("Authorization", okhttp3.Credentials.basic(clientId, clientSecret, StandardCharsets.UTF_8));
        }
        String path = tokenUrl.encodedPath();
        Instant sentAt = clock.instant();
        try (Response resp = http.newCall(req.build()).execute()) {
            String body = read(resp.body());
            if (resp.code() / 100 != 2) {
                throw failure(resp, body, path);
            }
            AccessToken token = parse(body, sentAt, path);
            log.debug("{}: OAuth token fetched, expires at {}", service, token.expiresAt());
            return token;
        } catch (InterruptedIOException e) {
            throw new TransportException(service, "POST", path, true, e);
        } catch (IOException e) {
            throw new TransportException(service, "POST", path, false, e);
        }
    }

    private HttpApiException failure(Response resp, String body, String path) {
        int code = resp.code();
        // OAuth errors are {"error":"invalid_client","error_description":…}; only the registered code is kept
        String error = null;
        try {
            error = JsonFields.text(JsonFields.parseObject(body), "error");
        } catch (JsonException notJson) {
            // a proxy's HTML page: no code
        }
        ErrorDetails details = new ErrorDetails(error == null ? null : cut(error),
                code == 400 || code == 401 ? "token request refused; check client id, secret and grant" : null, null);
        if (code == 400 || code == 401 || code == 403) {
            return new AuthenticationException(service, code, "POST", path, details);
        }
        if (code == 429) {
            return new RateLimitedException(service, "POST", path, RetryAfter.parse(resp.header("Retry-After"), clock),
                    details);
        }
        if (code >= 500) {
            return new ServerErrorException(service, code, "POST", path, details,
                    RetryAfter.parse(resp.header("Retry-After"), clock));
        }
        return new ClientErrorException(service, code, "POST", path, details);
    }

    private AccessToken parse(String body, Instant sentAt, String path) {
        JsonObject o;
        try {
            o = JsonFields.parseObject(body);
        } catch (JsonException e) {
            throw new AuthenticationException(service, 200, "POST", path,
                    new ErrorDetails("invalid_token_response", "token response is not a JSON object", null));
        }
        String value = JsonFields.text(o, "access_token");
        if (value == null) {
            throw new AuthenticationException(service, 200, "POST", path,
                    new ErrorDetails("invalid_token_response", "token response has no access_token", null));
        }
        String type = JsonFields.text(o, "token_type");
        if (type != null && !type.equalsIgnoreCase("bearer")) {
            throw new AuthenticationException(service, 200, "POST", path,
                    new ErrorDetails("invalid_token_response", "token type is not Bearer", null));
        }
        OptionalLong expiresIn = JsonFields.longValue(o, "expires_in");
        // measured from when the request left, so a slow answer cannot make us overrun the expiry
        Instant expiresAt = expiresIn.isPresent() && expiresIn.getAsLong() > 0
                ? sentAt.plusSeconds(expiresIn.getAsLong()) : null;
        return new AccessToken(value, expiresAt);
    }

    private static String read(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        // token answers are tiny; a huge one is not a token answer
        okio.BufferedSource source = body.source();
        if (source.request(64 * 1024 + 1)) {
            throw new IOException("token response larger than 64 KiB");
        }
        return source.readUtf8();
    }

    private static String cut(String s) {
        String clean = s.replaceAll("[^A-Za-z0-9_.:-]", "?");
        return clean.length() > 60 ? clean.substring(0, 60) : clean;
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    @Override
    public String toString() {
        return "OAuthTokenEndpoint[" + tokenUrl.host() + tokenUrl.encodedPath() + ", grant=" + grantType
                + ", secrets hidden]";
    }

    /** Builds an {@link OAuthTokenEndpoint}. */
    public static final class Builder {
        private final HttpUrl tokenUrl;
        private final String grantType;
        private final String clientId;
        private final String clientSecret;
        private final String username;
        private final String password;
        private String service = "oauth";
        private String scope;
        private ClientAuthentication clientAuthentication = ClientAuthentication.FORM;
        private OkHttpClient http;
        private Duration timeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder(String tokenUrl, String grantType, String clientId, String clientSecret, String username,
                        String password) {
            HttpUrl url = HttpUrl.parse(requireText(tokenUrl, "tokenUrl"));
            if (url == null) {
                throw new IllegalArgumentException("token URL is not an http(s) URL");
            }
            if (!url.isHttps() && !isLoopback(url.host())) {
                throw new IllegalArgumentException("token URL must use https (http only on a loopback address)");
            }
            this.tokenUrl = url;
            this.grantType = grantType;
            this.clientId = requireText(clientId, "clientId");
            this.clientSecret = requireText(clientSecret, "clientSecret");
            this.username = username;
            this.password = password;
        }

        /** The name in exceptions and logs, e.g. {@code servicenow-oauth}. */
        public Builder service(String name) {
            this.service = requireText(name, "service");
            return this;
        }

        public Builder scope(String scope) {
            this.scope = scope == null || scope.isBlank() ? null : scope;
            return this;
        }

        public Builder clientAuthentication(ClientAuthentication how) {
            this.clientAuthentication = Objects.requireNonNull(how, "how");
            return this;
        }

        /** An OkHttp client whose connection pool to share. */
        public Builder http(OkHttpClient client) {
            this.http = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The longest a token request may take (default 30 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public OAuthTokenEndpoint build() {
            if (http == null) {
                http = new OkHttpClient();
            }
            return new OAuthTokenEndpoint(this);
        }
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("[::1]")
                || host.startsWith("127.");
    }
}

package dev.deskassist.freshdesk;

import dev.deskassist.core.http.Auth;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import okhttp3.Request;

/**
 * Freshdesk's API-key authentication, Basic {@code KEY:X}. Not core's {@code Auth.basic}: that
 * shows the user name in {@code toString()}, and here the user name is the secret.
 */
final class ApiKeyAuth implements Auth {

    private final String header;

    ApiKeyAuth(String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        this.header = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":X").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void apply(Request.Builder request) {
        request.header("Authorization", header);
    }

    @Override
    public String toString() {
        return "Auth[basic api key, secret hidden]";
    }
}

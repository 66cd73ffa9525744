package dev.deskassist.servicenow;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Gives a 429 without {@code Retry-After} one computed from {@code X-RateLimit-Reset} (the UNIX
 * time at which ServiceNow's hourly rate-limit window resets), so that the HTTP kit and the
 * pipeline wait as long as the instance asks: never less, rounded up to the second. An OkHttp
 * interceptor, because the kit reads only {@code Retry-After}.
 */
final class RateLimitReset implements Interceptor {

    static final String RESET_HEADER = "X-RateLimit-Reset";

    private final Clock clock;

    RateLimitReset(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response r = chain.proceed(chain.request());
        if (r.code() != 429 || r.header("Retry-After") != null) {
            return r;
        }
        String reset = r.header(RESET_HEADER);
        if (reset == null) {
            return r;
        }
        long at;
        try {
            at = Long.parseLong(reset.strip());
        } catch (NumberFormatException e) {
            return r;
        }
        long nowMillis = clock.millis();
        long wait = Math.max(0, (at * 1000 - nowMillis + 999) / 1000);
        return r.newBuilder().header("Retry-After", String.valueOf(wait)).build();
    }
}

package dev.deskassist.core.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;

/**
 * The one JSON-B instance DeskAssist uses everywhere (Yasson underneath); creating a Jsonb is
 * costly and the instance is thread-safe, so it is shared. Failures become {@link JsonException}.
 */
public final class JsonCodec {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
    /**
     * The JSON-P provider, looked up once: {@code jakarta.json.Json.createReader(...)} and friends
     * run a ServiceLoader scan on every call, which costs milliseconds per request under load.
     */
    private static final jakarta.json.spi.JsonProvider JSONP = jakarta.json.spi.JsonProvider.provider();

    private JsonCodec() {
    }

    public static Jsonb jsonb() {
        return JSONB;
    }

    /** The shared JSON-P provider for tree reading and building; use it instead of {@code jakarta.json.Json}. */
    public static jakarta.json.spi.JsonProvider jsonp() {
        return JSONP;
    }

    public static String toJson(Object value) {
        try {
            return JSONB.toJson(value);
        } catch (JsonbException e) {
            throw new JsonException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return JSONB.fromJson(json, type);
        } catch (JsonbException | ClassCastException e) {
            throw new JsonException("malformed JSON for " + type.getSimpleName() + ": " + shortMessage(e), e);
        }
    }

    public static <T> T fromJson(String json, Type type) {
        try {
            return JSONB.fromJson(json, type);
        } catch (JsonbException | ClassCastException e) {
            throw new JsonException("malformed JSON for " + type.getTypeName() + ": " + shortMessage(e), e);
        }
    }

    private static String shortMessage(Exception e) {
        // Yasson messages can quote input; keep only the first line and bound its length so that
        // ticket text does not travel inside exceptions.
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        m = nl >= 0 ? m.substring(0, nl) : m;
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }
}

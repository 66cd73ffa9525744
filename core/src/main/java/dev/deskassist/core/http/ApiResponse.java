package dev.deskassist.core.http;

import dev.deskassist.core.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A successful (2xx) response: status, headers (names lower-cased) and body text. */
public record ApiResponse(int status, Map<String, List<String>> headers, String body) {

    public ApiResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** The first value of a header, ignoring case. */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The body as a JSON object; a body that is not one throws {@link JsonException}. */
    public JsonObject json() {
        try (JsonReader r = dev.deskassist.core.json.JsonCodec.jsonp().createReader(new StringReader(body))) {
            return r.readObject();
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            throw new JsonException("response body is not a JSON object (" + body.length() + " chars)", e);
        }
    }

    /** The body mapped with JSON-B to a type. */
    public <T> T as(Class<T> type) {
        return dev.deskassist.core.json.JsonCodec.fromJson(body, type);
    }
}

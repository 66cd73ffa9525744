package dev.deskassist.freshdesk;

import dev.deskassist.core.http.ErrorBodyParser;
import dev.deskassist.core.http.ErrorDetails;
import dev.deskassist.core.http.JsonErrorBodyParser;
import dev.deskassist.core.json.JsonException;
import dev.deskassist.core.json.JsonFields;
import jakarta.json.JsonObject;

/**
 * Reads Freshdesk's error bodies: the validation shape {@code {"description":…,"errors":[{field,
 * message,code}]}} (through core's {@link JsonErrorBodyParser}, which keeps the field names) and
 * the flat {@code {"code":"access_denied","message":…}} of 401 and 403, and names what a 401 and
 * a 403 mean for Freshdesk, where a 403 is as often a plan feature as a missing permission.
 */
final class FreshdeskErrors implements ErrorBodyParser {

    static final String UNAUTHORIZED = "authentication failed: check freshdesk.apiToken (the integration agent's API key)";
    static final String FORBIDDEN = "refused: the integration agent lacks a permission, or the Freshdesk plan lacks the feature";

    private final JsonErrorBodyParser json = new JsonErrorBodyParser();

    @Override
    public ErrorDetails parse(int status, String contentType, String body) {
        ErrorDetails d = json.parse(status, contentType, body);
        String code = d.code();
        String message = d.message();
        if (code == null && message == null && body != null && body.strip().startsWith("{")) {
            try {
                JsonObject o = JsonFields.parseObject(body.strip());
                code = cut(JsonFields.text(o, "code"));
                message = cut(JsonFields.text(o, "message"));
            } catch (JsonException notJson) {
                // no details, as for any unreadable body
            }
        }
        if (status == 401) {
            message = message == null ? UNAUTHORIZED : UNAUTHORIZED + " (" + message + ")";
        } else if (status == 403) {
            message = message == null ? FORBIDDEN : FORBIDDEN + " (" + message + ")";
        }
        return new ErrorDetails(code, message, d.fieldErrors());
    }

    private static String cut(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}

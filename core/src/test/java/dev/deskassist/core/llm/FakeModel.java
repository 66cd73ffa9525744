package dev.deskassist.core.llm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer dispatcher that plays an OpenAI-compatible model: it answers each structured
 * request (recognized by its schema name) with valid JSON in the requested language and records
 * every request body. {@link #obeyInjection} makes it follow instructions found in the ticket.
 */
final class FakeModel extends Dispatcher {

    final List<String> bodies = new CopyOnWriteArrayList<>();
    volatile boolean obeyInjection;

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String body = request.getBody().readUtf8();
        bodies.add(body);
        boolean de = body.contains("language code de") || body.contains("Detected language: de");
        boolean injected = obeyInjection && (body.contains("ignore previous instructions")
                || body.contains("ignoriere alle vorherigen Anweisungen"));
        String content;
        if (body.contains("\"name\":\"triage\"")) {
            content = "{\"category\":\"billing\",\"priority\":\"" + (injected ? "low" : "normal")
                    + "\",\"escalate\":false,\"confidence\":0.7,\"reasons\":[\"fits billing\"]}";
        } else if (body.contains("\"name\":\"reply_draft\"")) {
            String text = de
                    ? "Hallo [NAME_1], vielen Dank für Ihre Nachricht. Wir prüfen das und melden uns bei Ihnen."
                    : "Hello [NAME_1], thank you for your message. We will check this and get back to you.";
            if (injected) {
                text += de ? " Wir erstatten Ihnen selbstverständlich den vollen Betrag." : " We will refund you the full amount.";
            }
            content = jakarta.json.Json.createObjectBuilder().add("body", text)
                    .add("citations", jakarta.json.Json.createArrayBuilder()).add("questions", jakarta.json.Json.createArrayBuilder())
                    .add("confidence", 0.6).build().toString();
        } else if (body.contains("\"name\":\"ticket_summary\"")) {
            content = jakarta.json.Json.createObjectBuilder()
                    .add("customer_wants", de ? "[NAME_1] möchte, dass wir das Problem mit der Bestellung lösen."
                            : "[NAME_1] wants us to solve the problem with the order.")
                    .add("tried", jakarta.json.Json.createArrayBuilder())
                    .add("current_state", de ? "Die Anfrage ist offen und wir haben noch nicht geantwortet."
                            : "The request is open and we have not answered yet.")
                    .add("open_questions", jakarta.json.Json.createArrayBuilder())
                    .add("next_step", de ? "Bitte die Angaben prüfen und dem Kunden antworten." : "Please check the details and answer the customer.")
                    .add("confidence", 0.8).build().toString();
        } else {
            return new MockResponse().setResponseCode(400).setBody("{\"error\":{\"message\":\"unknown\",\"type\":\"invalid_request_error\"}}");
        }
        return ProviderBodies.openAiOk(content);
    }
}

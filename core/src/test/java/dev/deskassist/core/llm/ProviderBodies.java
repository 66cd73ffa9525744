package dev.deskassist.core.llm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import okhttp3.mockwebserver.MockResponse;

/**
 * Response bodies shaped like the providers' documented ones, from the test resources
 * (written by us after the OpenAI and Anthropic API references), with the content swapped in.
 */
final class ProviderBodies {

    private ProviderBodies() {
    }

    static String resource(String name) {
        try (InputStream in = ProviderBodies.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }

    /** An OpenAI chat.completion whose first choice says {@code content}. */
    static String openAi(String content, String finishReason) {
        JsonObject o = json(resource("openai-chat-completion.json"));
        JsonObject choice = o.getJsonArray("choices").getJsonObject(0);
        JsonObject message = Json.createObjectBuilder(choice.getJsonObject("message")).add("content", content).build();
        JsonObject newChoice = Json.createObjectBuilder(choice).add("message", message)
                .add("finish_reason", finishReason).build();
        return Json.createObjectBuilder(o).add("choices", Json.createArrayBuilder().add(newChoice)).build().toString();
    }

    static MockResponse openAiOk(String content) {
        return ok(openAi(content, "stop"));
    }

    /** An Anthropic message with one text block. */
    static String anthropicText(String text) {
        JsonObject o = json(resource("anthropic-message.json"));
        return Json.createObjectBuilder(o).add("content", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "text").add("text", text))).build().toString();
    }

    /** An Anthropic message with one tool_use block whose input is {@code inputJson}. */
    static String anthropicTool(String toolName, String inputJson) {
        JsonObject o = json(resource("anthropic-tool-use.json"));
        JsonObject block = o.getJsonArray("content").getJsonObject(0);
        JsonValue input = json(inputJson);
        JsonObject nb = Json.createObjectBuilder(block).add("name", toolName).add("input", input).build();
        return Json.createObjectBuilder(o).add("content", Json.createArrayBuilder().add(nb)).build().toString();
    }

    static MockResponse ok(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }

    static MockResponse error(int code, String resource) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody(resource(resource));
    }
}

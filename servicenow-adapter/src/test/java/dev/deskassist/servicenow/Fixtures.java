package dev.deskassist.servicenow;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.function.Consumer;

/** The payloads in {@code src/test/resources/fixtures} (see the README there for their origin), and records made from them. */
final class Fixtures {

    private Fixtures() {
    }

    static String text(String name) {
        return dev.deskassist.core.adapter.testkit.Fixtures.text(name);
    }

    static JsonObject json(String name) {
        return dev.deskassist.core.adapter.testkit.Fixtures.json(name);
    }

    static JsonObject parse(String s) {
        return dev.deskassist.core.adapter.testkit.Fixtures.parse(s);
    }

    /** The record under {@code result} of a fixture. */
    static JsonObject record(String name) {
        return json(name).getJsonObject("result");
    }

    /** A raw record with some fields replaced (or added). */
    static JsonObject with(JsonObject record, Map<String, String> values) {
        JsonObjectBuilder b = Json.createObjectBuilder(record);
        values.forEach(b::add);
        return b.build();
    }

    /**
     * A raw record as {@code sysparm_display_value=all&sysparm_exclude_reference_link=true} gives it:
     * every value {@code {"display_value","value"}}, references reduced to their sys_id; {@code display}
     * may then set display values that differ.
     */
    static JsonObject displayAll(JsonObject raw, Consumer<Map<String, String>> display) {
        Map<String, String> shown = new java.util.HashMap<>();
        display.accept(shown);
        JsonObjectBuilder b = Json.createObjectBuilder();
        raw.forEach((k, v) -> {
            String value = v instanceof JsonObject ref ? ref.getString("value", "") : v.getValueType() == JsonValue.ValueType.STRING
                    ? ((jakarta.json.JsonString) v).getString() : v.toString();
            b.add(k, Json.createObjectBuilder().add("display_value", shown.getOrDefault(k, value)).add("value", value));
        });
        shown.forEach((k, d) -> {
            if (!raw.containsKey(k)) {
                b.add(k, Json.createObjectBuilder().add("display_value", d).add("value", ""));
            }
        });
        return b.build();
    }

    /** {@code {"result": record}}. */
    static String answer(JsonObject record) {
        return Json.createObjectBuilder().add("result", record).build().toString();
    }

    /** The rapid7 journal rows as the Table API lists them: {@code {"result":[…]}}. */
    static String journalRows() {
        return Json.createObjectBuilder().add("result", json("rapid7_sys_journal_field_records.json")
                .getJsonArray("incident_comments_worknotes")).build().toString();
    }
}

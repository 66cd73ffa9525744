package dev.deskassist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.writeback.Output;
import dev.deskassist.core.writeback.WriteBackPolicy;
import dev.deskassist.examples.config.ConfigScaffold;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code backtest} command end to end on a small generated Nordwind history. */
@Timeout(180)
class BacktestCommandTest {

    /** Every HTTP client in the process (OkHttp, java.net.http, URLConnection) asks the default selector first. */
    static final class RecordingProxySelector extends ProxySelector {
        final List<URI> asked = new CopyOnWriteArrayList<>();

        @Override
        public List<Proxy> select(URI uri) {
            asked.add(uri);
            return List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        }
    }

    @Test
    void sampleBacktestWritesTheReportsAndAPolicyTheLoaderAcceptsWithoutAnyRequest(@TempDir Path out)
            throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        RecordingProxySelector recording = new RecordingProxySelector();
        ProxySelector before = ProxySelector.getDefault();
        int code;
        ProxySelector.setDefault(recording);
        try {
            code = execute(List.of("--sample", "--sample-size", "600", "--min-support", "10",
                    "--out", out.toString()), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                    new PrintStream(stderr, true, StandardCharsets.UTF_8));
        } finally {
            ProxySelector.setDefault(before);
        }
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err);
        assertEquals(List.of(), recording.asked, "a backtest makes no HTTP request");
        assertTrue(err.contains("left") && err.contains("took"), err);

        String text = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("category") && text.contains("escalation"), text);

        WriteBackPolicy policy = WriteBackPolicy.fromJson(out.resolve("writeback-policy.recommended.json"));
        assertTrue(policy.rule(Output.ESCALATION).mode() != dev.deskassist.core.writeback.WriteMode.OFF,
                "escalation is never switched off");

        JsonObject json = Json.createReader(new StringReader(Files.readString(out.resolve("backtest.json"))))
                .readObject();
        assertEquals(4, json.getJsonArray("fields").size());
        JsonObject split = json.getJsonObject("split");
        assertTrue(split.getInt("trainedOn") > split.getInt("scored"), split.toString());
        assertTrue(split.getString("model").startsWith("trained on"), split.toString());
        JsonObject quality = json.getJsonObject("quality");
        assertTrue(quality.getInt("duplicates") + quality.getInt("outOfOrder") > 0, "the sample carries export noise");
        String jsonText = json.toString();
        assertFalse(jsonText.contains("Viele Grüße") || jsonText.contains("Best regards"), "no ticket text stored");

        String html = Files.readString(out.resolve("backtest.html"));
        assertTrue(html.split("<svg ", -1).length - 1 >= 4, "a chart per field");
        assertFalse(html.contains("<script"));
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").matches("(?s).*(src|href)=\"https?:.*"));
    }

    @Test
    void configDirectoryIsReadAtThePathsItsPropertiesName(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("acme");
        ConfigScaffold.init(dir);
        // the team keeps its taxonomy under another name; only deskassist.properties says so
        Files.move(dir.resolve("taxonomy.json"), dir.resolve("team-taxonomy.json"));
        Path props = dir.resolve("deskassist.properties");
        Files.writeString(props, Files.readString(props).replace("deskassist.taxonomy=taxonomy.json",
                "deskassist.taxonomy=team-taxonomy.json"));
        // and a write-back policy that is the sample's but AUTO for group
        Path policy = dir.resolve("writeback-policy.json");
        String text = Files.readString(policy);
        String changed = text.replaceFirst("\"group\"\\s*:\\s*\\{[^}]*\\}",
                "\"group\": {\"mode\": \"AUTO\", \"threshold\": 0.77}");
        assertFalse(changed.equals(text), "the sample policy has a group rule");
        Files.writeString(policy, changed);

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = execute(List.of("--config", dir.toString(), "--sample", "--sample-size", "300", "--min-support",
                "10", "--out", tmp.resolve("out").toString()), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), Map.of());
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err);
        assertTrue(err.contains("team-taxonomy.json"), err);
        JsonObject json = Json.createReader(new StringReader(Files.readString(tmp.resolve("out/backtest.json"))))
                .readObject();
        assertTrue(json.toString().contains("0.77"), "the current policy is the directory's: " + json);
    }

    @Test
    void aBrokenConfigDirectoryListsEveryProblemAndRunsNothing(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("acme");
        ConfigScaffold.init(dir);
        Files.delete(dir.resolve("priority-policy.json"));
        Path policy = dir.resolve("writeback-policy.json");
        Files.writeString(policy, Files.readString(policy).replaceFirst("\"mode\"\\s*:\\s*\"[A-Z]+\"",
                "\"mode\": \"SOMETIMES\""));
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = execute(List.of("--config", dir.toString(), "--sample", "--sample-size", "300", "--out",
                tmp.resolve("out").toString()), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), Map.of());
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, err);
        assertTrue(err.contains("priority-policy.json") && err.contains("writeback-policy.json"), err);
        assertFalse(Files.exists(tmp.resolve("out/backtest.json")));

        ByteArrayOutputStream usage = new ByteArrayOutputStream();
        assertEquals(2, execute(List.of("--config", tmp.resolve("none").toString(), "--sample"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(usage, true, StandardCharsets.UTF_8),
                Map.of()));
        assertTrue(usage.toString(StandardCharsets.UTF_8).contains("deskassist init"));
    }

    @Test
    void withoutTicketsOrSampleItIsAUsageError(@TempDir Path out) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = execute(List.of("--out", out.toString()), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--tickets"));
    }

    @Test
    void aCsvExportWithAMapping(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("ticket,opened,title,body,cat,team,prio,answer,csat\n");
        String[][] rows = {{"login", "Tech Support", "I cannot log in, the password reset link never arrives."},
                {"delivery", "Logistics", "My parcel has not arrived after two weeks, tracking shows nothing."},
                {"refund", "Billing", "I sent the jacket back three weeks ago and still have no refund."}};
        for (int i = 0; i < 90; i++) {
            String[] r = rows[i % 3];
            csv.append("C-").append(i).append(",2024-02-").append(String.format("%02d", 1 + i % 28))
                    .append(" 10:00:00,Help,\"").append(r[2]).append("\",").append(r[0]).append(',').append(r[1])
                    .append(",normal,,good\n");
        }
        Path file = dir.resolve("tickets.csv");
        Files.writeString(file, csv);
        Path mapping = dir.resolve("mapping.json");
        Files.writeString(mapping, """
                {"category": "field:cat", "group": "field:team", "priority": "field:prio", "escalation": null,
                 "columns": {"id": "ticket", "created": "opened", "subject": "title", "description": "body",
                             "reply": "answer", "tags": "none"}}
                """.replace("\"escalation\": null,", ""));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = execute(List.of("--tickets", file.toString(), "--mapping", mapping.toString(),
                        "--no-split", "--min-support", "5", "--out", dir.resolve("out").toString()),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true,
                        StandardCharsets.UTF_8));
        assertEquals(0, code, stderr.toString(StandardCharsets.UTF_8));
        String text = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Backtest: 90 tickets scored"), text);
        assertTrue(text.contains("ignored columns: csat"), text);
    }

    private static int execute(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        List<String> all = new java.util.ArrayList<>(List.of("backtest"));
        all.addAll(args);
        return Main.commandLine(List.of(new BacktestCommand(env)), new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(err, true)).execute(all.toArray(String[]::new));
    }

    private static int execute(List<String> args, PrintStream out, PrintStream err) {
        List<String> all = new java.util.ArrayList<>(List.of("backtest"));
        all.addAll(args);
        return Main.run(all.toArray(String[]::new), new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(err, true));
    }
}

package dev.deskassist.examples.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.examples.server.ChildJvm;
import dev.deskassist.examples.server.FreePort;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import dev.deskassist.zendesk.testkit.SignedWebhook;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code target/deskassist.jar}, run as users run it ({@code java -jar}), after the
 * shade plugin built it. Guards what only the packaged jar can get wrong: the manifest (without
 * {@code Multi-Release: true} Yasson's record support is never loaded and every record is written
 * as {@code {}}), merged service files, and licence files.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "deskassist.jar");
    private static final String SECRET = "packaged-jar-secret";
    private static final Duration STARTUP = Duration.ofSeconds(90);

    @Test
    void manifestIsMultiReleaseWithMainClass() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile(), true, ZipFile.OPEN_READ, JarFile.runtimeVersion())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("true", main.getValue("Multi-Release"));
            assertEquals("dev.deskassist.examples.Main", main.getValue(Attributes.Name.MAIN_CLASS));
            assertTrue(jar.isMultiRelease());
            assertTrue(jar.stream().anyMatch(e -> e.getName().startsWith("META-INF/versions/")
                    && e.getName().contains("org/eclipse/yasson/")), "Yasson's versioned classes are in the jar");
        }
    }

    @Test
    void servicesAreMergedLicencesKeptAndSignaturesDropped() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertTrue(text(jar, "META-INF/services/jakarta.json.bind.spi.JsonbProvider").contains("yasson"));
            assertTrue(text(jar, "META-INF/services/jakarta.json.spi.JsonProvider").contains("parsson"));
            assertTrue(text(jar, "META-INF/services/org.slf4j.spi.SLF4JServiceProvider").contains("Simple"));
            assertTrue(text(jar, "META-INF/services/org.apache.lucene.codecs.Codec").contains("Lucene"));
            // the licence texts of several dependencies share names; all of them are kept, appended
            assertTrue(text(jar, "META-INF/LICENSE.md").contains("Eclipse Public License"));
            assertTrue(text(jar, "META-INF/LICENSE.txt").contains("Apache License"));
            assertTrue(text(jar, "META-INF/NOTICE").length() > 100);
            List<String> signatures = jar.stream().map(JarEntry::getName)
                    .filter(n -> n.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")).toList();
            assertEquals(List.of(), signatures);
        }
    }

    /**
     * {@code serve} from the jar against a fake Zendesk on loopback: one webhook for a ticket that
     * exists (an audit record is written) and one for a ticket that does not (a dead letter is
     * written). Both are records serialised by Yasson; each line must be a real JSON object with
     * its fields, not {@code {}}.
     */
    @Test
    @Timeout(180)
    void serveWritesAuditRecordsAndDeadLettersWithTheirFields(@TempDir Path dir) throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Path deadLetters = dir.resolve("dead-letter");
        try (FakeZendesk zendesk = new FakeZendesk(FakeZendesk.Faults.NONE)) {
            zendesk.addTicket("101", "Rechnung doppelt", "Meine Rechnung wurde doppelt abgebucht, bitte erstatten.",
                    "Kundin", "kundin@example.de", "Org", List.of(), List.of());
            int port = FreePort.pick();
            Path config = properties(dir.resolve("deskassist.properties"),
                    "deskassist.bind", "127.0.0.1",
                    "deskassist.port", String.valueOf(port),
                    "deskassist.deadLetterDir", deadLetters.toString(),
                    "deskassist.auditFile", audit.toString(),
                    "deskassist.maxAttempts", "1",
                    "zendesk.baseUrl", zendesk.url(),
                    "zendesk.email", "deskassist-bot@example.com",
                    "zendesk.apiToken", "packaged-jar-token",
                    "zendesk.webhookSecret", SECRET,
                    "zendesk.integrationUserIds", "7000");

            try (ChildJvm serve = ChildJvm.jar(JAR).jvmArgs("-Xmx512m").args("serve", "--config", config.toString())
                    .workDir(dir).start()) {
                serve.awaitPort("127.0.0.1", port, STARTUP);
                URI endpoint = URI.create("http://127.0.0.1:" + port + "/webhooks/zendesk");
                HttpClient http = HttpClient.newHttpClient();
                Instant now = Instant.now();
                HttpResponse<String> applied = http.send(SignedWebhook.zendesk(endpoint, SECRET,
                        SignedWebhook.triggerBody("101", "created", "10101"), "inv-applied", now),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> missing = http.send(SignedWebhook.zendesk(endpoint, SECRET,
                        SignedWebhook.triggerBody("999", "created", "10999"), "inv-missing", now),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(applied.statusCode() / 100 == 2, applied.statusCode() + " " + applied.body());
                assertTrue(missing.statusCode() / 100 == 2, missing.statusCode() + " " + missing.body());

                JsonObject record = json(awaitFirstLine(audit, Duration.ofSeconds(60), serve));
                assertEquals("101", record.getString("ticketId"));
                assertFalse(record.getString("recordId").isBlank());
                assertNotNull(record.getString("at"));
                assertFalse(record.getJsonArray("decisions").isEmpty(), record.toString());

                JsonObject letter = json(awaitFirstLine(onlyFile(deadLetters, Duration.ofSeconds(60), serve),
                        Duration.ofSeconds(10), serve));
                assertEquals("zendesk", letter.getString("helpdesk"));
                assertEquals("999", letter.getString("ticketId"));
                assertEquals("inv-missing", letter.getString("deliveryId"));
                assertEquals(1, letter.getInt("attempts"));
                assertFalse(letter.getString("errorType").isBlank());
                assertTrue(letter.getString("body").contains("\"ticket_id\":\"999\""));

                serve.terminate(Duration.ofSeconds(30));
            }
        }
    }

    private static JsonObject json(String line) {
        assertNotEquals("{}", line.strip(), "a record serialised without its fields");
        return JsonCodec.jsonp().createReader(new StringReader(line)).readObject();
    }

    private static String text(JarFile jar, String name) throws IOException {
        JarEntry e = jar.getJarEntry(name);
        assertNotNull(e, name + " is missing from the jar");
        return new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Path properties(Path file, String... keyValues) throws IOException {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "PackagedJarIT");
        }
        return file;
    }

    /** The first complete line of a file another process appends to. */
    private static String awaitFirstLine(Path file, Duration timeout, ChildJvm writer) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                int newline = content.indexOf('\n');
                if (newline >= 0) {
                    return content.substring(0, newline);
                }
            }
            assertTrue(writer.isAlive(), "the jar exited; output:\n" + writer.output());
            Thread.sleep(100);
        }
        throw new AssertionError("no line in " + file + " within " + timeout + "; output:\n" + writer.output());
    }

    /** The single file that appears in a folder. */
    private static Path onlyFile(Path folder, Duration timeout, ChildJvm writer) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(folder)) {
                List<Path> files = new ArrayList<>();
                try (Stream<Path> s = Files.list(folder)) {
                    s.forEach(files::add);
                }
                if (files.size() == 1) {
                    return files.get(0);
                }
                assertTrue(files.isEmpty(), "expected one file in " + folder + ": " + Collections.unmodifiableList(files));
            }
            assertTrue(writer.isAlive(), "the jar exited; output:\n" + writer.output());
            Thread.sleep(100);
        }
        throw new AssertionError("no file in " + folder + " within " + timeout + "; output:\n" + writer.output());
    }
}

package dev.deskassist.examples.it;

import static dev.deskassist.examples.it.ServeHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.examples.server.ChildJvm;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private static final Path JAR = ServeHarness.JAR;

    /** {@code init} writes the sample setup from the jar's resources, and {@code check} finds it ready once the secrets are set. */
    @Test
    @Timeout(120)
    void initWritesADirectoryThatCheckFindsReady(@TempDir Path dir) throws Exception {
        try (ChildJvm init = ChildJvm.jar(JAR).jvmArgs("-Xmx256m").args("init", "acme").workDir(dir).start()) {
            assertEquals(0, init.awaitExit(Duration.ofSeconds(60)), init.output());
            assertTrue(init.output().contains("deskassist.properties") && init.output().contains("next:"),
                    init.output());
        }
        assertTrue(Files.isRegularFile(dir.resolve("acme/kb/en/invoice.md")), "the knowledge base is written");
        try (ChildJvm unset = ChildJvm.jar(JAR).jvmArgs("-Xmx256m").args("check", "acme").workDir(dir).start()) {
            assertEquals(1, unset.awaitExit(Duration.ofSeconds(60)), unset.output());
            assertTrue(unset.output().contains("ZENDESK_API_TOKEN is not set"), unset.output());
        }
        try (ChildJvm check = ChildJvm.jar(JAR).jvmArgs("-Xmx256m").args("check", "acme").workDir(dir)
                .env("ZENDESK_API_TOKEN", "packaged-jar-token").env("ZENDESK_WEBHOOK_SECRET",
                        "packaged-jar-webhook-secret").start()) {
            assertEquals(0, check.awaitExit(Duration.ofSeconds(60)), check.output());
            assertTrue(check.output().contains("ok: acme: 1 helpdesk (zendesk)"), check.output());
        }
    }

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
    void versionComesFromTheManifest(@TempDir Path dir) throws Exception {
        String version;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            version = jar.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        }
        assertTrue(version != null && !version.isBlank(), "Implementation-Version in the manifest");
        try (ChildJvm cli = ChildJvm.jar(JAR).jvmArgs("-Xmx128m").args("--version").workDir(dir).start()) {
            assertEquals(0, cli.awaitExit(Duration.ofSeconds(60)));
            assertTrue(cli.output().startsWith("deskassist " + version), cli.output());
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
            // DeskAssist's own licence and notice lead; the dependencies' follow
            String licence = text(jar, "META-INF/LICENSE");
            assertTrue(licence.strip().startsWith("Apache License"), licence.substring(0, 200));
            assertTrue(licence.contains("Version 2.0, January 2004"));
            String notice = text(jar, "META-INF/NOTICE");
            assertTrue(notice.strip().startsWith("DeskAssist"), notice.substring(0, Math.min(200, notice.length())));
            assertEquals(1, notice.split("Copyright 2026 the DeskAssist authors", -1).length - 1,
                    "DeskAssist's notice once, not once per module: " + notice.substring(0, Math.min(400, notice.length())));
            assertTrue(notice.length() > "DeskAssist".length() + 200, "the dependencies' notices are kept");
            List<String> signatures = jar.stream().map(JarEntry::getName)
                    .filter(n -> n.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")).toList();
            assertEquals(List.of(), signatures);
        }
    }

    /**
     * Every module's own jar (the reactor builds them before this one) carries its stable module
     * name and DeskAssist's LICENSE and NOTICE, as do the library modules' sources, javadoc and test
     * jars; the javadoc leaves out {@code internal} packages.
     */
    @Test
    void moduleJarsHaveModuleNamesLegalFilesAndSourcesAndJavadoc() throws IOException {
        Path examples = Path.of(System.getProperty("basedir", "."));
        Map<String, String> names = new LinkedHashMap<>();
        names.put("core/target/deskassist-core-", "dev.deskassist.core");
        names.put("zendesk-adapter/target/deskassist-zendesk-", "dev.deskassist.zendesk");
        names.put("freshdesk-adapter/target/deskassist-freshdesk-", "dev.deskassist.freshdesk");
        names.put("servicenow-adapter/target/deskassist-servicenow-", "dev.deskassist.servicenow");
        for (Map.Entry<String, String> module : names.entrySet()) {
            Path prefix = examples.resolveSibling(module.getKey());
            Path main = onlyJar(prefix, "");
            try (JarFile jar = new JarFile(main.toFile())) {
                assertEquals(module.getValue(), jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"),
                        main.toString());
                assertLegalFiles(jar);
            }
            try (JarFile sources = new JarFile(onlyJar(prefix, "-sources").toFile())) {
                assertTrue(sources.stream().anyMatch(e -> e.getName().endsWith(".java")), prefix + " sources");
                assertLegalFiles(sources);
            }
            try (JarFile javadoc = new JarFile(onlyJar(prefix, "-javadoc").toFile())) {
                assertNotNull(javadoc.getJarEntry("index.html"), prefix + " javadoc");
                assertLegalFiles(javadoc);
                assertFalse(javadoc.stream().anyMatch(e -> e.getName().contains("/internal/")),
                        "internal packages are not API: " + prefix);
            }
            try (JarFile tests = new JarFile(onlyJar(prefix, "-tests").toFile())) {
                assertLegalFiles(tests);
            }
        }
        try (JarFile jar = new JarFile(examples.resolve("target/deskassist-examples.jar").toFile());
                JarFile shaded = new JarFile(JAR.toFile())) {
            assertEquals("dev.deskassist.examples",
                    jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
            assertEquals("dev.deskassist.examples",
                    shaded.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
        }
    }

    private static void assertLegalFiles(JarFile jar) throws IOException {
        assertTrue(text(jar, "META-INF/LICENSE").contains("Apache License"), jar.getName());
        assertTrue(text(jar, "META-INF/NOTICE").startsWith("DeskAssist"), jar.getName());
    }

    /** The one jar named {@code <prefix><version><classifier>.jar}, e.g. {@code deskassist-core-0.1.0-SNAPSHOT.jar}. */
    private static Path onlyJar(Path prefix, String classifier) throws IOException {
        String start = prefix.getFileName().toString();
        try (Stream<Path> files = Files.list(prefix.getParent())) {
            List<Path> jars = files.filter(f -> {
                String n = f.getFileName().toString();
                if (!n.startsWith(start) || !n.endsWith(classifier + ".jar")) {
                    return false;
                }
                String version = n.substring(start.length(), n.length() - classifier.length() - ".jar".length());
                return version.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
            }).toList();
            assertEquals(1, jars.size(), start + "*" + classifier + ".jar: " + jars);
            return jars.get(0);
        }
    }

    /**
     * {@code serve} from the jar against a fake Zendesk on loopback. A webhook for a ticket that
     * exists is applied and audited: the record is serialised by Yasson and must be a real JSON
     * object with its fields (helpdesk and write-back outcome included), not {@code {}}. A webhook
     * for a ticket the helpdesk does not know becomes a dead letter in the store; a second process
     * lists it while {@code serve} runs (ids and reason, no body text); once the helpdesk knows the
     * ticket, {@code replay --id N} from another process sends it back, and the running
     * {@code serve} applies it exactly once.
     */
    @Test
    @Timeout(180)
    void serveAuditsAndAppliesAndADeadLetterIsListedAndReplayedFromASecondProcess(@TempDir Path dir)
            throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        try (FakeZendesk zendesk = new FakeZendesk(FakeZendesk.Faults.NONE)) {
            zendesk.addTicket("101", "Rechnung doppelt", "Meine Rechnung wurde doppelt abgebucht, bitte erstatten.",
                    "Kundin", "kundin@example.de", "Org", List.of(), List.of());
            ServeHarness h = new ServeHarness(dir, zendesk, "deskassist.auditFile", audit.toString());

            try (ChildJvm serve = h.startServe()) {
                Instant now = Instant.now();
                HttpResponse<String> applied = h.send(h.signed(ServeHarness.body("101", "created"), "inv-applied", now));
                HttpResponse<String> missing = h.send(h.signed(ServeHarness.body("999", "created"), "inv-missing", now));
                assertEquals(202, applied.statusCode(), applied.body());
                assertEquals(202, missing.statusCode(), missing.body());

                await(() -> records(audit, "101").size() == 1, Duration.ofSeconds(60), "the audit record", serve);
                JsonObject record = records(audit, "101").get(0);
                assertFalse(record.getString("recordId").isBlank());
                assertNotNull(record.getString("at"));
                assertFalse(record.getJsonArray("decisions").isEmpty(), record.toString());
                assertEquals("zendesk", record.getString("helpdesk"), record.toString());
                assertEquals("WRITTEN", record.getString("outcome"), record.toString());

                await(() -> deadLetters(h) == 1, Duration.ofSeconds(60), "the dead letter", serve);
                ServeHarness.Run list = h.run("dead-letters", "list", "--data-dir", h.dataDir.toString());
                assertEquals(0, list.code(), list.output());
                assertTrue(list.output().contains("999") && list.output().contains("NOT_FOUND"), list.output());
                for (String bodyText : List.of("ticket_id", "actor_id", "{\"")) {
                    assertFalse(list.output().contains(bodyText), "no body text in the listing: " + list.output());
                }
                ServeHarness.Run json = h.run("dead-letters", "list", "--json", "--config", h.config.toString());
                assertEquals(0, json.code(), json.output());
                JsonArray entries = JsonCodec.jsonp().createReader(new StringReader(json.output().lines()
                        .filter(l -> l.startsWith("[")).findFirst().orElseThrow())).readArray();
                assertEquals(1, entries.size(), entries.toString());
                JsonObject entry = entries.getJsonObject(0);
                assertEquals("999", entry.getString("ticketId"));
                assertEquals("zendesk", entry.getString("helpdesk"));
                assertEquals("NOT_FOUND", entry.getString("reasonKind"));
                assertFalse(entry.containsKey("body"), entry.toString());
                long id = entry.getJsonNumber("id").longValue();

                zendesk.addTicket("999", "Zugang gesperrt", "Mein Konto ist gesperrt, bitte entsperren.", "Kunde",
                        "kunde@example.de", "Org", List.of(), List.of());
                ServeHarness.Run replay = h.run("replay", "--id", String.valueOf(id), "--config", h.config.toString());
                assertEquals(0, replay.code(), replay.output());
                assertTrue(replay.output().contains("replayed 1 dead letter"), replay.output());

                await(() -> ServeHarness.notesByDeskAssist(zendesk, "999") == 1 && h.idle(), Duration.ofSeconds(60),
                        "the running serve applies the replayed event", serve);
                Thread.sleep(500);
                assertEquals(1, zendesk.appliedUpdates("999"), "applied exactly once");
                assertEquals(1, ServeHarness.notesByDeskAssist(zendesk, "999"));
                assertEquals(0, deadLetters(h));
                assertEquals(List.of("DEAD_LETTERED", "WRITTEN"), records(audit, "999").stream()
                        .map(r -> r.getString("outcome")).toList(), "the audit trail shows both runs");

                ServeHarness.Run again = h.run("replay", "--id", String.valueOf(id), "--data-dir", h.dataDir.toString());
                assertEquals(1, again.code(), again.output());
                assertTrue(again.output().contains("no dead letter with id " + id), again.output());
                assertEquals(0, ServeHarness.sigterm(serve, Duration.ofSeconds(30)), serve.output());
            }
        }
    }

    /** The decision records of one ticket, in the order written (outcome records are typed lines beside them). */
    private static List<JsonObject> records(Path audit, String ticketId) {
        try {
            return ServeHarness.lines(audit).stream().map(PackagedJarIT::json)
                    .filter(r -> !r.containsKey("type"))
                    .filter(r -> ticketId.equals(r.getString("ticketId", null))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long deadLetters(ServeHarness h) {
        try {
            return h.health().getJsonNumber("deadLetters").longValue();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
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
}

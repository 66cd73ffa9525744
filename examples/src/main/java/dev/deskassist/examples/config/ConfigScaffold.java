package dev.deskassist.examples.config;

import dev.deskassist.examples.SampleKnowledgeBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a new {@linkplain ConfigDirectory config directory} from the Nordwind Shop sample, with
 * comments: a commented {@code deskassist.properties}, a {@code "$comment"} at the top of each JSON
 * file, a short {@code README.txt}. Refuses to overwrite: the directory must not exist or be empty.
 * The result passes {@link ConfigDirectory#check} once the environment variables it names are set.
 */
public final class ConfigScaffold {

    private static final String SAMPLE = "/dev/deskassist/examples/sample/";
    private static final String TEMPLATE = "/dev/deskassist/examples/config/";

    /** JSON file → what its {@code $comment} says. */
    private static final Map<String, String> JSON_FILES = jsonFiles();

    private ConfigScaffold() {
    }

    /**
     * Writes the sample setup into {@code dir} (created when missing) and returns the files written,
     * relative to it.
     *
     * @throws FileAlreadyExistsException when {@code dir} is a file or a directory that is not empty
     * @throws IOException when a file cannot be written
     */
    public static List<Path> init(Path dir) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new FileAlreadyExistsException(dir.toString(), null, "is a file, not a directory");
            }
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(dir.toString(), null,
                            "is not empty; init writes only into a new or empty directory and never overwrites");
                }
            }
        }
        Files.createDirectories(dir);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ConfigDirectory.PROPERTIES, resource(TEMPLATE + "deskassist.properties"));
        files.put("README.txt", resource(TEMPLATE + "README.txt"));
        JSON_FILES.forEach((name, comment) -> files.put(name, withComment(resource(SAMPLE + name), comment)));
        files.put("training.jsonl", resource(SAMPLE + "training.jsonl"));
        SampleKnowledgeBase.bundledSources().forEach((name, content) -> files.put("kb/" + name, content));
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            // CREATE_NEW: never overwrite, even if something appeared meanwhile
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            written.add(Path.of(f.getKey()));
        }
        return List.copyOf(written);
    }

    /** The JSON text with a {@code "$comment"} member first in its top-level object. */
    static String withComment(String json, String comment) {
        int brace = json.indexOf('{');
        if (brace < 0) {
            throw new IllegalStateException("sample JSON without an object");
        }
        String escaped = comment.replace("\\", "\\\\").replace("\"", "\\\"");
        return json.substring(0, brace + 1) + "\n  \"$comment\": \"" + escaped + "\"," + json.substring(brace + 1);
    }

    private static Map<String, String> jsonFiles() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("taxonomy.json", "Your categories: id (what the classifier predicts and policies name), group "
                + "(where tickets go; map each in the helpdesk's groupIds), keyword/pattern rules. "
                + "Reference: docs/config/taxonomy.md");
        m.put("priority-policy.json", "Points per cue, sentiment, segment, channel, SLA and repeated contact; "
                + "the total decides the priority. Reference: docs/config/priority-policy.md");
        m.put("guardrail-policy.json", "What drafts may not say, and which category ids (from taxonomy.json) "
                + "always need an agent's approval. Reference: docs/config/guardrail-policy.md");
        m.put("writeback-policy.json", "Per output OFF, SUGGEST (internal note) or AUTO above a confidence; "
                + "public replies only for the category ids listed. Reference: docs/config/writeback-policy.md");
        m.put("sensitivity-policy.json", "Tickets of these category ids or with these keywords go only to "
                + "the private endpoint, or stay offline. Reference: docs/config/sensitivity-policy.md");
        return m;
    }

    private static String resource(String path) {
        try (InputStream in = ConfigScaffold.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " is missing from the examples jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + path, e);
        }
    }
}

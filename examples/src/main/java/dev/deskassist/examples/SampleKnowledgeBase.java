package dev.deskassist.examples;

import dev.deskassist.core.draft.kb.KnowledgeBase;
import dev.deskassist.core.draft.kb.KnowledgeBaseLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sample knowledge base of the fictional "Nordwind Shop" (German and English articles and
 * macros) that ships inside the examples jar, or a knowledge-base folder given by the user.
 */
public final class SampleKnowledgeBase {

    static final String ROOT = "/dev/deskassist/examples/sample/";

    private SampleKnowledgeBase() {
    }

    /** The knowledge base in {@code folder} if given, else the bundled sample. */
    public static KnowledgeBase load(Optional<String> folder, Clock clock) {
        return folder.map(f -> KnowledgeBaseLoader.withClock(clock).load(Path.of(f)))
                .orElseGet(() -> bundled(clock));
    }

    /** The bundled sample, read from the classpath through its {@code index.txt}. */
    public static KnowledgeBase bundled(Clock clock) {
        return KnowledgeBaseLoader.withClock(clock).load(bundledSources());
    }

    /** The bundled sample's files, name → content, in index order. */
    public static Map<String, String> bundledSources() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String line : resource(ROOT + "kb/index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                sources.put(name, resource(ROOT + "kb/" + name));
            }
        }
        return sources;
    }

    /** A text resource of the examples jar. */
    static String resource(String path) {
        try (InputStream in = SampleKnowledgeBase.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " is missing from the examples jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + path, e);
        }
    }
}

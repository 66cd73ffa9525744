package dev.deskassist.core.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.triage.classify.IntentTrainer;
import dev.deskassist.core.triage.classify.LinearIntentModel;
import dev.deskassist.core.triage.classify.ModelFormatException;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.internal.Probabilities;
import dev.deskassist.core.triage.language.NgramLanguageDetector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The class-mean classifier on synthetic embeddings, its mix with the logistic regression, and
 * format version 2 (which stores it) beside version 1 files (which do not have it).
 */
@Timeout(60)
class PrototypeClassifierTest {

    private static final int D = EncoderKind.BGE_SMALL_EN_V15_Q.dimension();

    @Test
    void nearestClassMeanByCosineWithTheGivenScale() {
        // three classes around orthogonal directions, two noisy examples each, of very different lengths
        SplittableRandom rnd = new SplittableRandom(7);
        float[][] x = new float[6][];
        int[] y = {0, 0, 1, 1, 2, 2};
        for (int i = 0; i < x.length; i++) {
            x[i] = around(y[i], 0.3, rnd);
            scale(x[i], i % 2 == 0 ? 1 : 25);
        }
        PrototypeClassifier p = PrototypeClassifier.train(x, y, 3, 20);
        for (int c = 0; c < 3; c++) {
            double[] z = p.logits(around(c, 0.3, rnd));
            assertEquals(c, Probabilities.argmax(z), Arrays.toString(z));
            assertTrue(z[c] <= 20 + 1e-6 && z[c] > 10, Arrays.toString(z));
        }
        float[] unit = new float[D];
        unit[0] = 3;
        double[] z = p.logits(unit);
        assertEquals(20 * p.centroids[0], z[0], 1e-5, "a cosine, whatever the length of the input");
        assertArrayEquals(new double[3], p.logits(new float[D]), 0, "a zero vector has no direction");
        assertEquals(2 * z[0], p.withScale(40).logits(unit)[0], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> p.logits(new float[D - 1]));
        assertThrows(IllegalArgumentException.class, () -> new PrototypeClassifier(D, 3, 0, new float[3 * D]));
    }

    @Test
    void mixedIntoTheRegressionByWeight() {
        double[][] lr = {{0.7, 0.2, 0.1}, {0.1, 0.1, 0.8}};
        double[][] cos = {{0.1, 0.9, 0.0}, {0.0, 0.2, 0.9}};
        assertArrayEquals(lr[0], EncoderIntentTrainer.mixPrototype(lr, cos, 0, 20)[0], 1e-12);
        double[] q = Probabilities.softmax(new double[] {2, 18, 0}, 1);
        assertArrayEquals(q, EncoderIntentTrainer.mixPrototype(lr, cos, 1, 20)[0], 1e-12);
        double[] half = EncoderIntentTrainer.mixPrototype(lr, cos, 0.5, 20)[0];
        assertEquals(1, Probabilities.argmax(half), "the sure class-mean classifier outvotes the unsure regression");
        assertEquals(1.0, Arrays.stream(half).sum(), 1e-12);

        SplittableRandom rnd = new SplittableRandom(3);
        float[][] x = {around(0, 0.2, rnd), around(1, 0.2, rnd), around(2, 0.2, rnd)};
        int[] y = {0, 1, 2};
        EmbeddingClassifier head = EmbeddingClassifier.train(x, y, 3, 1e-2, 5, 1);
        PrototypeClassifier p = PrototypeClassifier.train(x, y, 3, 30);
        float[] t = around(2, 0.2, rnd);
        double[] lrOnly = EncoderIntentModel.encoderProbabilities(head, null, 0.5, t);
        double[] mixed = EncoderIntentModel.encoderProbabilities(head, p, 0.5, t);
        double[] proto = Probabilities.softmax(p.logits(t), 1);
        for (int c = 0; c < 3; c++) {
            assertEquals(0.5 * lrOnly[c] + 0.5 * proto[c], mixed[c], 1e-12);
        }
    }

    @Test
    void formatTwoKeepsTheClassMeansAndFormatOneStillLoads() throws Exception {
        LinearIntentModel ngram = new IntentTrainer(TrainerConfig.defaults()).train(TinyIntents.data()).model();
        int k = ngram.labels().size();
        SplittableRandom rnd = new SplittableRandom(11);
        float[][] x = new float[k][];
        int[] y = new int[k];
        for (int c = 0; c < k; c++) {
            x[c] = around(c, 0.1, rnd);
            y[c] = c;
        }
        EmbeddingClassifier head = EmbeddingClassifier.train(x, y, k, 1e-2, 2, 1);
        PrototypeClassifier proto = PrototypeClassifier.train(x, y, k, 50);
        EncoderIntentModel withMeans = model(ngram, head, proto, 0.7);
        EncoderIntentModel back = EncoderIntentModel.load(new ByteArrayInputStream(bytes(withMeans)),
                EncoderIntentModel.Fallback.NGRAM);
        assertEquals(0.7, back.prototypeWeight());
        assertEquals(withMeans.version(), back.version());
        assertTrue(back.version().startsWith("encoder-v2:"), back.version());

        // a format-1 file is a format-2 payload without the class-mean section (weight, presence flag)
        EncoderIntentModel plain = model(ngram, head, null, 0);
        byte[] v2 = bytes(plain);
        ByteArrayOutputStream ng = new ByteArrayOutputStream();
        ngram.save(ng);
        int payloadLength = v2.length - 4 - 4 - 8 - 32;
        int section = 16 + payloadLength - 4 - ng.size() - 9;
        byte[] payload1 = new byte[payloadLength - 9];
        System.arraycopy(v2, 16, payload1, 0, section - 16);
        System.arraycopy(v2, section + 9, payload1, section - 16, payload1.length - (section - 16));
        ByteArrayOutputStream v1 = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(v1);
        d.write(new byte[] {'D', 'A', 'E', 'M'});
        d.writeInt(1);
        d.writeLong(payload1.length);
        d.write(payload1);
        d.write(MessageDigest.getInstance("SHA-256").digest(payload1));
        EncoderIntentModel old = EncoderIntentModel.load(new ByteArrayInputStream(v1.toByteArray()),
                EncoderIntentModel.Fallback.NGRAM);
        assertEquals(0, old.prototypeWeight());
        assertTrue(old.version().startsWith("encoder-v1:"), old.version());
        assertEquals(plain.labels(), old.labels());
        assertEquals(plain.encoderWeight(), old.encoderWeight());

        for (int unknown : new int[] {0, EncoderIntentModel.FORMAT_VERSION + 1}) {
            byte[] other = v2.clone();
            ByteBuffer.wrap(other).putInt(4, unknown);
            ModelFormatException e = assertThrows(ModelFormatException.class,
                    () -> EncoderIntentModel.load(new ByteArrayInputStream(other), EncoderIntentModel.Fallback.NGRAM));
            assertTrue(e.getMessage().contains("version " + unknown), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> model(ngram, head, proto, 1.5));
    }

    private static EncoderIntentModel model(LinearIntentModel ngram, EmbeddingClassifier head, PrototypeClassifier proto,
            double weight) {
        return new EncoderIntentModel(ngram, EncoderKind.BGE_SMALL_EN_V15_Q, "1.11.0-beta19",
                new float[EncoderIntentModel.FINGERPRINT_VALUES], head, proto, weight, 1.0, false, 1.0, 0.5, 1.0, Set.of("en"),
                null, "n/a", new NgramLanguageDetector(), null);
    }

    private static byte[] bytes(EncoderIntentModel m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.save(out);
        return out.toByteArray();
    }

    private static float[] around(int axis, double noise, SplittableRandom rnd) {
        float[] v = new float[D];
        for (int j = 0; j < D; j++) {
            v[j] = (float) (noise * (rnd.nextDouble() - 0.5) / Math.sqrt(D));
        }
        v[axis] += 1;
        return v;
    }

    private static void scale(float[] v, double f) {
        for (int j = 0; j < v.length; j++) {
            v[j] *= (float) f;
        }
    }
}

package dev.deskassist.core.triage.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.triage.IntentModel.ScoredLabel;
import dev.deskassist.core.triage.classify.internal.Probabilities;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Noisy labels and tickets in a language the training data lacks: such a ticket shares a product
 * name and a few character n-grams with the training data, and those must not decide its queue;
 * it gets the training label frequencies, so the most frequent queue.
 */
class UnseenLanguageTest {

    private static final String[] TECHNICAL = {"error", "crash", "server", "timeout", "database", "bug", "update",
        "install", "network", "restart"};
    private static final String[] BILLING = {"invoice", "charge", "refund", "payment", "card", "price", "fee",
        "receipt"};
    private static final String[] SALES = {"quote", "license", "demo", "discount", "offer", "upgrade", "trial",
        "seats"};
    private static final String[] SHARED = {"please", "help", "my", "the", "is", "not", "with", "we", "our", "since",
        "today", "hello", "thanks", "team"};
    private static final String[] SPANISH = {"hola", "necesito", "ayuda", "urgente", "desde", "ayer", "funciona",
        "cuenta", "gracias", "equipo", "nuestro", "saludos", "problema", "tenemos", "cuando", "todavía"};

    private static TrainingData noisy;
    private static LinearIntentModel model;

    /**
     * 300 English tickets, half of them technical; the product name appears in sales tickets only,
     * and 30 % of all labels are replaced by a random one (as with labels an LLM or a hurried agent
     * assigned).
     */
    @BeforeAll
    static void train() {
        Random random = new Random(11);
        String[] queues = {"technical", "billing", "sales"};
        String[][] words = {TECHNICAL, BILLING, SALES};
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double u = random.nextDouble();
            int q = u < 0.5 ? 0 : u < 0.8 ? 1 : 2;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 3; w++) {
                text.append(pick(words[q], random)).append(' ');
            }
            for (int w = 0; w < 4; w++) {
                text.append(pick(SHARED, random)).append(' ');
            }
            if (q == 2 && random.nextBoolean()) {
                text.append("MacBook ");
            }
            String label = random.nextDouble() < 0.3 ? queues[random.nextInt(3)] : queues[q];
            examples.add(new Example(text.toString().trim(), label));
        }
        noisy = TrainingData.of("noisy", examples);
        model = new IntentTrainer(TrainerConfig.defaults()).train(noisy).model();
    }

    private static String pick(String[] words, Random random) {
        return words[random.nextInt(words.length)];
    }

    private static double share(String label) {
        return noisy.examples().stream().filter(e -> e.label().equals(label)).count() / (double) noisy.size();
    }

    @Test
    void ticketsInAnUnseenLanguageGetTheMostFrequentQueueAtItsTrainingShare() {
        Random random = new Random(5);
        double technical = share("technical");
        for (int i = 0; i < 20; i++) {
            StringBuilder text = new StringBuilder("MacBook 2024 ");
            for (int w = 0; w < 10; w++) {
                text.append(pick(SPANISH, random)).append(' ');
            }
            ScoredLabel best = model.best(text.toString());
            assertEquals("technical", best.label(), text.toString());
            assertEquals(technical, best.probability(), 0.1, text.toString());
        }
    }

    @Test
    void emptyTextGetsExactlyThePrior() {
        double[] p = model.probabilities("");
        List<String> labels = new ArrayList<>(model.labels());
        for (int c = 0; c < p.length; c++) {
            double smoothed = (share(labels.get(c)) * noisy.size() + 1) / (noisy.size() + labels.size());
            assertEquals(smoothed, p[c], 1e-6, labels.get(c));
        }
    }

    @Test
    void ticketsInTheTrainingLanguageStillFollowTheirWords() {
        assertEquals("billing", model.best("please refund the invoice charge on my card").label());
        assertEquals("sales", model.best("we want a quote for license seats and a demo").label());
        assertTrue(model.best("please refund the invoice charge on my card").probability() > share("billing"));
    }

    @Test
    void theFallbackSurvivesSaveAndLoad() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        LinearIntentModel loaded = LinearIntentModel.load(new ByteArrayInputStream(out.toByteArray()));
        String spanish = "MacBook hola necesito ayuda urgente desde ayer no funciona";
        assertEquals(model.best(spanish), loaded.best(spanish));
        assertEquals(model.version(), loaded.version());
    }

    @Test
    void aVersionOneFileStillLoadsAndKeepsItsOldAnswers() throws Exception {
        LinearIntentModel old = LinearIntentModel.load(new ByteArrayInputStream(asVersionOne(model)));
        assertTrue(old.version().startsWith("logreg-v1:"), old.version());
        assertEquals(0, old.coverageReference());
        String spanish = "MacBook hola necesito ayuda urgente desde ayer no funciona";
        // without the fallback: the plain calibrated scores
        double[] plain = Probabilities.softmax(model.logits(spanish), model.temperature());
        assertArrayEquals(plain, old.probabilities(spanish), 1e-9);
        assertTrue(model.coverageReference() > 0);
    }

    /** The file {@code m} would have been in format version 1: no coverage reference, no prior. */
    private static byte[] asVersionOne(LinearIntentModel m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.save(out);
        ByteBuffer file = ByteBuffer.wrap(out.toByteArray());
        byte[] payload = new byte[(int) file.getLong(8)];
        file.position(16);
        file.get(payload);
        ByteBuffer b = ByteBuffer.wrap(payload);
        b.position(2 + (b.getShort(0) & 0xffff) + 26); // kind, then the feature settings
        int k = b.getInt();
        for (int c = 0; c < k; c++) {
            int length = b.getInt();
            b.position(b.position() + length);
        }
        int cut = b.position() + 4 + 8; // after temperature and abstain threshold
        ByteArrayOutputStream v1 = new ByteArrayOutputStream();
        v1.write(payload, 0, cut);
        v1.write(payload, cut + 4 + 4 * k, payload.length - cut - 4 - 4 * k);
        byte[] p1 = v1.toByteArray();
        ByteArrayOutputStream res = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(res);
        d.write("DAIM".getBytes(StandardCharsets.US_ASCII));
        d.writeInt(1);
        d.writeLong(p1.length);
        d.write(p1);
        d.write(MessageDigest.getInstance("SHA-256").digest(p1));
        return res.toByteArray();
    }
}

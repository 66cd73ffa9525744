package dev.deskassist.core.triage.classify;

import dev.deskassist.core.triage.CalibratedIntentModel;
import dev.deskassist.core.triage.IntentModel;
import dev.deskassist.core.triage.classify.internal.ModelEnvelope;
import dev.deskassist.core.triage.classify.internal.Probabilities;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A trained linear classifier (logistic regression blended with naive Bayes) over hashed word and
 * character n-gram features, with temperature-scaled (calibrated) probabilities. Immutable and thread-safe; predicting a short
 * text takes a few microseconds. Create one with {@link IntentTrainer}, or {@link #load(Path)} a
 * saved one.
 *
 * <p>File format (big-endian): the magic bytes {@code DAIM}, an int format version, a long payload
 * length, the payload, and the SHA-256 of the payload. A file that is not a model, of another
 * version, truncated or corrupt is rejected with a {@link ModelFormatException}.
 */
public final class LinearIntentModel implements CalibratedIntentModel {

    /** The format version this class writes and reads. */
    public static final int FORMAT_VERSION = 2;

    /** The oldest format version this class still reads (version 1 has no fallback to the prior). */
    static final int OLDEST_READABLE_VERSION = 1;

    private static final byte[] MAGIC = {'D', 'A', 'I', 'M'};
    private static final String KIND = "logreg";
    private static final long MAX_PAYLOAD = 1L << 30;
    /** The ranking packs a label index into 16 bits. */
    static final int MAX_LABELS = 0xFFFF;

    private final FeatureConfig features;
    private final Featurizer featurizer;
    private final Vocabulary vocabulary;
    private final String[] labels;
    private final Set<String> labelSet;
    /** Row-major: the weights of feature row r are {@code weights[r * k .. r * k + k)}. */
    private final float[] weights;
    private final float[] bias;
    private final float temperature;
    private final double abstainThreshold;
    /** Label frequencies of the training data, the answer for a text the model knows nothing of. */
    private final float[] prior;
    /** Word coverage below which answers lean to the prior; 0: never (a version 1 file). */
    private final float coverageReference;
    private final String version;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    LinearIntentModel(FeatureConfig features, Vocabulary vocabulary, String[] labels, float[] weights,
            float[] bias, float temperature, double abstainThreshold, float[] prior, float coverageReference) {
        this(features, vocabulary, labels, weights, bias, temperature, abstainThreshold, prior, coverageReference,
                null);
    }

    private LinearIntentModel(FeatureConfig features, Vocabulary vocabulary, String[] labels, float[] weights,
            float[] bias, float temperature, double abstainThreshold, float[] prior, float coverageReference,
            String version) {
        this.features = features;
        this.featurizer = new Featurizer(features);
        this.vocabulary = vocabulary;
        this.labels = labels;
        this.labelSet = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(labels)));
        this.weights = weights;
        this.bias = bias;
        this.temperature = temperature;
        this.abstainThreshold = abstainThreshold;
        this.prior = prior;
        this.coverageReference = coverageReference;
        this.version = version != null ? version
                : ModelEnvelope.versionId(KIND, FORMAT_VERSION, ModelEnvelope.sha256(payload()));
    }

    private static final class Scratch {
        final Featurizer.Scratch text = new Featurizer.Scratch();
        final Vocabulary.VecScratch vec = new Vocabulary.VecScratch();
    }

    @Override
    public List<ScoredLabel> predict(String text) {
        double[] p = probabilities(text);
        int k = p.length;
        // Sort primitive keys (probability bits, low bits replaced by the label index), then fix
        // the order exactly with one insertion pass, which is linear on a nearly sorted array.
        long[] keys = new long[k];
        for (int c = 0; c < k; c++) {
            keys[c] = (Double.doubleToLongBits(p[c]) & ~0xFFFFL) | (0xFFFF - c);
        }
        Arrays.sort(keys);
        int[] order = new int[k];
        for (int i = 0; i < k; i++) {
            order[i] = 0xFFFF - (int) (keys[k - 1 - i] & 0xFFFF);
        }
        for (int i = 1; i < k; i++) {
            int cur = order[i];
            int j = i - 1;
            while (j >= 0 && (p[order[j]] < p[cur] || (p[order[j]] == p[cur] && order[j] > cur))) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = cur;
        }
        ScoredLabel[] out = new ScoredLabel[k];
        for (int i = 0; i < k; i++) {
            out[i] = new ScoredLabel(labels[order[i]], p[order[i]]);
        }
        return List.of(out);
    }

    /** The most probable label only; cheaper than {@link #predict} when the ranking is not needed. */
    public ScoredLabel best(String text) {
        double[] p = probabilities(text);
        int top = Probabilities.argmax(p);
        return new ScoredLabel(labels[top], p[top]);
    }

    /**
     * Calibrated probabilities in the order of {@link #labels()}. A text that knows fewer of its
     * words than nearly all texts the model was validated on (another language, only emoji, empty)
     * leans to the training label frequencies, in proportion to the share of its words it lacks: the
     * answer is then the most frequent label, with a spread-out probability below any sensible
     * abstain threshold.
     */
    public double[] probabilities(String text) {
        double[] z = logits(text == null ? "" : text);
        return towardPrior(Probabilities.softmax(z, temperature), prior, scratch.get().vec.wordCoverage, coverageReference);
    }

    /**
     * Mixes {@code p} with the prior by {@code coverage / reference} when the coverage is below the
     * reference. A linear model's scores on a text it mostly cannot read come from the few shared
     * features (names, numbers, n-grams common to many languages), whose weights were fitted on
     * other texts; they are no evidence, and with noisy labels they were worse than the prior.
     */
    static double[] towardPrior(double[] p, float[] prior, double coverage, double reference) {
        if (!(coverage < reference)) {
            return p;
        }
        double keep = coverage / reference;
        double total = 0;
        for (float v : prior) {
            total += v;
        }
        // float frequencies do not sum to exactly 1
        double scale = (1 - keep) / total;
        for (int c = 0; c < p.length; c++) {
            p[c] = keep * p[c] + scale * prior[c];
        }
        return p;
    }

    double[] logits(String text) {
        Scratch s = scratch.get();
        featurizer.extract(text, s.text);
        int n = vocabulary.vectorize(s.text.out, s.vec);
        return scores(s.vec.idx, s.vec.val, n, weights, bias, labels.length);
    }

    static double[] scores(int[] idx, float[] val, int n, float[] w, float[] b, int k) {
        float[] z = new float[k];
        System.arraycopy(b, 0, z, 0, k);
        for (int i = 0; i < n; i++) {
            int base = idx[i] * k;
            float v = val[i];
            for (int c = 0; c < k; c++) {
                z[c] += v * w[base + c];
            }
        }
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            out[c] = z[c];
        }
        return out;
    }

    @Override
    public Set<String> labels() {
        return labelSet;
    }

    /** {@code logreg-v} and the format version, a colon, and the first 16 hex digits of the SHA-256 of the model content. */
    @Override
    public String version() {
        return version;
    }

    /**
     * The abstain threshold picked on held-out training data for the trainer's target precision:
     * below it the answer should be "needs human triage".
     */
    @Override
    public double abstainThreshold() {
        return abstainThreshold;
    }

    /**
     * The share of a text's words (and word pairs) the model must know for its answer to stand on
     * its own: the 5th percentile of that share among held-out training texts. Below it the
     * probabilities lean to the training label frequencies; 0 for a model without that rule.
     */
    public double coverageReference() {
        return coverageReference;
    }

    /** The softmax temperature fitted on held-out training data. */
    public double temperature() {
        return temperature;
    }

    /** The feature settings the model was trained with. */
    public FeatureConfig featureConfig() {
        return features;
    }

    /** Number of features with a weight row. */
    public int featureCount() {
        return vocabulary.size();
    }

    @Override
    public String toString() {
        return "LinearIntentModel[" + version + ", labels=" + labels.length + ", features=" + vocabulary.size() + "]";
    }

    // ---- persistence ----

    /** Writes the model to a file, replacing it. */
    public void save(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            save(out);
        }
    }

    /** Writes the model to a stream; the stream is flushed, not closed. */
    public void save(OutputStream out) throws IOException {
        ModelEnvelope.write(out, MAGIC, FORMAT_VERSION, payload());
    }

    /** Reads a model written by {@link #save(Path)}. */
    public static LinearIntentModel load(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return load(in);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException("model file not found: " + file, e);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a model written by {@link #save(OutputStream)}; the stream is not closed. */
    public static LinearIntentModel load(InputStream in) throws IOException {
        ModelEnvelope.Contents c = ModelEnvelope.read(in, MAGIC, "intent model", OLDEST_READABLE_VERSION,
                FORMAT_VERSION, MAX_PAYLOAD);
        int version = c.version();
        byte[] payload = c.payload();
        byte[] actual = c.sha256();
        try {
            return parse(ByteBuffer.wrap(payload), version, ModelEnvelope.versionId(KIND, version, actual));
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ModelFormatException("corrupt model file: inconsistent content (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private byte[] payload() {
        int k = labels.length;
        int rows = vocabulary.size();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + rows * 8 + k * 4 + weights.length * 4);
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            d.writeUTF(KIND);
            FeatureConfig f = features;
            d.writeBoolean(f.wordUnigrams());
            d.writeBoolean(f.wordBigrams());
            d.writeInt(f.charMinN());
            d.writeInt(f.charMaxN());
            d.writeBoolean(f.normalizeDigits());
            d.writeBoolean(f.stemSuffixes());
            d.writeBoolean(f.sublinearTf());
            d.writeBoolean(f.idf());
            d.writeFloat(f.charWeight());
            d.writeInt(f.maxTokens());
            d.writeInt(f.minCount());
            d.writeInt(k);
            for (String label : labels) {
                byte[] b = label.getBytes(StandardCharsets.UTF_8);
                d.writeInt(b.length);
                d.write(b);
            }
            d.writeFloat(temperature);
            d.writeDouble(abstainThreshold);
            d.writeFloat(coverageReference);
            for (float v : prior) {
                d.writeFloat(v);
            }
            d.writeInt(rows);
            ByteBuffer buf = ByteBuffer.allocate(rows * 8 + k * 4 + weights.length * 4);
            buf.asIntBuffer().put(vocabulary.rowHashes);
            buf.position(rows * 4);
            buf.asFloatBuffer().put(vocabulary.rowScale);
            buf.position(rows * 8);
            buf.asFloatBuffer().put(bias);
            buf.position(rows * 8 + k * 4);
            buf.asFloatBuffer().put(weights);
            d.write(buf.array());
        } catch (IOException e) {
            throw new IllegalStateException("in-memory write failed", e);
        }
        return bytes.toByteArray();
    }

    private static LinearIntentModel parse(ByteBuffer b, int formatVersion, String version) throws ModelFormatException {
        String kind = readString(b, b.getShort() & 0xffff);
        if (!KIND.equals(kind)) {
            throw new ModelFormatException("unsupported model kind '" + kind + "'; this library reads '" + KIND + "'");
        }
        FeatureConfig f = new FeatureConfig(b.get() != 0, b.get() != 0, b.getInt(), b.getInt(), b.get() != 0,
                b.get() != 0, b.get() != 0, b.get() != 0, b.getFloat(), b.getInt(), b.getInt());
        int k = b.getInt();
        if (k < 2 || k > MAX_LABELS) {
            throw new ModelFormatException("corrupt model file: " + k + " labels");
        }
        String[] labels = new String[k];
        for (int i = 0; i < k; i++) {
            labels[i] = readString(b, b.getInt());
        }
        float temperature = b.getFloat();
        double threshold = b.getDouble();
        float coverageReference = 0;
        float[] prior = new float[k];
        if (formatVersion >= 2) {
            coverageReference = b.getFloat();
            for (int c = 0; c < k; c++) {
                prior[c] = b.getFloat();
                if (!(prior[c] >= 0 && prior[c] <= 1)) {
                    throw new ModelFormatException("corrupt model file: prior " + prior[c]);
                }
            }
            if (!(coverageReference >= 0 && coverageReference <= 1)) {
                throw new ModelFormatException("corrupt model file: coverage reference " + coverageReference);
            }
        }
        int rows = b.getInt();
        if (rows < 0 || (long) rows * (8 + 4L * k) + 4L * k != b.remaining()) {
            throw new ModelFormatException("corrupt model file: " + rows + " feature rows do not fit the content");
        }
        if (!(temperature > 0) || Float.isInfinite(temperature)) {
            throw new ModelFormatException("corrupt model file: temperature " + temperature);
        }
        int[] hashes = new int[rows];
        float[] scale = new float[rows];
        float[] bias = new float[k];
        float[] weights = new float[rows * k];
        b.asIntBuffer().get(hashes);
        b.position(b.position() + rows * 4);
        b.asFloatBuffer().get(scale);
        b.position(b.position() + rows * 4);
        b.asFloatBuffer().get(bias);
        b.position(b.position() + k * 4);
        b.asFloatBuffer().get(weights);
        return new LinearIntentModel(f, new Vocabulary(hashes, scale, f.sublinearTf(), f.charWeight()), labels, weights, bias,
                temperature, threshold, prior, coverageReference, version);
    }

    private static String readString(ByteBuffer b, int length) throws ModelFormatException {
        if (length < 0 || length > b.remaining()) {
            throw new ModelFormatException("corrupt model file: string length " + length);
        }
        byte[] s = new byte[length];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }
}

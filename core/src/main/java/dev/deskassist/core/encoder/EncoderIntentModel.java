package dev.deskassist.core.encoder;

import dev.deskassist.core.triage.classify.internal.ModelEnvelope;
import dev.deskassist.core.triage.classify.internal.Probabilities;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.CalibratedIntentModel;
import dev.deskassist.core.triage.IntentModel;
import dev.deskassist.core.triage.LanguageDetector;
import dev.deskassist.core.triage.classify.LinearIntentModel;
import dev.deskassist.core.triage.classify.ModelFormatException;
import dev.deskassist.core.triage.language.NgramLanguageDetector;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encoder tier: logistic regression on a sentence encoder's embeddings, blended with the
 * n-gram {@link LinearIntentModel} ({@code w·p_encoder + (1 - w)·p_ngram}, then temperature-scaled;
 * {@code w}, the regularisation and the temperature chosen by cross-validation on the training
 * file), with an abstain threshold picked on the same held-out predictions. Create one with
 * {@link EncoderIntentTrainer}, or {@link #load} a saved one. Immutable and thread-safe.
 *
 * <p><b>Which path a text takes</b> is named in {@link #rank}'s notes, and so in the category's
 * reasons: the blend; the n-gram model alone when the text has no letters, when it is in a
 * language outside {@link #encoderLanguages()} (both encoders are English-only; by default only
 * English and undetermined texts go to the encoder), when the cascade is on and the n-gram model
 * is sure enough ({@link #withCascade}), or when the encoder is not usable here (artifact missing
 * or a different encoder; see {@link #load(Path, Fallback)}). A long text is cut to the encoder's
 * window of 510 word pieces; the n-gram model reads its own (longer) part.
 *
 * <p>File format (big-endian): {@code DAEM}, an int format version, a long payload length, the
 * payload (encoder id and artifact version, a fingerprint of the encoder's output, blend weight,
 * temperature, thresholds, encoder languages, the classifier, since version 2 the class-mean
 * classifier's weight and centroids, then the whole n-gram model file), and the SHA-256 of the
 * payload. Version 1 files still load (without a class-mean classifier).
 */
public final class EncoderIntentModel implements CalibratedIntentModel {

    /** The format version this class writes and reads. */
    public static final int FORMAT_VERSION = 2;
    /** The oldest format version {@link #load} still reads (version 1 has no class-mean classifier). */
    public static final int OLDEST_READABLE_VERSION = 1;

    /** A fixed text whose embedding identifies the encoder a model was trained with. */
    static final String PROBE = "I was charged twice for my card payment, please refund one of them.";
    static final int FINGERPRINT_VALUES = 16;
    /** Largest difference per fingerprint value still taken as the same encoder (runtimes differ in rounding). */
    static final double FINGERPRINT_TOLERANCE = 0.02;

    private static final byte[] MAGIC = {'D', 'A', 'E', 'M'};
    /** The prefix of {@link #version()}. */
    private static final String KIND = "encoder";
    private static final long MAX_PAYLOAD = 1L << 30;
    private static final Logger LOG = LoggerFactory.getLogger(EncoderIntentModel.class);
    private static final LanguageDetector DEFAULT_DETECTOR = new NgramLanguageDetector();

    /** What {@link #load(Path, Fallback)} does when the encoder cannot run here. */
    public enum Fallback {
        /** Use the n-gram model inside the file alone, and say so in every text's notes. */
        NGRAM,
        /** Throw {@link EncoderException}. */
        FAIL
    }

    /** The way a text was scored. */
    public enum Tier {
        /** Encoder and n-gram model blended. */
        BLEND,
        /** The n-gram model alone (see the note for why). */
        NGRAM
    }

    private final LinearIntentModel ngram;
    private final EncoderKind kind;
    private final String artifactVersion;
    private final float[] fingerprint;
    private final EmbeddingClassifier head;
    private final PrototypeClassifier prototype;
    private final double prototypeWeight;
    private final double encoderWeight;
    private final boolean logLinear;
    private final double temperature;
    private final double abstainThreshold;
    private final double cascadeBelow;
    private final Set<String> encoderLanguages;
    private final SentenceEncoder encoder;
    private final String unavailable;
    private final LanguageDetector detector;
    private final String version;
    private final String[] labels;

    EncoderIntentModel(LinearIntentModel ngram, EncoderKind kind, String artifactVersion, float[] fingerprint,
            EmbeddingClassifier head, PrototypeClassifier prototype, double prototypeWeight, double encoderWeight,
            boolean logLinear, double temperature, double abstainThreshold, double cascadeBelow, Set<String> encoderLanguages,
            SentenceEncoder encoder, String unavailable, LanguageDetector detector, String version) {
        this.ngram = ngram;
        this.kind = kind;
        this.artifactVersion = artifactVersion;
        this.fingerprint = fingerprint;
        this.head = head;
        this.prototype = prototypeWeight > 0 ? java.util.Objects.requireNonNull(prototype, "prototype") : null;
        this.prototypeWeight = this.prototype == null ? 0 : prototypeWeight;
        this.encoderWeight = encoderWeight;
        this.logLinear = logLinear;
        this.temperature = temperature;
        this.abstainThreshold = abstainThreshold;
        this.cascadeBelow = cascadeBelow;
        this.encoderLanguages = Set.copyOf(encoderLanguages);
        this.encoder = encoder;
        this.unavailable = unavailable;
        this.detector = detector;
        this.labels = ngram.labels().toArray(new String[0]);
        if (head.classes != labels.length) {
            throw new IllegalArgumentException("classifier has " + head.classes + " classes, the n-gram model " + labels.length);
        }
        if (!(this.prototypeWeight >= 0 && this.prototypeWeight <= 1)
                || this.prototype != null && (this.prototype.classes != head.classes || this.prototype.dimension != head.dimension)) {
            throw new IllegalArgumentException("class-mean classifier does not fit: weight " + prototypeWeight);
        }
        this.version = version != null ? version
                : ModelEnvelope.versionId(KIND, FORMAT_VERSION, ModelEnvelope.sha256(payload()));
    }

    /** A scored text: probabilities in the order of {@link #labels()}, the path and its notes. */
    public record Scored(double[] probabilities, Tier tier, List<String> notes) {
    }

    @Override
    public List<ScoredLabel> predict(String text) {
        return rank(text).labels();
    }

    @Override
    public Ranking rank(String text) {
        Scored s = score(text);
        Integer[] order = new Integer[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] p = s.probabilities();
        Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        List<ScoredLabel> out = new ArrayList<>(labels.length);
        for (int i : order) {
            out.add(new ScoredLabel(labels[i], p[i]));
        }
        return new Ranking(out, s.notes());
    }

    /** Scores a text, telling which path it took. */
    public Scored score(String text) {
        String t = text == null ? "" : text;
        double[] pn = ngram.probabilities(t);
        if (encoder == null) {
            return new Scored(pn, Tier.NGRAM, List.of("n-gram tier only: " + unavailable));
        }
        if (!hasLetter(t)) {
            return new Scored(pn, Tier.NGRAM, List.of("n-gram tier only: no words for the encoder"));
        }
        if (cascadeBelow < 1.0) {
            double top = 0;
            for (double v : pn) {
                top = Math.max(top, v);
            }
            if (top >= cascadeBelow) {
                return new Scored(pn, Tier.NGRAM, List.of("n-gram tier only: confident (" + fmt(top) + " >= cascade "
                        + fmt(cascadeBelow) + ")"));
            }
        }
        if (!encoderLanguages.contains("*")) {
            Decision<String> lang = detector.detect(t);
            if (lang.hasValue() && !encoderLanguages.contains(lang.value())) {
                return new Scored(pn, Tier.NGRAM, List.of("n-gram tier only: language " + lang.value() + " (encoder "
                        + kind.id() + " is used for " + String.join(", ", new TreeSet<>(encoderLanguages)) + ")"));
            }
        }
        double[] pe = encoderProbabilities(head, prototype, prototypeWeight, encoder.encode(t));
        return new Scored(blend(pe, pn, encoderWeight, logLinear, temperature), Tier.BLEND,
                List.of("encoder tier: " + kind.id() + " " + fmt(encoderWeight) + " + n-gram " + fmt(1 - encoderWeight)
                        + (logLinear ? " (log-linear)" : "")));
    }

    /**
     * The encoder side: the logistic regression's probabilities, mixed with the class-mean
     * classifier's as {@code (1 - v)·p_lr + v·p_mean} when there is one.
     */
    static double[] encoderProbabilities(EmbeddingClassifier head, PrototypeClassifier prototype, double v, float[] x) {
        double[] p = Probabilities.softmax(head.logits(x), 1);
        if (prototype == null || v <= 0) {
            return p;
        }
        double[] q = Probabilities.softmax(prototype.logits(x), 1);
        for (int c = 0; c < p.length; c++) {
            p[c] = (1 - v) * p[c] + v * q[c];
        }
        return p;
    }

    /**
     * Linear: {@code log(w·pe + (1 - w)·pn) / T}; log-linear: {@code (w·log pe + (1 - w)·log pn) / T};
     * then softmax. The trainer picks the form by cross-validation.
     */
    static double[] blend(double[] pe, double[] pn, double w, boolean logLinear, double temperature) {
        double[] z = new double[pe.length];
        for (int c = 0; c < z.length; c++) {
            z[c] = logLinear
                    ? (w * Math.log(Math.max(1e-12, pe[c])) + (1 - w) * Math.log(Math.max(1e-12, pn[c]))) / temperature
                    : Math.log(Math.max(1e-12, w * pe[c] + (1 - w) * pn[c])) / temperature;
        }
        return Probabilities.softmax(z, 1);
    }

    private static boolean hasLetter(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isLetter(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<String> labels() {
        return ngram.labels();
    }

    /**
     * {@code encoder-v} and the file format version, a colon, and the first 16 hex digits of the
     * SHA-256 of the model content.
     */
    @Override
    public String version() {
        return version;
    }

    /**
     * The abstain threshold picked on cross-validated blended predictions for the trainer's target
     * precision; when the encoder is unusable here, the n-gram model's own threshold.
     */
    @Override
    public double abstainThreshold() {
        return encoder == null ? ngram.abstainThreshold() : abstainThreshold;
    }

    /** The weight of the encoder's probabilities in the blend (the n-gram model has the rest). */
    public double encoderWeight() {
        return encoderWeight;
    }

    /** True when probabilities are blended as a weighted geometric mean, false for a weighted arithmetic mean. */
    public boolean logLinear() {
        return logLinear;
    }

    public double temperature() {
        return temperature;
    }

    public EncoderKind encoderKind() {
        return kind;
    }

    /** The version of the encoder artifact the model was trained with. */
    public String trainedArtifactVersion() {
        return artifactVersion;
    }

    EmbeddingClassifier head() {
        return head;
    }

    /**
     * The weight of the class-mean (nearest centroid) classifier beside the logistic regression on
     * the encoder side, chosen by cross-validation; 0 when it has none (and for format-1 files).
     */
    public double prototypeWeight() {
        return prototypeWeight;
    }

    /** The n-gram model inside. */
    public LinearIntentModel ngramModel() {
        return ngram;
    }

    /** True when the encoder runs here; false when the model fell back to its n-gram tier. */
    public boolean encoderActive() {
        return encoder != null;
    }

    /** Why the encoder does not run here, when it does not. */
    public java.util.Optional<String> fallbackReason() {
        return java.util.Optional.ofNullable(unavailable);
    }

    public double cascadeBelow() {
        return cascadeBelow;
    }

    public Set<String> encoderLanguages() {
        return encoderLanguages;
    }

    /**
     * A copy that runs the encoder only when the n-gram model's top probability is below
     * {@code below} (1 = always, the default; 0 = never). Trades accuracy for speed; see the
     * README for measured pairs.
     */
    public EncoderIntentModel withCascade(double below) {
        if (!(below >= 0 && below <= 1)) {
            throw new IllegalArgumentException("cascade threshold must be in [0, 1], not " + below);
        }
        return new EncoderIntentModel(ngram, kind, artifactVersion, fingerprint, head, prototype, prototypeWeight,
                encoderWeight, logLinear, temperature, abstainThreshold, below, encoderLanguages, encoder, unavailable, detector, null);
    }

    /**
     * A copy that sends texts detected in these ISO 639-1 languages (and undetermined ones) to the
     * encoder; {@code "*"} sends every text. Default: {@code en}.
     */
    public EncoderIntentModel withEncoderLanguages(Set<String> languages) {
        Set<String> l = new TreeSet<>();
        languages.forEach(x -> l.add(x.strip().toLowerCase(Locale.ROOT)));
        if (l.isEmpty()) {
            throw new IllegalArgumentException("name at least one language, or *");
        }
        return new EncoderIntentModel(ngram, kind, artifactVersion, fingerprint, head, prototype, prototypeWeight,
                encoderWeight, logLinear, temperature, abstainThreshold, cascadeBelow, l, encoder, unavailable, detector, null);
    }

    /**
     * A copy with another encoder weight in the blend (1 = the encoder's classifier alone, 0 = the
     * n-gram model alone); for measuring each tier, as the trained weight is the cross-validated one.
     */
    public EncoderIntentModel withEncoderWeight(double weight) {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("encoder weight must be in [0, 1], not " + weight);
        }
        return new EncoderIntentModel(ngram, kind, artifactVersion, fingerprint, head, prototype, prototypeWeight,
                weight, logLinear, temperature, abstainThreshold, cascadeBelow, encoderLanguages, encoder, unavailable, detector, null);
    }

    /** A copy that tells languages with this detector instead of the built-in n-gram detector. */
    public EncoderIntentModel withLanguageDetector(LanguageDetector languageDetector) {
        return new EncoderIntentModel(ngram, kind, artifactVersion, fingerprint, head, prototype, prototypeWeight,
                encoderWeight, logLinear, temperature, abstainThreshold, cascadeBelow, encoderLanguages, encoder, unavailable,
                java.util.Objects.requireNonNull(languageDetector), version);
    }

    @Override
    public String toString() {
        return "EncoderIntentModel[" + version + ", encoder=" + kind.id() + (encoder == null ? " (unavailable)" : "")
                + ", weight=" + fmt(encoderWeight) + ", labels=" + labels.length + "]";
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

    /** Reads a model, falling back to its n-gram tier (named in every text's notes) when the encoder cannot run. */
    public static EncoderIntentModel load(Path file) throws IOException {
        return load(file, Fallback.NGRAM);
    }

    /**
     * Reads a model written by {@link #save(Path)}.
     *
     * @throws ModelFormatException not a model file, another format version, truncated or corrupt
     * @throws EncoderException     with {@link Fallback#FAIL}: the encoder's artifact is missing
     *                              ({@code UNAVAILABLE}) or gives other vectors ({@code MISMATCH})
     */
    public static EncoderIntentModel load(Path file, Fallback fallback) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return load(in, fallback);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException("model file not found: " + file, e);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a model from a stream; the stream is not closed. */
    public static EncoderIntentModel load(InputStream in, Fallback fallback) throws IOException {
        ModelEnvelope.Contents c = ModelEnvelope.read(in, MAGIC, "encoder intent model", OLDEST_READABLE_VERSION,
                FORMAT_VERSION, MAX_PAYLOAD);
        int format = c.version();
        byte[] payload = c.payload();
        byte[] actual = c.sha256();
        try {
            return parse(new DataInputStream(new ByteArrayInputStream(payload)), format, ModelEnvelope.versionId(KIND, format, actual), fallback);
        } catch (EOFException | IllegalArgumentException e) {
            throw new ModelFormatException("corrupt model file: inconsistent content (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static EncoderIntentModel parse(DataInputStream d, int format, String version, Fallback fallback) throws IOException {
        String kindId = d.readUTF();
        EncoderKind kind;
        try {
            kind = EncoderKind.fromId(kindId);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the model was trained with encoder '" + kindId + "', which this library does not know");
        }
        String artifactVersion = d.readUTF();
        float[] fingerprint = readFloats(d, d.readInt());
        double weight = d.readDouble();
        boolean logLinear = d.readBoolean();
        double temperature = d.readDouble();
        double threshold = d.readDouble();
        double cascade = d.readDouble();
        int nl = d.readInt();
        if (nl < 1 || nl > 1000) {
            throw new ModelFormatException("corrupt model file: " + nl + " encoder languages");
        }
        Set<String> langs = new TreeSet<>();
        for (int i = 0; i < nl; i++) {
            langs.add(d.readUTF());
        }
        int dim = d.readInt();
        int k = d.readInt();
        if (dim != kind.dimension() || k < 2 || k > 0xFFFF) {
            throw new ModelFormatException("corrupt model file: classifier of " + dim + " x " + k);
        }
        EmbeddingClassifier head = new EmbeddingClassifier(dim, k, readFloats(d, dim), readFloats(d, dim),
                readFloats(d, dim * k), readFloats(d, k));
        PrototypeClassifier prototype = null;
        double prototypeWeight = 0;
        if (format >= 2) {
            prototypeWeight = d.readDouble();
            if (d.readBoolean()) {
                double scale = d.readDouble();
                prototype = new PrototypeClassifier(dim, k, scale, readFloats(d, dim * k));
            }
            if (!(prototypeWeight >= 0 && prototypeWeight <= 1) || prototypeWeight > 0 && prototype == null) {
                throw new ModelFormatException("corrupt model file: class-mean weight " + prototypeWeight);
            }
        }
        byte[] ngramBytes = d.readNBytes(d.readInt());
        LinearIntentModel ngram = LinearIntentModel.load(new ByteArrayInputStream(ngramBytes));
        if (!(temperature > 0) || !(weight >= 0 && weight <= 1)) {
            throw new ModelFormatException("corrupt model file: temperature " + temperature + ", weight " + weight);
        }

        SentenceEncoder encoder = null;
        String unavailable = null;
        EncoderException problem = null;
        if (!kind.isAvailable()) {
            unavailable = SentenceEncoders.unavailableMessage(kind);
            problem = new EncoderException(EncoderException.Problem.UNAVAILABLE, "this model needs " + unavailable);
        } else {
            SentenceEncoder e = SentenceEncoders.shared(kind);
            String here = SentenceEncoders.artifactVersion(kind);
            if (!sameEncoder(fingerprint, e.encode(PROBE))) {
                unavailable = "encoder " + kind.id() + " " + here + " on the class path gives other vectors than "
                        + artifactVersion + ", which the model was trained with (retrain)";
                problem = new EncoderException(EncoderException.Problem.MISMATCH, unavailable);
            } else {
                encoder = e;
            }
        }
        if (problem != null) {
            if (fallback == Fallback.FAIL) {
                throw problem;
            }
            LOG.warn("encoder intent model {}: {}; using its n-gram tier only", version, unavailable);
        }
        return new EncoderIntentModel(ngram, kind, artifactVersion, fingerprint, head, prototype, prototypeWeight, weight,
                logLinear, temperature, threshold, cascade, langs, encoder, unavailable, DEFAULT_DETECTOR, version);
    }

    static boolean sameEncoder(float[] fingerprint, float[] vector) {
        if (fingerprint.length > vector.length) {
            return false;
        }
        for (int i = 0; i < fingerprint.length; i++) {
            if (Math.abs(fingerprint[i] - vector[i]) > FINGERPRINT_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private byte[] payload() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            d.writeUTF(kind.id());
            d.writeUTF(artifactVersion);
            writeFloats(d, fingerprint, true);
            d.writeDouble(encoderWeight);
            d.writeBoolean(logLinear);
            d.writeDouble(temperature);
            d.writeDouble(abstainThreshold);
            d.writeDouble(cascadeBelow);
            d.writeInt(encoderLanguages.size());
            for (String l : new TreeSet<>(encoderLanguages)) {
                d.writeUTF(l);
            }
            d.writeInt(head.dimension);
            d.writeInt(head.classes);
            writeFloats(d, head.mean, false);
            writeFloats(d, head.scale, false);
            writeFloats(d, head.weights, false);
            writeFloats(d, head.bias, false);
            d.writeDouble(prototypeWeight);
            d.writeBoolean(prototype != null);
            if (prototype != null) {
                d.writeDouble(prototype.scale);
                writeFloats(d, prototype.centroids, false);
            }
            ByteArrayOutputStream ng = new ByteArrayOutputStream();
            ngram.save(ng);
            d.writeInt(ng.size());
            ng.writeTo(d);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory write failed", e);
        }
        return bytes.toByteArray();
    }

    private static void writeFloats(DataOutputStream d, float[] v, boolean withLength) throws IOException {
        if (withLength) {
            d.writeInt(v.length);
        }
        for (float f : v) {
            d.writeFloat(f);
        }
    }

    private static float[] readFloats(DataInputStream d, int n) throws IOException {
        if (n < 0 || n > (1 << 26)) {
            throw new ModelFormatException("corrupt model file: " + n + " values");
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = d.readFloat();
        }
        return v;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

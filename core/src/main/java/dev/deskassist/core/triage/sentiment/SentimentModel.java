package dev.deskassist.core.triage.sentiment;

import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.classify.LinearIntentModel;
import dev.deskassist.core.triage.classify.ModelFormatException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A sentiment classifier trained on a team's own labeled messages (the intent classifier's
 * machinery with the labels negative, neutral and positive), with the weight at which it is blended
 * with the lexicon and the languages it was trained for. Immutable and thread-safe; create one
 * with {@link SentimentTrainer} or {@link #load(Path)}, use it through {@link TrainedSentimentAnalyzer}.
 *
 * <p>File format (big-endian): magic {@code DASM}, an int format version, the lexicon weight (double),
 * three label biases (doubles), the number of languages and each as a UTF string, then the classifier in its own checksummed format.
 */
public final class SentimentModel {

    /** The format version this class writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** The labels a sentiment model may have, lower-case, in the order of {@link #probabilities}. */
    public static final List<String> LABELS = List.of("negative", "neutral", "positive");

    private static final byte[] MAGIC = {'D', 'A', 'S', 'M'};

    private final LinearIntentModel classifier;
    private final double lexiconWeight;
    private final Set<String> languages;
    private final double[] labelBias;
    /** For each of {@link #LABELS}, its index among the classifier's labels, or -1. */
    private final int[] column;

    /**
     * @param classifier    trained on labels among {@link #LABELS}
     * @param lexiconWeight share of the lexicon in the blended probabilities, in [0, 1]
     * @param languages     languages the classifier was trained for (lower-case ISO codes); empty
     *                      means any language
     * @param labelBias     log-factor on each blended probability (in the order of {@link #LABELS})
     *                      before the top label is taken; moves decisions towards rarer labels for
     *                      macro-F1
     */
    public SentimentModel(LinearIntentModel classifier, double lexiconWeight, Set<String> languages,
            double[] labelBias) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        if (!(lexiconWeight >= 0 && lexiconWeight <= 1)) {
            throw new IllegalArgumentException("lexiconWeight must be in [0, 1], not " + lexiconWeight);
        }
        this.lexiconWeight = lexiconWeight;
        if (labelBias.length != LABELS.size()) {
            throw new IllegalArgumentException("labelBias needs " + LABELS.size() + " values, not " + labelBias.length);
        }
        for (double b : labelBias) {
            if (Double.isNaN(b) || Double.isInfinite(b)) {
                throw new IllegalArgumentException("labelBias values must be numbers, not " + b);
            }
        }
        this.labelBias = labelBias.clone();
        Set<String> langs = new TreeSet<>();
        languages.forEach(l -> langs.add(l.toLowerCase(Locale.ROOT)));
        this.languages = Set.copyOf(langs);
        List<String> labels = new ArrayList<>(classifier.labels());
        for (String label : labels) {
            if (!LABELS.contains(label)) {
                throw new IllegalArgumentException("a sentiment classifier has the labels " + LABELS + ", not '" + label + "'");
            }
        }
        this.column = new int[LABELS.size()];
        for (int k = 0; k < column.length; k++) {
            column[k] = labels.indexOf(LABELS.get(k));
        }
    }

    /** The classifier's calibrated probabilities of negative, neutral and positive (0 for a label it never saw). */
    public double[] probabilities(String text) {
        double[] p = classifier.probabilities(text);
        double[] out = new double[LABELS.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = column[k] < 0 ? 0 : p[column[k]];
        }
        return out;
    }

    /** The polarity of one of {@link #LABELS} by its index. */
    static Sentiment.Polarity polarity(int index) {
        return Sentiment.Polarity.values()[index];
    }

    /** Log-factors on the blended probabilities of negative, neutral and positive, chosen by cross-validation. */
    public double[] labelBias() {
        return labelBias.clone();
    }

    /**
     * The blended probabilities with the label bias applied, normalized: what the analyzer
     * decides on. {@code lexicon} is the lexicon's distribution ({@link TrainedSentimentAnalyzer}).
     */
    double[] decide(double[] model, double[] lexicon) {
        return decide(model, lexicon, lexiconWeight, labelBias);
    }

    static double[] decide(double[] model, double[] lexicon, double weight, double[] bias) {
        double[] out = new double[model.length];
        double sum = 0;
        for (int k = 0; k < out.length; k++) {
            out[k] = ((1 - weight) * model[k] + weight * lexicon[k]) * Math.exp(bias[k]);
            sum += out[k];
        }
        for (int k = 0; k < out.length; k++) {
            out[k] /= sum;
        }
        return out;
    }

    public LinearIntentModel classifier() {
        return classifier;
    }

    /** Share of the lexicon in the blend, chosen by cross-validation on the training data; 0 is the model alone. */
    public double lexiconWeight() {
        return lexiconWeight;
    }

    /** Languages the model was trained for; empty means any. */
    public Set<String> languages() {
        return languages;
    }

    /** Whether the model should read a text in {@code language} (null: unknown, which it reads only if trained for any). */
    public boolean covers(String language) {
        return languages.isEmpty() || language != null && languages.contains(language.toLowerCase(Locale.ROOT));
    }

    /** {@code sentiment-v1:} and the classifier's version. */
    public String version() {
        return "sentiment-v" + FORMAT_VERSION + ":" + classifier.version();
    }

    /** The same classifier blended at another lexicon weight. */
    public SentimentModel withLexiconWeight(double weight) {
        return new SentimentModel(classifier, weight, languages, labelBias);
    }

    /** The same classifier alone: no lexicon, no label bias. */
    public SentimentModel classifierOnly() {
        return new SentimentModel(classifier, 0, languages, new double[LABELS.size()]);
    }

    @Override
    public String toString() {
        return "SentimentModel[" + version() + ", lexiconWeight=" + lexiconWeight + ", labelBias="
                + Arrays.toString(labelBias) + ", languages=" + languages + "]";
    }

    /** Writes the model to a file, replacing it. */
    public void save(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            save(out);
        }
    }

    /** Writes the model to a stream; flushed, not closed. */
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.write(MAGIC);
        d.writeInt(FORMAT_VERSION);
        d.writeDouble(lexiconWeight);
        for (double b : labelBias) {
            d.writeDouble(b);
        }
        d.writeInt(languages.size());
        for (String l : new TreeSet<>(languages)) {
            d.writeUTF(l);
        }
        d.flush();
        classifier.save(out);
    }

    /** Reads a model written by {@link #save(Path)}. */
    public static SentimentModel load(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return load(in);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException("sentiment model file not found: " + file, e);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a model written by {@link #save(OutputStream)}; the stream is not closed. */
    public static SentimentModel load(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] magic = d.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new ModelFormatException("not a DeskAssist sentiment model (the file does not start with DASM)");
        }
        try {
            int version = d.readInt();
            if (version != FORMAT_VERSION) {
                throw new ModelFormatException("sentiment model format version " + version
                        + " cannot be read; this library reads version " + FORMAT_VERSION);
            }
            double weight = d.readDouble();
            double[] bias = new double[LABELS.size()];
            for (int k = 0; k < bias.length; k++) {
                bias[k] = d.readDouble();
            }
            int n = d.readInt();
            if (!(weight >= 0 && weight <= 1) || n < 0 || n > 1000) {
                throw new ModelFormatException("corrupt sentiment model file: lexicon weight " + weight + ", "
                        + n + " languages");
            }
            Set<String> languages = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                languages.add(d.readUTF());
            }
            LinearIntentModel classifier = LinearIntentModel.load(d);
            try {
                return new SentimentModel(classifier, weight, languages, bias);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException("not a sentiment model: " + e.getMessage(), e);
            }
        } catch (EOFException e) {
            throw new ModelFormatException("truncated sentiment model file", e);
        }
    }
}

package dev.deskassist.core.encoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The one class that touches LangChain4j and ONNX Runtime: one session per encoder with one
 * intra-op thread (parallelism comes from encoding several tickets at once, which measured faster
 * than intra-op threads on small machines), the model and tokenizer read from the artifact's jar.
 */
final class OnnxSentenceEncoder implements SentenceEncoder, AutoCloseable {

    /** Above this many characters a text cannot fit the window anyway; cut before tokenising. */
    static final int HEAD_CHARS = EncoderKind.WINDOW_TOKENS * 16;

    private final EncoderKind kind;
    private final OrtSession session;
    private final Model model;
    private final HuggingFaceTokenizer tokenizer;

    OnnxSentenceEncoder(EncoderKind kind, ClassLoader loader) {
        this.kind = kind;
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(read(loader, kind.modelResource()), options);
            // read once from the jar, parsed twice: LangChain4j's tokenizer and ours differ in settings
            byte[] tok = read(loader, kind.tokenizerResource());
            OnnxBertBiEncoder bert = new OnnxBertBiEncoder(env, session, new ByteArrayInputStream(tok),
                    kind.clsPooling() ? PoolingMode.CLS : PoolingMode.MEAN);
            this.model = new Model(bert, kind.dimension());
            // a second tokenizer only to find where the window ends in a long text
            this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tok),
                    Map.of("padding", "false", "truncation", "false"));
        } catch (OrtException | IOException | RuntimeException | LinkageError e) {
            // LinkageError: no native library for this platform
            throw new EncoderException(EncoderException.Problem.LOAD_FAILED,
                    "encoder " + kind.id() + " failed to load: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public EncoderKind kind() {
        return kind;
    }

    @Override
    public float[] encode(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("cannot encode a blank text");
        }
        return model.embed(window(text)).content().vector();
    }

    /**
     * The start of {@code text} that fits the window. LangChain4j would otherwise split a long text
     * into windows and average them, which costs one model run per window (hundreds for 1 MB).
     */
    String window(String text) {
        String t = text.strip();
        if (t.length() <= EncoderKind.WINDOW_TOKENS) {
            return t; // a word piece covers at least one character
        }
        if (t.length() > HEAD_CHARS) {
            int cut = HEAD_CHARS;
            if (Character.isHighSurrogate(t.charAt(cut - 1))) {
                cut--;
            }
            t = t.substring(0, cut);
        }
        Encoding e = tokenizer.encode(t, false, false);
        CharSpan[] spans = e.getCharTokenSpans();
        if (spans.length <= EncoderKind.WINDOW_TOKENS) {
            return t;
        }
        int end = spans[EncoderKind.WINDOW_TOKENS - 1].getEnd();
        return end > 0 ? t.substring(0, Math.min(end, t.length())) : t.substring(0, EncoderKind.WINDOW_TOKENS);
    }

    @Override
    public void close() {
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new EncoderException(EncoderException.Problem.LOAD_FAILED, "closing the ONNX session failed", e);
        }
    }

    @Override
    public String toString() {
        return "OnnxSentenceEncoder[" + kind.id() + "]";
    }

    private static InputStream open(ClassLoader loader, String resource) throws IOException {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("resource " + resource + " not on the class path");
        }
        return in;
    }

    private static byte[] read(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = open(loader, resource)) {
            return in.readAllBytes();
        }
    }

    /** LangChain4j's in-process model over our own session; runs each text on the calling thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder bert;
        private final int dimension;

        Model(OnnxBertBiEncoder bert, int dimension) {
            super(Runnable::run);
            this.bert = bert;
            this.dimension = dimension;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return bert;
        }

        @Override
        protected Integer knownDimension() {
            return dimension;
        }
    }
}

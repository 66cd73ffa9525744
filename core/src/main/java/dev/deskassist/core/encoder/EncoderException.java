package dev.deskassist.core.encoder;

import dev.deskassist.core.DeskAssistException;

/**
 * The encoder tier cannot run as asked: its artifact is not on the class path, the artifact on the
 * class path is not the encoder a model was trained with, or the ONNX runtime failed to start.
 * {@link #problem()} tells which; none of them goes away by retrying.
 */
public final class EncoderException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Problem {
        /** The encoder's artifact (or LangChain4j's ONNX support) is not on the class path. */
        UNAVAILABLE,
        /** The encoder on the class path gives other vectors than the one the model was trained with. */
        MISMATCH,
        /** The ONNX runtime or the tokenizer failed to load. */
        LOAD_FAILED
    }

    private final Problem problem;

    public EncoderException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public EncoderException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}

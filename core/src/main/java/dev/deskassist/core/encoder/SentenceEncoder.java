package dev.deskassist.core.encoder;

/**
 * Turns a text into an L2-normalised embedding. Thread-safe. Implementations truncate a long text
 * to their window on purpose (the head of a ticket carries its subject and request) and reject an
 * empty one; callers decide what an empty text means.
 */
public interface SentenceEncoder {

    /** Which encoder this is. */
    EncoderKind kind();

    /**
     * The embedding of {@code text} (unit length, {@link EncoderKind#dimension()} values), from at
     * most the encoder's window of word pieces at the start of the text.
     *
     * @throws IllegalArgumentException when the text is blank
     */
    float[] encode(String text);
}

package dev.deskassist.examples;

import dev.deskassist.core.encoder.EncoderKind;
import dev.deskassist.core.encoder.SentenceEncoder;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers embeddings by text, so that an evaluation scores several variants of one model (each
 * tier alone, cascade thresholds) with one encoder run per text. Not for latency figures.
 */
final class MemoEncoder implements SentenceEncoder {

    private final SentenceEncoder delegate;
    private final ConcurrentHashMap<String, float[]> memo = new ConcurrentHashMap<>();

    MemoEncoder(SentenceEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public EncoderKind kind() {
        return delegate.kind();
    }

    @Override
    public float[] encode(String text) {
        return memo.computeIfAbsent(text, delegate::encode);
    }
}

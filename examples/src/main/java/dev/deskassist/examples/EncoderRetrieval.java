package dev.deskassist.examples;

import dev.deskassist.core.draft.RankedRetriever;
import dev.deskassist.core.draft.kb.KnowledgeBase;
import dev.deskassist.core.draft.kb.LuceneKnowledgeRetriever;
import dev.deskassist.core.encoder.EncoderKind;
import dev.deskassist.core.encoder.HybridKnowledgeRetriever;
import dev.deskassist.core.encoder.SentenceEncoders;
import java.util.Set;

/**
 * {@code evaluate-retrieval --encoder bge|minilm [--encoder-languages en|*]}: the hybrid retriever
 * (BM25 fused with embeddings) in place of Lucene alone.
 */
final class EncoderRetrieval {

    private EncoderRetrieval() {
    }

    /** The retriever to evaluate: hybrid when {@code --encoder} is given, else {@code lexical}. */
    static RankedRetriever wrap(Args a, KnowledgeBase kb, LuceneKnowledgeRetriever lexical) {
        if (a.get("encoder").isEmpty()) {
            return lexical;
        }
        EncoderKind kind;
        try {
            kind = EncoderKind.fromId(a.require("encoder"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!kind.isAvailable()) {
            throw new UsageException(SentenceEncoders.unavailableMessage(kind)
                    + "; run examples/target/deskassist-encoder.jar instead of deskassist.jar");
        }
        HybridKnowledgeRetriever.Builder b = HybridKnowledgeRetriever.builder();
        a.get("encoder-languages").ifPresent(v -> b.languages(Set.of(v.split(","))));
        a.get("rrf-k").ifPresent(v -> b.rrfK((int) ClassifierOptions.number(v, "rrf-k")));
        return b.build(lexical, kb, SentenceEncoders.shared(kind));
    }
}

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
    static RankedRetriever wrap(String encoder, Set<String> languages, Integer rrfK, KnowledgeBase kb,
            LuceneKnowledgeRetriever lexical) {
        if (encoder == null) {
            return lexical;
        }
        EncoderKind kind = EncoderOptions.kind(encoder);
        HybridKnowledgeRetriever.Builder b = HybridKnowledgeRetriever.builder();
        if (languages != null) {
            b.languages(languages);
        }
        if (rrfK != null) {
            b.rrfK(rrfK);
        }
        return b.build(lexical, kb, SentenceEncoders.shared(kind));
    }
}

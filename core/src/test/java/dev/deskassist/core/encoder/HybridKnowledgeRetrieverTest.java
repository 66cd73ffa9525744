package dev.deskassist.core.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.draft.Retrieval;
import dev.deskassist.core.draft.TestData;
import dev.deskassist.core.draft.kb.KnowledgeBase;
import dev.deskassist.core.draft.kb.LuceneKnowledgeRetriever;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** BM25 fused with bge-small embeddings over the core test knowledge base. */
@Timeout(120)
class HybridKnowledgeRetrieverTest {

    private static final KnowledgeBase KB = TestData.kb();
    private static final LuceneKnowledgeRetriever LEXICAL = LuceneKnowledgeRetriever.of(KB);
    private static final HybridKnowledgeRetriever HYBRID = HybridKnowledgeRetriever.builder()
            .build(LEXICAL, KB, SentenceEncoders.shared(EncoderKind.BGE_SMALL_EN_V15_Q));

    @Test
    void findsTheArticleByMeaningAndSaysItFused() {
        Retrieval r = HYBRID.rank("I can't sign in, I don't remember my login secret", "en", List.of(), 3);
        assertEquals("en-password", r.best().orElseThrow().articleId());
        assertTrue(r.reasons().stream().anyMatch(x -> x.startsWith("fused with bge-small-en-v1.5-q embeddings")),
                r.reasons().toString());
    }

    @Test
    void offTopicQuestionsDoNotLookConfident() {
        for (String q : List.of("What is the weather like in Lisbon tomorrow?",
                "Can you recommend a good recipe for banana bread?",
                "Who won the football match last night?")) {
            Retrieval r = HYBRID.rank(q, "en", List.of(), 3);
            assertFalse(r.confident(), q + " " + r.reasons());
            assertTrue(r.confidence() <= LEXICAL.rank(q, "en", List.of(), 3).confidence() + 1e-12, q);
        }
    }

    @Test
    void otherLanguagesStayLexicalByDefault() {
        assertEquals(Set.of("en"), HYBRID.denseLanguages());
        String q = "Wo finde ich den Rücksendeetikett?";
        assertEquals(LEXICAL.rank(q, "de", List.of(), 3), HYBRID.rank(q, "de", List.of(), 3));
    }

    @Test
    void blankQueriesAndUnknownLanguagesAreAnsweredByLucene() {
        assertEquals(LEXICAL.rank("  ", "en", List.of(), 3), HYBRID.rank("  ", "en", List.of(), 3));
        assertEquals(LEXICAL.rank("hello", "xx", List.of(), 3), HYBRID.rank("hello", "xx", List.of(), 3));
    }
}

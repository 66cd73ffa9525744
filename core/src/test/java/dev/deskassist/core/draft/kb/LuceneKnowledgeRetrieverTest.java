package dev.deskassist.core.draft.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.draft.Passage;
import dev.deskassist.core.draft.Retrieval;
import dev.deskassist.core.draft.TestData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LuceneKnowledgeRetrieverTest {

    private static final LuceneKnowledgeRetriever RETRIEVER = LuceneKnowledgeRetriever.of(TestData.kb());

    private static List<String> articleIds(List<Passage> passages) {
        return passages.stream().map(Passage::articleId).distinct().toList();
    }

    @Test
    void germanCompoundFindsTheSplitFormInTheArticle() {
        Retrieval r = RETRIEVER.rank("Wo finde ich den Rücksendeetikett?", "de", List.of(), 3);
        assertEquals("de-return-label", r.best().orElseThrow().articleId());
        assertTrue(r.confident(), r.reasons().toString());
    }

    @Test
    void germanSplitFormFindsTheCompoundInTheArticle() {
        Map<String, String> src = new LinkedHashMap<>();
        src.put("a.md", TestData.article("label", "de", "Versand", "returns", true, null,
                "Den Rücksendeetikett im Konto herunterladen."));
        src.put("b.md", TestData.article("other", "de", "Lieferung", "delivery", true, null,
                "Die Rücksendung eines Pakets dauert. Das Etikett auf dem Paket zeigt die Adresse."));
        src.put("c.md", TestData.article("third", "de", "Konto", "account", true, null,
                "Im Konto das Passwort ändern und die Adresse pflegen."));
        LuceneKnowledgeRetriever r = LuceneKnowledgeRetriever.of(KnowledgeBaseLoader.withClock(TestData.CLOCK).load(src));
        List<String> terms = r.analyze("Rücksendeetikett", "de");
        assertTrue(terms.contains("etikett") && terms.stream().anyMatch(t -> t.startsWith("rucksend")), terms.toString());
        // "label" holds the compound only; decompounding at index time makes it findable by its parts
        Retrieval hit = r.rank("Etikett Rücksendung herunterladen", "de", List.of(), 3);
        assertEquals("label", hit.best().orElseThrow().articleId());
    }

    @Test
    void agreementWithTheTicketCategoryRaisesConfidence() {
        String story = "I forgot my password for the Fjord garden shop account after my holiday in Bergen";
        Retrieval plain = RETRIEVER.rank(story, "en", List.of(), 3);
        Retrieval agreeing = RETRIEVER.rank(story, "en", List.of("account"), 3);
        Retrieval other = RETRIEVER.rank(story, "en", List.of("delivery"), 3);
        assertEquals("en-password", agreeing.best().orElseThrow().articleId());
        assertEquals(Math.min(1, plain.confidence() + 0.25), agreeing.confidence(), 1e-9, agreeing.reasons().toString());
        assertEquals(plain.confidence(), other.confidence(), 1e-9);
        assertTrue(agreeing.reasons().stream().anyMatch(r -> r.contains("in the ticket's category")));
    }

    @Test
    void englishStemmingMatchesInflections() {
        Retrieval r = RETRIEVER.rank("I forgot my passwords, resetting doesn't work", "en", List.of(), 3);
        assertEquals("en-password", r.best().orElseThrow().articleId());
    }

    @Test
    void expiredAndUnapprovedArticlesAreNeverRetrieved() {
        for (String q : List.of("Weihnachtsgeschenke Sonderfrist Weihnachtsrückgabe", "Sofortgeld garantiert erstattet Entwurf")) {
            Retrieval r = RETRIEVER.rank(q, "de", List.of("returns", "refund"), 10);
            assertFalse(articleIds(r.passages()).contains("de-xmas-returns"), q);
            assertFalse(articleIds(r.passages()).contains("de-draft-refund"), q);
        }
    }

    @Test
    void anArticleThatExpiresWhileTheProcessRunsIsNoLongerReturned() {
        MovableClock clock = new MovableClock(Instant.parse("2026-01-30T12:00:00Z"));
        KnowledgeBase kb = KnowledgeBaseLoader.withClock(clock).load(TestData.sources());
        LuceneKnowledgeRetriever r = LuceneKnowledgeRetriever.of(kb);
        String q = "Weihnachtsgeschenke Sonderfrist";
        assertEquals("de-xmas-returns", r.rank(q, "de", List.of(), 3).best().orElseThrow().articleId());
        clock.now = Instant.parse("2026-02-01T00:00:00Z");
        assertFalse(articleIds(r.rank(q, "de", List.of(), 10).passages()).contains("de-xmas-returns"));
        assertFalse(kb.isCitable("de-xmas-returns"));
    }

    @Test
    void emptyKnowledgeBaseRetrievesNothingWithAReason() {
        LuceneKnowledgeRetriever r = LuceneKnowledgeRetriever.of(KnowledgeBase.empty());
        assertTrue(r.languages().isEmpty());
        Retrieval res = r.rank("Passwort vergessen", "de", List.of(), 3);
        assertTrue(res.passages().isEmpty());
        assertFalse(res.confident());
        assertTrue(res.reasons().get(0).contains("no approved article"));
        assertTrue(r.retrieve("anything", "en", List.of(), 3).isEmpty());
    }

    @Test
    void languageWithoutArticlesAndBlankQueriesGiveNothing() {
        assertTrue(RETRIEVER.rank("mot de passe oublié", "fr", List.of(), 3).passages().isEmpty());
        assertTrue(RETRIEVER.rank("   ", "en", List.of(), 3).passages().isEmpty());
        assertTrue(RETRIEVER.rank("the and of", "en", List.of(), 3).passages().isEmpty());
        assertEquals(Set.of("de", "en"), RETRIEVER.languages());
    }

    @Test
    void offTopicQuestionIsNotConfident() {
        Retrieval r = RETRIEVER.rank("What is the capital of Australia and who won the football match?", "en", List.of(), 3);
        assertFalse(r.confident(), r.reasons().toString());
        assertTrue(r.confidence() < 0.35);
    }

    @Test
    void categoryIsAPreferenceNotAFilter() {
        String q = "parcel";
        Retrieval neutral = RETRIEVER.rank(q, "en", List.of(), 5);
        Retrieval preferRefund = RETRIEVER.rank(q, "en", List.of("refund"), 5);
        Retrieval preferReturns = RETRIEVER.rank(q, "en", List.of("returns"), 5);
        assertEquals("en-refund", preferRefund.best().orElseThrow().articleId());
        assertEquals("en-return-label", preferReturns.best().orElseThrow().articleId());
        assertTrue(articleIds(preferRefund.passages()).contains("en-return-label"), "not filtered out");
        assertEquals(Set.copyOf(articleIds(neutral.passages())), Set.copyOf(articleIds(preferRefund.passages())));
    }

    @Test
    void passagesAreNumberedPerArticleAndBounded() {
        Map<String, String> src = Map.of("long.md", TestData.article("long", "en", "Long", "x", true, null,
                "# One\n\n" + "This sentence talks about shipping parcels. ".repeat(60) + "\n\n# Two\n\nShort section."));
        LuceneKnowledgeRetriever r = LuceneKnowledgeRetriever.builder().maxPassageChars(300)
                .build(KnowledgeBaseLoader.withClock(TestData.CLOCK).load(src));
        List<Passage> all = r.rank("shipping parcels section", "en", List.of(), 100).passages();
        assertTrue(all.size() >= 8, "a long section is cut into several passages: " + all.size());
        for (Passage p : all) {
            assertTrue(p.id().matches("long#\\d+"), p.id());
            assertTrue(p.text().length() <= 300, "passage " + p.id() + " has " + p.text().length() + " chars");
        }
        assertEquals(all.size(), r.passageCount());
    }

    @Test
    void oneMegabyteQueryIsCutToABoundedPrefix() {
        StringBuilder sb = new StringBuilder("Forgot password, reset link email. ");
        while (sb.length() < 1_000_000) {
            sb.append("lorem ipsum dolor sit amet consectetur ").append(sb.length()).append(' ');
        }
        Retrieval r = RETRIEVER.rank(sb.toString(), "en", List.of(), 3);
        assertEquals("en-password", r.best().orElseThrow().articleId());
        // one 1 MB "word" without spaces is split by the tokenizer, never a crash
        Retrieval blob = RETRIEVER.rank("x".repeat(1_000_000), "en", List.of(), 3);
        assertTrue(blob.passages().isEmpty());
        assertTrue(RETRIEVER.analyze(sb.toString(), "en").size() <= LuceneKnowledgeRetriever.MAX_ANALYZED_TERMS, "query terms are capped");
    }

    @Test
    void concurrentQueriesAgreeWithSequentialOnes() throws Exception {
        List<String> queries = List.of("return label", "refund after return", "forgot password", "delivery time express");
        List<List<String>> expected = new ArrayList<>();
        for (String q : queries) {
            expected.add(RETRIEVER.rank(q, "en", List.of(), 3).passages().stream().map(Passage::id).toList());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        int k = i % queries.size();
                        List<String> got = RETRIEVER.rank(queries.get(k), "en", List.of(), 3).passages().stream()
                                .map(Passage::id).toList();
                        if (!got.equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A clock a test can move forward. */
    private static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

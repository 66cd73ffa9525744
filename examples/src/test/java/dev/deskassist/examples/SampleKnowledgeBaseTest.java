package dev.deskassist.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.draft.kb.Article;
import dev.deskassist.core.draft.kb.KnowledgeBase;
import dev.deskassist.core.draft.kb.LoadProblem;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SampleKnowledgeBaseTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void bundledSampleLoadsCleanlyWithItsExpiredAndUnapprovedExamples() {
        KnowledgeBase kb = SampleKnowledgeBase.bundled(CLOCK);
        assertTrue(kb.report().isClean(), kb.report().problems().toString());
        assertEquals(2, kb.report().problems(LoadProblem.Kind.EXPIRED).size());
        assertEquals(2, kb.report().problems(LoadProblem.Kind.UNAPPROVED).size());
        Map<String, Long> perLanguage = kb.citable().stream()
                .collect(Collectors.groupingBy(Article::language, Collectors.counting()));
        assertTrue(perLanguage.get("de") >= 10 && perLanguage.get("en") >= 10, perLanguage.toString());
    }

    @Test
    void indexListsEveryFileOfTheFolder() throws IOException, URISyntaxException {
        Path root = Path.of(SampleKnowledgeBaseTest.class.getResource(SampleKnowledgeBase.ROOT + "kb/index.txt").toURI())
                .getParent();
        Set<String> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.equals("index.txt")).collect(Collectors.toSet());
        }
        assertEquals(files, SampleKnowledgeBase.bundledSources().keySet());
    }

    @Test
    void evaluationSetHasThirtyQuestionsPerLanguageAndOnlyCitableAnswers() {
        KnowledgeBase kb = SampleKnowledgeBase.bundled(CLOCK);
        Map<String, Integer> perLanguage = new HashMap<>();
        String set = SampleKnowledgeBase.resource(SampleKnowledgeBase.ROOT + "retrieval-eval.jsonl");
        for (String line : set.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            var row = jakarta.json.Json.createReader(new StringReader(line)).readObject();
            String expected = row.getString("expected");
            if (!expected.isEmpty()) {
                assertTrue(kb.isCitable(expected), expected);
                assertEquals(row.getString("lang"), kb.article(expected).orElseThrow().language(), expected);
                perLanguage.merge(row.getString("lang"), 1, Integer::sum);
            }
        }
        assertTrue(perLanguage.get("de") >= 30 && perLanguage.get("en") >= 30, perLanguage.toString());
    }
}

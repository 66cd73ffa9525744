package dev.deskassist.core.draft.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.draft.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseLoaderTest {

    private static final KnowledgeBaseLoader LOADER = KnowledgeBaseLoader.withClock(TestData.CLOCK);

    private static LoadProblem onlyRejection(KnowledgeBase kb) {
        List<LoadProblem> rejected = kb.report().problems(LoadProblem.Kind.REJECTED);
        assertEquals(1, rejected.size(), rejected.toString());
        return rejected.get(0);
    }

    @Test
    void readsFrontMatterWithInlineAndBlockListsAndQuotes() {
        String md = """
                ---
                # a comment line
                id: kb-1
                title: "Rücksendung: so geht's"
                language: DE
                categories:
                  - returns
                  - Refund
                tags: [etikett, 'qr code']
                approved: true
                valid_until: 2030-01-01
                type: macro
                ---
                Body text.
                """;
        KnowledgeBase kb = LOADER.load(Map.of("a.md", md));
        Article a = kb.article("kb-1").orElseThrow();
        assertEquals("Rücksendung: so geht's", a.title());
        assertEquals("de", a.language());
        assertEquals(Set.of("returns", "refund"), a.categories());
        assertEquals(List.of("etikett", "qr code"), a.tags());
        assertEquals(LocalDate.of(2030, 1, 1), a.validUntil());
        assertEquals(ArticleType.MACRO, a.type());
        assertEquals("Body text.", a.body());
        assertTrue(kb.report().isClean());
    }

    @Test
    void brokenFrontMatterIsReportedWithFileAndLineAndTheRestStillLoads(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("good.md"), TestData.article("good", "en", "Good", "returns", true, null, "Fine."));
        Files.writeString(dir.resolve("bad.md"), "---\nid: bad\ntitle: Bad\nthis line has no colon\napproved: true\n---\nx\n");
        KnowledgeBase kb = LOADER.load(dir);
        LoadProblem p = onlyRejection(kb);
        assertEquals("bad.md", p.file());
        assertEquals(4, p.line());
        assertTrue(p.message().contains("key: value"), p.message());
        assertTrue(kb.article("good").isPresent());
        assertFalse(kb.article("bad").isPresent());
        assertTrue(p.toString().startsWith("bad.md:4: rejected"), p.toString());
    }

    @Test
    void eachKindOfFrontMatterErrorNamesItsLine() {
        assertEquals(1, onlyRejection(LOADER.load(Map.of("x.md", "no front matter\n"))).line());
        assertEquals(1, onlyRejection(LOADER.load(Map.of("x.md", "---\nid: a\n"))).line());
        assertEquals(3, onlyRejection(LOADER.load(Map.of("x.md",
                "---\nid: a\naproved: true\n---\nbody\n"))).line(), "unknown key (typo) on line 3");
        assertEquals(6, onlyRejection(LOADER.load(Map.of("x.md",
                "---\nid: a\ntitle: t\nlanguage: en\napproved: true\nvalid_until: 31.12.2030\n---\nbody\n"))).line());
        assertEquals(5, onlyRejection(LOADER.load(Map.of("x.md",
                "---\nid: a\ntitle: t\nlanguage: en\napproved: yes\n---\nbody\n"))).line());
        assertEquals(3, onlyRejection(LOADER.load(Map.of("x.md",
                "---\nid: a\nid: b\n---\nbody\n"))).line(), "duplicate key");
        assertEquals(2, onlyRejection(LOADER.load(Map.of("x.md",
                "---\n  - orphan item\n---\nbody\n"))).line());
        assertEquals(4, onlyRejection(LOADER.load(Map.of("x.md",
                "---\nid: a\ntitle: t\ntags: [a, b\n---\nbody\n"))).line());
        LoadProblem missing = onlyRejection(LOADER.load(Map.of("x.md", "---\nid: a\ntitle: t\nlanguage: en\n---\nbody\n")));
        assertTrue(missing.message().contains("approved"), missing.message());
        LoadProblem empty = onlyRejection(LOADER.load(Map.of("x.md",
                "---\nid: a\ntitle: t\nlanguage: en\napproved: true\n---\n\n")));
        assertTrue(empty.message().contains("empty body"), empty.message());
    }

    @Test
    void jsonFilesLoadAndMalformedJsonIsReportedWithItsLine() {
        String ok = """
                [
                  {"id": "j1", "title": "One", "language": "en", "categories": ["returns"], "approved": true,
                   "body": "First."},
                  {"id": "j2", "title": "Two", "language": "de", "approved": false, "body": "Zweites."}
                ]
                """;
        String broken = "{\n  \"id\": \"j3\",\n  \"title\": \"Three\"\n  \"language\": \"en\"\n}\n";
        String wrongType = "{\n  \"id\": \"j4\",\n  \"title\": \"Four\",\n  \"language\": \"en\",\n  \"approved\": true,\n"
                + "  \"categories\": {\"a\": 1},\n  \"body\": \"x\"\n}";
        KnowledgeBase kb = LOADER.load(new java.util.TreeMap<>(Map.of("a.json", ok, "b.json", broken, "c.json", wrongType)));
        assertEquals(Set.of("j1", "j2"), Set.copyOf(kb.articles().stream().map(Article::id).toList()));
        List<LoadProblem> rejected = kb.report().problems(LoadProblem.Kind.REJECTED);
        assertEquals(2, rejected.size(), rejected.toString());
        assertEquals("b.json", rejected.get(0).file());
        assertEquals(4, rejected.get(0).line());
        assertEquals("c.json", rejected.get(1).file());
        assertEquals(6, rejected.get(1).line());
        assertEquals(List.of("j1"), kb.citable().stream().map(Article::id).toList());
    }

    @Test
    void duplicateIdsKeepTheFirstAndReportTheSecond() {
        KnowledgeBase kb = LOADER.load(new java.util.TreeMap<>(Map.of(
                "a.md", TestData.article("same", "en", "A", "x", true, null, "First."),
                "b.md", TestData.article("same", "en", "B", "x", true, null, "Second."))));
        assertEquals("A", kb.article("same").orElseThrow().title());
        LoadProblem p = onlyRejection(kb);
        assertEquals("b.md", p.file());
        assertEquals(2, p.line());
        assertTrue(p.message().contains("a.md"));
    }

    @Test
    void expiredAndUnapprovedArticlesLoadIntoTheReportButAreNotCitable() {
        KnowledgeBase kb = TestData.kb();
        assertTrue(kb.article("de-xmas-returns").isPresent());
        assertTrue(kb.article("de-draft-refund").isPresent());
        assertFalse(kb.isCitable("de-xmas-returns"));
        assertFalse(kb.isCitable("de-draft-refund"));
        assertFalse(kb.isCitable("no-such-article"));
        assertTrue(kb.isCitable("de-refund"));
        assertEquals(List.of("de-xmas-returns"), kb.report().problems(LoadProblem.Kind.EXPIRED).stream()
                .map(p -> p.message().split("'")[1]).toList());
        assertEquals(1, kb.report().problems(LoadProblem.Kind.UNAPPROVED).size());
        assertTrue(kb.report().isClean());
        assertEquals(kb.articles().size() - 2, kb.report().citableArticles());
    }

    @Test
    void emptyFolderIsAValidEmptyKnowledgeBaseAndAMissingFolderIsATypedError(@TempDir Path dir) throws IOException {
        KnowledgeBase kb = LOADER.load(dir);
        assertTrue(kb.isEmpty());
        assertTrue(kb.languages().isEmpty());
        assertTrue(kb.report().isClean());
        Files.writeString(dir.resolve("notes.txt"), "not an article", StandardCharsets.UTF_8);
        assertTrue(LOADER.load(dir).isEmpty(), "other file types are not articles");
        KnowledgeBaseException e = assertThrows(KnowledgeBaseException.class, () -> LOADER.load(dir.resolve("missing")));
        assertTrue(e.getMessage().contains("does not exist"));
    }

    @Test
    void invalidUtf8IsRejectedNotGarbled(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("latin1.md"), new byte[] {'-', '-', '-', '\n', (byte) 0xFC, '\n'});
        LoadProblem p = onlyRejection(LOADER.load(dir));
        assertEquals("latin1.md", p.file());
        assertTrue(p.message().contains("UTF-8"));
    }
}

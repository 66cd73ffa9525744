package dev.deskassist.core.triage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TermIndexTest {

    private static String hits(TermIndex index, String text) {
        return index.match(FoldedText.of(text)).stream().mapToObj(i -> index.terms().get(i))
                .collect(Collectors.joining(","));
    }

    @Test
    void foldsCaseUmlautsAndPunctuation() {
        assertEquals("kuendigung zum 31 mai strasse", FoldedText.of("  KÜNDIGUNG zum 31. Mai!!! Straße ").value());
        assertEquals("rappelez moi", FoldedText.of("Rappelez-moi").value());
        assertEquals(0, FoldedText.of("🙂🙂 !!!").letterCount());
    }

    @Test
    void germanInflectionAndCompoundsMatchTheStem() {
        TermIndex index = TermIndex.of(List.of("Kündigung"));
        for (String s : List.of("Ich habe gekündigt", "Bitte um Kündigungsbestätigung", "meine Vertragskündigung",
                "ich will KÜNDIGEN", "kuendigen", "Kündigungen")) {
            assertEquals("Kündigung", hits(index, s), s);
        }
        assertEquals("", hits(index, "Ich bin zufrieden"));
    }

    @Test
    void shortTermsMatchWholeWordsOnly() {
        TermIndex index = TermIndex.of(List.of("down", "=sue"));
        assertEquals("down", hits(index, "the site is down!"));
        assertEquals("", hits(index, "download the invoice"));
        assertEquals("=sue", hits(index, "we will sue you"));
        assertEquals("=sue", hits(index, "I sued them before"));
        assertEquals("", hits(index, "pursue the issue"));
    }

    @Test
    void prefixAndPhrases() {
        TermIndex index = TermIndex.of(List.of("liefer*", "cancel my subscription", "nicht erreichbar"));
        assertEquals("liefer*", hits(index, "Die Lieferzeit ist lang"));
        assertEquals("liefer*", hits(index, "wurde nicht geliefert"));
        assertEquals("", hits(index, "Auslieferung"));
        assertEquals("cancel my subscription", hits(index, "Please CANCEL my subscriptions now"));
        assertEquals("", hits(index, "cancel the subscription"));
        assertEquals("nicht erreichbar", hits(index, "Server nicht erreichbar."));
    }

    @Test
    void emptyTermIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TermIndex.of(List.of("ok", "!!")));
        assertEquals("term '!!' has no letters or digits", e.getMessage());
    }
}

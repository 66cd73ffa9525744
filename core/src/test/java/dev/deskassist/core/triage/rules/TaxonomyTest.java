package dev.deskassist.core.triage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

    static final String JSON = """
            {
              "version": "t-1",
              "fallbackGroup": "Triage",
              "categories": [
                {"id": "billing", "description": "Invoices", "group": "Billing", "flags": ["needsOrderNumber"],
                 "attributes": {"slaHours": "24"},
                 "rules": [
                   {"language": "de", "keywords": ["rechnung", "abbuchung"], "weight": 1.0},
                   {"id": "billing-twice", "language": "en", "patterns": ["\\\\bcharged\\\\s+twice\\\\b"], "force": true}
                 ]},
                {"id": "cancellation", "group": "Retention",
                 "rules": [{"language": "de", "keywords": ["kündigung"], "force": true},
                           {"language": "en", "keywords": ["cancel my subscription"], "weight": 2}]},
                {"id": "delivery", "group": "Logistics",
                 "rules": [{"keywords": ["paket", "parcel", "liefer*"], "weight": 0.7}]}
              ]
            }
            """;

    @Test
    void readsCategoriesFlagsAndRules() {
        Taxonomy t = Taxonomy.parse(JSON, "t.json");
        assertEquals("t-1", t.version());
        assertEquals(List.of("billing", "cancellation", "delivery"), t.categories().stream().map(Category::id).toList());
        Category billing = t.category("billing").orElseThrow();
        assertTrue(billing.hasFlag(Category.NEEDS_ORDER_NUMBER));
        assertEquals("24", billing.attributes().get("slaHours"));
        assertEquals("billing-twice", billing.rules().get(1).id());
        assertEquals("billing#1", billing.rules().get(0).id());
        assertEquals("Retention", t.category("cancellation").orElseThrow().group());
    }

    @Test
    void firesOnlyRulesOfTheLanguage() {
        Taxonomy t = Taxonomy.parse(JSON, "t.json");
        String de = "Die Rechnung ist falsch und das Paket fehlt";
        assertEquals(List.of("billing#1", "delivery#1"), ids(t.fire(de, FoldedText.of(de), "de")));
        assertEquals(List.of("delivery#1"), ids(t.fire(de, FoldedText.of(de), "en")));
        String en = "I was charged  twice";
        assertEquals(List.of("billing-twice"), ids(t.fire(en, FoldedText.of(en), "en")));
        assertEquals(List.of("billing-twice"), ids(t.fire(en, FoldedText.of(en), null)));
    }

    private static List<String> ids(List<Taxonomy.FiredRule> fired) {
        return fired.stream().map(f -> f.rule().id()).toList();
    }

    private static RulesFileException bad(String json) {
        return assertThrows(RulesFileException.class, () -> Taxonomy.parse(json, "bad.json"));
    }

    @Test
    void errorsSayWhatAndWhere() {
        assertEquals("bad.json: the file is empty; expected a JSON object", bad("  ").getMessage());
        assertTrue(bad("{\"categories\": [").getMessage().matches("bad.json:1:[0-9]+: malformed JSON.*"), bad("{").getMessage());
        assertEquals("bad.json:1:1: missing required key `categories`", bad("{}").getMessage());
        assertEquals("bad.json:1:39: at /categories/1: missing required key `group`",
                bad("{\"categories\":[{\"id\":\"a\",\"group\":\"A\"},{\"id\":\"b\"}]}").getMessage());
        assertEquals("bad.json: categories[1].id: duplicate category id 'a'",
                bad("{\"categories\":[{\"id\":\"a\",\"group\":\"A\"},{\"id\":\"a\",\"group\":\"B\"}]}").getMessage());
        RulesFileException regex = bad("{\"categories\":[{\"id\":\"a\",\"group\":\"A\",\"rules\":[{\"patterns\":[\"ok\",\"(x\"]}]}]}");
        assertEquals("categories[0].rules[0].patterns[1]", regex.location());
        assertTrue(regex.getMessage().contains("invalid regex"));
        assertEquals("bad.json: categories[0].rules[0]: a rule needs \"keywords\" or \"patterns\"",
                bad("{\"categories\":[{\"id\":\"a\",\"group\":\"A\",\"rules\":[{\"language\":\"de\"}]}]}").getMessage());
        assertEquals("bad.json:1:74: at /categories/0/rules/0/weight: must be greater than 0, found -1",
                bad("{\"categories\":[{\"id\":\"a\",\"group\":\"A\",\"rules\":[{\"keywords\":[\"x\"],\"weight\":-1}]}]}")
                        .getMessage());
        assertEquals("bad.json: categories[0].rules[0].keywords[0]: term '?' has no letters or digits",
                bad("{\"categories\":[{\"id\":\"a\",\"group\":\"A\",\"rules\":[{\"keywords\":[\"?\"]}]}]}").getMessage());
        assertEquals("bad.json:1:34: at /categories/0/group: expected a string, found a number",
                bad("{\"categories\":[{\"id\":\"a\",\"group\":7}]}").getMessage());
        assertEquals("bad.json:1:15: at /categories: needs at least 1 element(s)", bad("{\"categories\":[]}").getMessage());
        assertEquals("bad.json:1:1: expected an object, found an array", bad("[1,2]").getMessage());
    }
}

package dev.deskassist.core.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.draft.kb.KnowledgeBase;
import dev.deskassist.core.draft.kb.LuceneKnowledgeRetriever;
import dev.deskassist.core.model.Requester;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.Entity;
import dev.deskassist.core.triage.EntityType;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.StyleProfile.Address;
import dev.deskassist.core.triage.StyleProfile.Expertise;
import dev.deskassist.core.triage.TriageResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineDraftingTest {

    private static final KnowledgeBase KB = TestData.kb();
    private static final LuceneKnowledgeRetriever RETRIEVER = LuceneKnowledgeRetriever.of(KB);
    private static final OfflineDrafting DRAFTING = OfflineDrafting.builder(RETRIEVER)
            .categoriesNeedingOrderNumber(Set.of("returns"))
            .build();

    private static Ticket ticket(String subject, String text, String name) {
        return Ticket.builder("T-1").subject(subject).description(text)
                .requester(name == null ? Requester.UNKNOWN : Requester.of(name, "anna@example.org")).build();
    }

    private static int count(String haystack, String needle) {
        return haystack.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void formalGermanDraftSaysSieAndCitesTheArticle() {
        Draft d = DRAFTING.draft(ticket("Rücksendeetikett", "Wo finde ich den Rücksendeetikett für meine Bestellung?",
                "Anna Berg"), TestData.triage("de", "returns", TestData.style(Address.FORMAL, Expertise.UNKNOWN),
                Sentiment.NEUTRAL, List.of()));
        assertEquals("de", d.language());
        assertTrue(d.body().startsWith("Guten Tag Anna Berg,"), d.body());
        assertTrue(d.body().contains("Ihre Nachricht zu „Rücksendeetikett“"), d.body());
        assertFalse(Pattern.compile("\\b(du|dein|deine|dir)\\b").matcher(d.body()).find(), d.body());
        assertEquals("de-return-label", d.citations().get(0).articleId());
        assertTrue(d.body().contains("[1]"));
        assertTrue(d.body().contains("Quellen:\n[1] Rücksendung anmelden – https://help.example/de-return-label (de-return-label)"),
                d.body());
        assertEquals(OfflineDrafting.ENGINE, d.decidedBy());
    }

    @Test
    void informalGermanDraftSaysDuAndUsesTheFirstName() {
        Draft d = DRAFTING.draft(ticket("Rücksendeetikett", "hey, wo finde ich den rücksendeetikett? danke dir",
                "Anna Berg"), TestData.triage("de", "returns", TestData.style(Address.INFORMAL, Expertise.UNKNOWN),
                Sentiment.NEUTRAL, List.of()));
        assertTrue(d.body().startsWith("Hallo Anna,"), d.body());
        assertTrue(Pattern.compile("\\b(du|dein|deine|dir)\\b").matcher(d.body()).find(), d.body());
        assertFalse(Pattern.compile("\\b(Sie|Ihre|Ihnen)\\b").matcher(d.body()).find(), d.body());
        assertTrue(d.body().contains("Viele Grüße"));
    }

    @Test
    void englishFormalAndInformalDiffer() {
        Ticket t = ticket("Password", "I forgot my password and the reset email does not arrive", "Sam Lee");
        Draft formal = DRAFTING.draft(t, TestData.triage("en", "account",
                TestData.style(Address.FORMAL, Expertise.UNKNOWN), Sentiment.NEUTRAL, List.of()));
        Draft casual = DRAFTING.draft(t, TestData.triage("en", "account",
                TestData.style(Address.INFORMAL, Expertise.UNKNOWN), Sentiment.NEUTRAL, List.of()));
        assertTrue(formal.body().startsWith("Dear Sam Lee,"), formal.body());
        assertTrue(casual.body().startsWith("Hi Sam,"), casual.body());
        assertTrue(formal.body().contains("Kind regards"));
        assertTrue(casual.body().contains("Cheers"));
        assertEquals("en-password", formal.citations().get(0).articleId());
    }

    @Test
    void beginnersGetNumberedStepsAndExpertsGetMoreDetail() {
        Ticket t = ticket("Etikett", "Wie bekomme ich das Etikett für die Rücksendung? Ich kenne mich nicht aus.", null);
        Draft beginner = DRAFTING.draft(t, TestData.triage("de", "returns",
                TestData.style(Address.FORMAL, Expertise.BEGINNER), Sentiment.NEUTRAL, List.of()));
        assertTrue(beginner.body().contains("So gehen Sie Schritt für Schritt vor:\n1. "), beginner.body());
        assertTrue(beginner.body().contains("\n2. "), beginner.body());
        assertTrue(beginner.body().startsWith("Guten Tag,"), "no name known: " + beginner.body());
        Draft expert = DRAFTING.draft(t, TestData.triage("de", "returns",
                TestData.style(Address.FORMAL, Expertise.EXPERT), Sentiment.NEUTRAL, List.of()));
        assertTrue(expert.citations().size() >= beginner.citations().size());
        assertTrue(expert.body().contains("Die Einzelheiten"), expert.body());
    }

    @Test
    void frustratedCustomersHearEmpathyFirst() {
        Sentiment angry = new Sentiment(Sentiment.Polarity.NEGATIVE, -0.8, 0.9, 0.5, List.of("!!!"));
        Draft d = DRAFTING.draft(ticket("Refund", "Where is my refund?! This is the third time I ask!!!", "Sam Lee"),
                TestData.triage("en", "refund", TestData.style(Address.FORMAL, Expertise.UNKNOWN), angry, List.of()));
        String[] paragraphs = d.body().split("\n\n");
        assertTrue(paragraphs[1].startsWith("We are truly sorry"), d.body());
        assertTrue(d.reasons().stream().anyMatch(r -> r.startsWith("empathy first")));
    }

    @Test
    void asksForTheOrderNumberWhenTheCategoryNeedsOneAndNoneWasFound() {
        Ticket t = ticket("Return", "How do I get a return label?", null);
        Draft without = DRAFTING.draft(t, TestData.triage("en", "returns"));
        assertTrue(without.questions().stream().anyMatch(q -> q.contains("order number")), without.questions().toString());
        assertTrue(without.body().contains("- your order number"), without.body());
        Entity order = new Entity(EntityType.ORDER_NUMBER, "NW-123456", "NW-123456", 0, 9);
        Draft with = DRAFTING.draft(t, TestData.triage("en", "returns", StyleProfile.UNKNOWN, Sentiment.NEUTRAL,
                List.of(order)));
        assertFalse(with.questions().stream().anyMatch(q -> q.contains("order number")), with.questions().toString());
        Draft otherCategory = DRAFTING.draft(ticket("Password", "forgot password reset link", null),
                TestData.triage("en", "account"));
        assertTrue(otherCategory.questions().isEmpty());
    }

    @Test
    void ticketInALanguageWithoutArticlesIsMarkedForAHumanAndNotSwitched() {
        Draft d = DRAFTING.draft(ticket("Mot de passe", "J'ai oublié mon mot de passe", "Claire Martin"),
                TestData.triage("fr", "account"));
        assertEquals("fr", d.language());
        assertTrue(d.requiresApproval());
        assertTrue(d.approvalReasons().get(0).contains("'fr'"), d.approvalReasons().toString());
        assertTrue(d.approvalReasons().get(0).contains("language not switched"));
        assertTrue(d.body().isEmpty(), "no German or English text for a French customer: " + d.body());
        assertTrue(d.citations().isEmpty());
    }

    @Test
    void languageWithTemplatesButNoArticlesSaysSoInThatLanguage() {
        KnowledgeBase englishOnly = dev.deskassist.core.draft.kb.KnowledgeBaseLoader.withClock(TestData.CLOCK)
                .load(Map.of("en.md", TestData.sources().get("en/password.md")));
        OfflineDrafting drafting = OfflineDrafting.builder(LuceneKnowledgeRetriever.of(englishOnly)).build();
        Draft d = drafting.draft(ticket("Passwort", "Passwort vergessen", null), TestData.triage("de", "account"));
        assertEquals("de", d.language());
        assertTrue(d.requiresApproval());
        assertTrue(d.body().contains("kein geprüfter Hilfeartikel"), d.body());
        assertTrue(d.citations().isEmpty());
        assertFalse(d.body().contains("password"), d.body());
    }

    @Test
    void aConfiguredFallbackLanguageIsUsedOnlyWithAClearFlag() {
        OfflineDrafting withFallback = OfflineDrafting.builder(RETRIEVER).fallbackLanguage("en").build();
        Draft d = withFallback.draft(ticket("Password", "forgot password reset link", null),
                TestData.triage("fr", "account"));
        assertEquals("en", d.language());
        assertTrue(d.requiresApproval());
        assertTrue(d.approvalReasons().stream().anyMatch(r -> r.contains("fallback language 'en'") && r.contains("'fr'")),
                d.approvalReasons().toString());
    }

    @Test
    void emptyKnowledgeBaseGivesADraftThatSaysSo() {
        OfflineDrafting drafting = OfflineDrafting.builder(LuceneKnowledgeRetriever.of(KnowledgeBase.empty())).build();
        Draft d = drafting.draft(ticket("Help", "I forgot my password", null), TestData.triage("en", "account"));
        assertTrue(d.requiresApproval());
        assertTrue(d.body().contains("We do not have a reviewed help article"), d.body());
        assertEquals(0.0, d.confidence());
    }

    @Test
    void unconfidentRetrievalAsksInsteadOfGuessing() {
        Draft d = DRAFTING.draft(ticket("Question", "Can you tell me the capital of Australia and the football scores?", null),
                TestData.triage("en", null));
        assertTrue(d.requiresApproval());
        assertTrue(d.approvalReasons().stream().anyMatch(r -> r.startsWith("retrieval not confident")));
        assertTrue(d.citations().isEmpty());
        assertTrue(d.questions().stream().anyMatch(q -> q.contains("short description")));
        assertFalse(d.body().contains("[1]"));
    }

    @Test
    void expiredAndUnapprovedArticlesAreNeverCited() {
        for (String text : List.of("Weihnachtsgeschenke Sonderfrist Weihnachtsrückgabe", "Sofortgeld garantiert erstattet")) {
            Draft d = DRAFTING.draft(ticket("Frage", text, null), TestData.triage("de", "refund"));
            for (Citation c : d.citations()) {
                assertTrue(KB.isCitable(c.articleId()), c.articleId());
            }
            assertFalse(d.body().contains("Sofortgeld"), d.body());
            assertFalse(d.body().contains("Weihnachtsgeschenke Sonderfrist:"), d.body());
        }
    }

    @Test
    void disclosureIsSetOnceEvenWhenATemplateAlreadyContainsIt(@TempDir Path dir) throws IOException {
        String line = AiDisclosure.defaults().reviewed("en");
        Files.writeString(dir.resolve("replies_en.properties"),
                "formal.closing = Kind regards,\\nYour Support Team\\n\\n" + line + "\n", StandardCharsets.UTF_8);
        OfflineDrafting drafting = OfflineDrafting.builder(RETRIEVER).templates(ReplyTemplates.withOverrides(dir)).build();
        Draft d = drafting.draft(ticket("Password", "forgot password reset link", null), TestData.triage("en", "account"));
        assertEquals(line, d.disclosure());
        assertEquals(0, count(d.body(), line), d.body());
        assertEquals(1, count(d.fullText(), line), d.fullText());
        assertTrue(d.fullText().endsWith(line));
    }

    @Test
    void guardrailsRunInsideTheDrafterAndFlagApprovalCategories() {
        OfflineDrafting guarded = OfflineDrafting.builder(RETRIEVER)
                .guardrails(PolicyGuardrails.builder(GuardrailPolicy.defaults()).citable(KB::isCitable).build())
                .build();
        Draft refund = guarded.draft(ticket("Refund", "When will my refund arrive after the return?", null),
                TestData.triage("en", "refund"));
        assertTrue(refund.requiresApproval());
        assertTrue(refund.approvalReasons().contains("category 'refund' always needs approval"), refund.approvalReasons().toString());
        Draft password = guarded.draft(ticket("Password", "I forgot my password, the reset link email", null),
                TestData.triage("en", "account"));
        assertFalse(password.requiresApproval(), password.approvalReasons().toString());
        assertEquals(1, count(password.fullText(), AiDisclosure.defaults().reviewed("en")));
    }

    @Test
    void missingTemplateKeyIsATypedErrorNamingLanguageToneAndKey() {
        Map<String, String> de = new HashMap<>();
        for (String k : ReplyTemplates.REQUIRED_KEYS) {
            de.put(k, "x");
        }
        de.remove("closing");
        de.put("formal.closing", "Mit freundlichen Grüßen");
        TemplateException e = assertThrows(TemplateException.class, () -> ReplyTemplates.of(Map.of("de", de)));
        assertEquals("de", e.language());
        assertEquals(Tone.INFORMAL, e.tone());
        assertEquals("closing", e.key());
        assertTrue(e.getMessage().contains("de/informal/closing"), e.getMessage());
        TemplateException q = assertThrows(TemplateException.class, () -> OfflineDrafting.builder(RETRIEVER)
                .requireEntity("delivery", EntityType.TRACKING_NUMBER).build());
        assertEquals("question.tracking_number", q.key());
    }

    @Test
    void topicDropsReplyPrefixesAndIsBounded() {
        assertEquals("Lieferung", OfflineDrafting.topic("AW: Re: Lieferung"));
        assertTrue(OfflineDrafting.topic("word ".repeat(100)).length() <= 92);
        assertEquals("", OfflineDrafting.topic(""));
    }

    @Test
    void hugeTicketTextIsDraftedWithBoundedWork() {
        StringBuilder sb = new StringBuilder("I forgot my password and the reset link email never came. ");
        while (sb.length() < 1_000_000) {
            sb.append("Some more rambling text about my day and other things. ");
        }
        Draft d = DRAFTING.draft(ticket("Password", sb.toString(), null), TestData.triage("en", "account"));
        assertEquals("en-password", d.citations().get(0).articleId());
        assertTrue(d.body().length() < 5_000, "the draft does not echo the ticket: " + d.body().length());
    }

    @Test
    void unknownLanguageIsMarkedForAHuman() {
        TriageResult t = TestData.triage(TriageResult.UNKNOWN_LANGUAGE, null);
        Draft d = DRAFTING.draft(ticket("?", "???", null), t);
        assertTrue(d.requiresApproval());
        assertEquals("und", d.language());
    }
}

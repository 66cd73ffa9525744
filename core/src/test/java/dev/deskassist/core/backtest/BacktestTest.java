package dev.deskassist.core.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.triage.IntentModel;
import dev.deskassist.core.triage.Sentiment;
import dev.deskassist.core.triage.StyleProfile;
import dev.deskassist.core.triage.Triage;
import dev.deskassist.core.triage.TriageResult;
import dev.deskassist.core.writeback.Output;
import dev.deskassist.core.writeback.OutputRule;
import dev.deskassist.core.writeback.WriteBackPolicy;
import dev.deskassist.core.writeback.WriteMode;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BacktestTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    /**
     * A triage that reads its answer from the subject ("billing 0.95"), or asks the trained model
     * when there is one; "boom" fails.
     */
    static Triage scripted(IntentModel model) {
        return ticket -> {
            if (ticket.subject().equals("boom")) {
                throw new IllegalStateException("scripted failure");
            }
            Decision<String> category;
            if (model != null) {
                IntentModel.ScoredLabel top = model.predict(ticket.customerText(1000)).get(0);
                category = Decision.of(top.label(), top.probability(), "model");
            } else {
                String[] p = ticket.subject().split(" ");
                category = Decision.of(p[0], Double.parseDouble(p[1]), "script");
            }
            return new TriageResult(Decision.of("en", 0.9, "test"), Decision.of(Sentiment.NEUTRAL, 0.5, "test"),
                    Decision.of(StyleProfile.UNKNOWN, 0.5, "test"), List.of(), category,
                    Decision.none("test", "no priority"), Decision.of("Billing", 0.9, "test"),
                    Decision.of(Boolean.FALSE, 0.9, "test"));
        };
    }

    static PipelineFactory factory(AtomicReference<IntentModel> seen) {
        return (model, clock) -> {
            if (seen != null) {
                seen.set(model);
            }
            return DeskAssist.builder().triage(scripted(model)).build();
        };
    }

    static HistoricalTicket ticket(String id, int day, String subject, String human) {
        return new HistoricalTicket(id, T0.plusSeconds(86_400L * day), subject, "text of " + id, "email",
                new HumanDecisions(human, null, Priority.NORMAL, null), null);
    }

    @Test
    void otherFieldsGetOverridesForTheCategoriesWhoseTicketsEarnedAnotherRule() {
        List<HistoricalTicket> tickets = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            boolean billing = i % 5 < 3;
            // the scripted triage routes every ticket to Billing: right for billing tickets, wrong for login ones
            tickets.add(new HistoricalTicket("t" + i, T0.plusSeconds(3600L * i), billing ? "billing 0.95" : "login 0.95",
                    "text", "email", new HumanDecisions(billing ? "billing" : "login", billing ? "Billing" : "Tech Support",
                    null, null), null));
        }
        BacktestResult r = Backtest.create(factory(null), BacktestSettings.builder().timeSplit(false).minSupport(30)
                .categories(Set.of("billing", "login")).build()).run(tickets, null);
        FieldReport group = r.field(BacktestField.GROUP);
        assertEquals(WriteMode.SUGGEST, group.recommendation().mode(), "60 % right overall");
        assertEquals(WriteMode.AUTO, group.byCategory().get("billing").mode());
        assertEquals(WriteMode.OFF, group.byCategory().get("login").mode());

        OutputRule rule = r.recommendedPolicy().rule(Output.GROUP);
        assertEquals(WriteMode.SUGGEST, rule.mode());
        assertEquals(WriteMode.AUTO, rule.forCategory("billing").mode());
        assertEquals(OutputRule.off(), rule.forCategory("login"));
        WriteBackPolicy reread = WriteBackPolicy.fromJson(PolicyFiles.toJson(r.recommendedPolicy()), "recommended");
        assertEquals(r.recommendedPolicy(), reread);
        assertTrue(r.toJson().toString().contains("\"byCategory\""));
        assertTrue(BacktestHtml.render(r).contains("all others"));
    }

    @Test
    void figuresAndTheRecommendedPolicyFollowTheAnswers() {
        List<HistoricalTicket> tickets = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            tickets.add(ticket("a" + i, i, "billing 0.95", "billing"));
        }
        for (int i = 0; i < 40; i++) {
            tickets.add(ticket("b" + i, 100 + i, "login 0.5", i < 20 ? "login" : "billing"));
        }
        WriteBackPolicy base = WriteBackPolicy.builder().publicReplyCategories(Set.of("billing", "login")).build();
        BacktestSettings settings = BacktestSettings.builder().timeSplit(false).minSupport(30).basePolicy(base).build();
        BacktestResult r = Backtest.create(factory(null), settings).run(tickets, null);

        FieldReport cat = r.field(BacktestField.CATEGORY);
        assertEquals(100, cat.labeled());
        assertEquals(0.8, cat.accuracy(), 1e-9);
        ThresholdPoint at90 = cat.at(0.9).orElseThrow();
        assertEquals(60, at90.covered());
        assertEquals(1.0, at90.precision(), 1e-9);
        assertEquals(0.6, at90.coverage(), 1e-9);
        assertEquals(0.8, cat.at(0.5).orElseThrow().precision(), 1e-9);
        assertEquals(WriteMode.AUTO, cat.recommendation().mode());
        assertEquals(0.51, cat.recommendation().threshold(), 1e-9, "the lowest threshold that meets 95 %");

        ValueReport login = cat.values().stream().filter(v -> v.value().equals("login")).findFirst().orElseThrow();
        assertEquals(20, login.humanCount());
        assertEquals(40, login.predictedCount());
        assertEquals(0.5, login.precision(), 1e-9);
        assertEquals(WriteMode.SUGGEST, login.recommendation().mode());

        assertEquals(WriteMode.SUGGEST, r.field(BacktestField.ESCALATION).recommendation().mode(),
                "no human escalation decisions: nothing to judge by");
        assertEquals(100, r.field(BacktestField.GROUP).unlabeled());
        FieldReport prio = r.field(BacktestField.PRIORITY);
        assertEquals(100, prio.abstained());
        assertEquals(WriteMode.OFF, prio.recommendation().mode());

        WriteBackPolicy rec = r.recommendedPolicy();
        // per category: billing's own answers were all right, login's only half
        assertEquals(OutputRule.auto(0.51).withCategory("billing", OutputRule.auto(0.0))
                .withCategory("login", OutputRule.suggest()), rec.rule(Output.CATEGORY));
        assertEquals(OutputRule.off(), rec.rule(Output.PRIORITY));
        assertEquals(Set.of("billing"), rec.publicReplyCategories(), "login did not earn AUTO");
        assertEquals(base.rule(Output.TAGS), rec.rule(Output.TAGS), "outputs not compared stay as they were");

        // the file is in the format the existing loader reads, and says the same
        String file = PolicyFiles.toJson(rec);
        assertEquals(rec, WriteBackPolicy.fromJson(file, "writeback-policy.recommended.json"));
        assertTrue(file.contains("\"login\":") && file.contains("\"categories\": {"), file);
        assertEquals(WriteMode.SUGGEST, rec.forCategory("login").rule(Output.CATEGORY).mode());

        // with the taxonomy's ids only: a category it does not know gets no override
        BacktestResult known = Backtest.create(factory(null), BacktestSettings.builder().timeSplit(false).minSupport(30)
                .basePolicy(base).categories(Set.of("Login")).build()).run(tickets, null);
        assertEquals(java.util.Map.of("Login", OutputRule.suggest()),
                known.recommendedPolicy().rule(Output.CATEGORY).categories(), "the taxonomy's spelling");

        // the base policy's category rule (AUTO >= 0.80) on the same tickets: only the confident 60
        ThresholdPoint now = r.underCurrentPolicy(BacktestField.CATEGORY).orElseThrow();
        assertEquals(60, now.covered());
        assertEquals(1.0, now.precision(), 1e-9);
        assertTrue(r.underCurrentPolicy(BacktestField.GROUP).isEmpty(), "group is SUGGEST in the base policy");

        JsonObject json = r.toJson();
        assertEquals(0.8, json.getJsonArray("fields").getJsonObject(0).getJsonNumber("accuracy").doubleValue(), 1e-9);
        assertEquals("AUTO", json.getJsonObject("recommendedPolicy").getJsonObject("outputs")
                .getJsonObject("category").getString("mode"));
        String text = BacktestText.render(r);
        assertTrue(text.contains("category"), text);
        assertFalse(json.toString().contains("text of"), "no ticket text in the result");
    }

    @Test
    void timeSplitTrainsOnlyOnOlderTickets() {
        List<HistoricalTicket> tickets = new ArrayList<>();
        String[] older = {"refund my money please", "my password does not work"};
        for (int i = 0; i < 40; i++) {
            tickets.add(new HistoricalTicket("o" + i, T0.plusSeconds(3600L * i), older[i % 2] + " " + i, "", null,
                    new HumanDecisions(i % 2 == 0 ? "refund" : "login", null, null, null), null));
        }
        for (int i = 0; i < 10; i++) {
            tickets.add(new HistoricalTicket("n" + i, T0.plusSeconds(86_400L * 30 + i), "parcel missing " + i, "", null,
                    new HumanDecisions("delivery", null, null, null), null));
        }
        AtomicReference<IntentModel> seen = new AtomicReference<>();
        BacktestSettings settings = BacktestSettings.builder().scoredFraction(0.2).minTrainingExamples(10).build();
        BacktestResult r = Backtest.create(factory(seen), settings).run(tickets, null);

        assertNotNull(seen.get());
        assertEquals(Set.of("refund", "login"), seen.get().labels(), "no label from the scored period");
        assertEquals(40, r.split().trainedOn());
        assertEquals(10, r.split().scored());
        assertEquals(T0.plusSeconds(86_400L * 30), r.split().cutoff());
        assertEquals(0.0, r.field(BacktestField.CATEGORY).accuracy(), 1e-9, "the new category cannot be known");
        assertEquals(10L, r.quality().unknownCategories().get("delivery"));
    }

    @Test
    void tooFewOlderLabelsFallBackToTheConfiguredModelAndSaySo() {
        List<HistoricalTicket> tickets = List.of(ticket("1", 1, "billing 0.9", "billing"),
                ticket("2", 2, "billing 0.9", "billing"), ticket("3", 3, "billing 0.9", "billing"));
        AtomicReference<IntentModel> seen = new AtomicReference<>();
        BacktestResult r = Backtest.create(factory(seen), BacktestSettings.defaults()).run(tickets, null);
        assertNull(seen.get());
        assertEquals("the configured model", r.split().model());
        assertTrue(r.quality().notes().stream().anyMatch(n -> n.contains("scored with the configured model")));
    }

    @Test
    void badInputIsCountedNotSkewed() {
        List<HistoricalTicket> tickets = new ArrayList<>();
        tickets.add(ticket("1", 5, "billing 0.9", "billing"));
        tickets.add(ticket("2", 3, "billing 0.9", "billing"));            // back in time
        tickets.add(ticket("1", 5, "billing 0.9", "login"));              // duplicate, the last copy wins
        tickets.add(new HistoricalTicket("3", null, "billing 0.9", "x", null, HumanDecisions.NONE, null));
        tickets.add(new HistoricalTicket("4", T0.plusSeconds(86_400L * 5), "", "", null, HumanDecisions.NONE, null));
        tickets.add(new HistoricalTicket("5", T0.plusSeconds(86_400L * 5 + 99), "billing 0.9", "x", null, HumanDecisions.NONE, null));
        tickets.add(ticket("6", 6, "boom", "billing"));
        tickets.add(ticket("7", 7, "refund 0.9", "Rückerstattung"));
        BacktestSettings settings = BacktestSettings.builder().scoredFraction(1.0).categories(Set.of("billing",
                "refund", "login")).build();
        BacktestResult r = Backtest.create(factory(null), settings).run(tickets, null);
        DataQuality q = r.quality();
        assertEquals(1, q.duplicates());
        assertEquals(1, q.outOfOrder());
        assertEquals(1, q.missingCreatedAt());
        assertEquals(1, q.withoutText());
        assertEquals(2, q.withoutAnyDecision());
        assertEquals(1, q.failed());
        assertEquals(1L, q.unknownCategories().get("Rückerstattung"));
        FieldReport cat = r.field(BacktestField.CATEGORY);
        // scored: 1 (login, wrong), 2 (right), 5 (no decision), 7 (unknown label, wrong); 6 failed
        assertEquals(3, cat.labeled());
        assertEquals(1, cat.correct());
        assertEquals(1, cat.unlabeled());
    }

    @Test
    void groupIdsThatWereNeverMappedAreFlagged() {
        List<HistoricalTicket> tickets = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tickets.add(new HistoricalTicket("g" + i, T0.plusSeconds(i), "billing 0.9", "x", null,
                    new HumanDecisions("billing", "98738", null, null), null));
        }
        BacktestResult r = Backtest.create(factory(null), BacktestSettings.builder().timeSplit(false).build())
                .run(tickets, null);
        assertEquals(0.0, r.field(BacktestField.GROUP).accuracy(), 1e-9);
        assertTrue(r.quality().notes().stream().anyMatch(n -> n.contains("98738") && n.contains("groupValues")),
                r.quality().notes().toString());
        assertFalse(r.quality().notes().stream().anyMatch(n -> n.contains("no category answer")));
    }
}

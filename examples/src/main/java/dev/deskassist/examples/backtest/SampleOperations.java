package dev.deskassist.examples.backtest;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.audit.DecisionRecord;
import dev.deskassist.core.audit.FeedbackRecord;
import dev.deskassist.core.audit.JsonLinesAuditSink;
import dev.deskassist.core.audit.OutcomeKind;
import dev.deskassist.core.audit.OutcomeRecord;
import dev.deskassist.core.audit.WriteOutcome;
import dev.deskassist.core.backtest.ReplayClock;
import dev.deskassist.core.backtest.ExportFormat;
import dev.deskassist.core.backtest.ExportMapping;
import dev.deskassist.core.backtest.ExportReader;
import dev.deskassist.core.backtest.HistoricalTicket;
import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.outcome.DraftFingerprint;
import dev.deskassist.core.outcome.OutcomeSettings;
import dev.deskassist.core.triage.IntentModel;
import dev.deskassist.core.triage.classify.Example;
import dev.deskassist.core.triage.classify.IntentTrainer;
import dev.deskassist.core.triage.classify.TrainerConfig;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.writeback.WriteBack;
import dev.deskassist.core.writeback.WriteBackPolicy;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Audit records for the Nordwind sample, as {@code serve} would have written them had the team
 * gone live on its history: the oldest 60 % of {@link NordwindHistory} train the intent model; the
 * next 25 % run through the offline engines in shadow mode (nothing written), the newest 15 % live
 * under the sample write-back policy (public replies off: the history holds no reopens to judge
 * them by). Outcomes compare what the plan wrote or would have written with what the agents of the
 * history decided, and the draft with the agent's first reply ({@link DraftFingerprint}), so the
 * figures are real comparisons. The history holds no agent verdicts; live tickets get a seeded
 * {@code da_bad} on half of those where the agent corrected a value we wrote and a {@code da_good}
 * on a tenth of those where the agent kept every value we wrote, which is stated wherever the
 * figures are shown.
 */
public final class SampleOperations {

    /** What was replayed and written. */
    public record Summary(int tickets, int trainedOn, int shadow, int live, long decisions, long outcomes,
                          long feedback, Path file) {
    }

    private static final String HELPDESK = "zendesk";
    private static final double TRAIN_SHARE = 0.60;
    private static final double SHADOW_SHARE = 0.25;

    private SampleOperations() {
    }

    /** Generates the history ({@code seed}, {@code size} tickets), replays it and writes the records to {@code file}. */
    public static Summary write(Path file, long seed, int size) throws IOException {
        StringWriter export = new StringWriter();
        NordwindHistory.of(seed, size).write(export);
        BacktestSetup sample = BacktestSetup.sample(Clock.systemUTC());
        ExportMapping mapping = ExportMapping.fromJson(NordwindHistory.MAPPING, "sample mapping",
                ExportFormat.ZENDESK_NDJSON).withKnownCategories(sample.categoryIds());
        List<HistoricalTicket> read = new ArrayList<>();
        ExportReader.of(ExportFormat.ZENDESK_NDJSON, mapping).read(new StringReader(export.toString()), read::add);
        // the export's noise (duplicates, lines out of order, empty tickets) is the backtest's subject, not this one's
        Set<String> seen = new HashSet<>();
        List<HistoricalTicket> tickets = read.stream().filter(t -> t.createdAt() != null && t.hasText())
                .filter(t -> seen.add(t.id())).sorted(Comparator.comparing(HistoricalTicket::createdAt)).toList();

        int train = (int) (tickets.size() * TRAIN_SHARE);
        int shadowEnd = train + (int) (tickets.size() * SHADOW_SHARE);
        Set<String> ids = new HashSet<>();
        sample.categoryIds().forEach(c -> ids.add(c.toLowerCase(Locale.ROOT)));
        List<Example> examples = new ArrayList<>();
        for (HistoricalTicket t : tickets.subList(0, train)) {
            String label = t.human().category();
            if (label != null && ids.contains(label.toLowerCase(Locale.ROOT))) {
                examples.add(new Example(t.asNewTicket().customerText(4_000), label));
            }
        }
        IntentModel model = new IntentTrainer(TrainerConfig.defaults())
                .train(TrainingData.of("Nordwind history before go-live", examples)).model();

        WriteBackPolicy policy = sample.writeBackPolicy().toBuilder().publicReplyCategories(Set.of()).build();
        BacktestSetup setup = new BacktestSetup(sample.taxonomy(), sample.priorityPolicy(), sample.guardrails(), policy,
                sample.configuredModel(), sample.knowledgeBase(), sample.sources());
        ReplayClock clock = new ReplayClock(tickets.isEmpty() ? Instant.EPOCH : tickets.get(0).createdAt());
        Random random = new Random(seed);
        OutcomeSettings judge = OutcomeSettings.defaults();
        long[] counts = new long[3];
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(file);
             DeskAssist assist = setup.factory().create(model, clock)) {
            for (int i = train; i < tickets.size(); i++) {
                HistoricalTicket t = tickets.get(i);
                boolean shadow = i < shadowEnd;
                clock.set(t.createdAt());
                AtomicReference<DecisionRecord> captured = new AtomicReference<>();
                Assistance a = assist.assist(t.asNewTicket(), captured::set);
                WriteBack plan = a.writeBack();
                DecisionRecord decision = captured.get().withOutcome(HELPDESK, shadow ? WriteOutcome.SHADOW
                        : plan.isEmpty() ? WriteOutcome.UNCHANGED : WriteOutcome.WRITTEN);
                sink.record(decision);
                counts[0]++;
                List<OutcomeRecord> outcomes = outcomes(t, a, decision, shadow, judge);
                outcomes.forEach(sink::outcome);
                counts[1] += outcomes.size();
                if (!shadow) {
                    verdict(t, decision, outcomes, random).ifPresent(f -> {
                        sink.feedback(f);
                        counts[2]++;
                    });
                }
            }
        }
        return new Summary(tickets.size(), train, shadowEnd - train, tickets.size() - shadowEnd, counts[0], counts[1],
                counts[2], file);
    }

    /** What the tracker would record once the agents' decisions of the history arrive. */
    private static List<OutcomeRecord> outcomes(HistoricalTicket t, Assistance a, DecisionRecord d, boolean shadow,
                                                OutcomeSettings judge) {
        String category = a.triage().category().hasValue() ? a.triage().category().value() : null;
        Instant at = t.createdAt();
        Map<String, String[]> planned = new LinkedHashMap<>(); // field -> ours, the agents'
        WriteBack plan = a.writeBack();
        var human = t.human();
        if (plan.priority() != null && human.priority() != null) {
            planned.put("priority", new String[] {plan.priority().name(), human.priority().name()});
        }
        if (plan.group() != null && human.group() != null) {
            planned.put("group", new String[] {plan.group(), human.group()});
        }
        String cat = plan.fields().get(WriteBack.Field.CATEGORY);
        if (cat != null && human.category() != null) {
            planned.put("category", new String[] {cat, human.category()});
        }
        String esc = plan.fields().get(WriteBack.Field.ESCALATION);
        if (esc != null && human.escalated() != null) {
            planned.put("escalation", new String[] {esc, human.escalated().toString()});
        }
        List<OutcomeRecord> out = new ArrayList<>();
        planned.forEach((field, v) -> {
            boolean same = v[0].strip().equalsIgnoreCase(v[1].strip());
            OutcomeKind kind = shadow ? same ? OutcomeKind.SHADOW_AGREED : OutcomeKind.SHADOW_DISAGREED
                    : same ? OutcomeKind.FIELD_KEPT : OutcomeKind.FIELD_CORRECTED;
            out.add(new OutcomeRecord(id(d, field), HELPDESK, t.id(), at, kind, d.recordId(), field, v[0], v[1],
                    category, d.decision(field).map(f -> f.confidence()).orElse(null), null, null, shadow));
        });
        if (plan.internalNote() != null && a.draft().isPresent()) {
            Draft draft = a.draft().get();
            out.add(new OutcomeRecord(id(d, "draft-offered"), HELPDESK, t.id(), at, OutcomeKind.DRAFT_OFFERED,
                    d.recordId(), "draft", null, null, category, draft.confidence(), null, null, shadow));
            if (t.firstAgentReply() != null) {
                double score = DraftFingerprint.of(draft.body()).similarity(DraftFingerprint.of(t.firstAgentReply()));
                OutcomeKind kind = score >= judge.draftUsed() ? OutcomeKind.DRAFT_USED
                        : score >= judge.draftEdited() ? OutcomeKind.DRAFT_EDITED : OutcomeKind.DRAFT_IGNORED;
                out.add(new OutcomeRecord(id(d, "draft"), HELPDESK, t.id(), at, kind, d.recordId(), "draft", null,
                        null, category, null, Math.round(score * 1000) / 1000.0, null, shadow));
            }
        }
        return out;
    }

    /** The seeded agent verdicts the class comment describes. */
    private static java.util.Optional<FeedbackRecord> verdict(HistoricalTicket t, DecisionRecord d,
                                                              List<OutcomeRecord> outcomes, Random random) {
        boolean corrected = outcomes.stream().anyMatch(o -> o.kind() == OutcomeKind.FIELD_CORRECTED);
        boolean kept = outcomes.stream().anyMatch(o -> o.kind() == OutcomeKind.FIELD_KEPT);
        String category = d.decision("category").map(f -> f.value()).orElse(null);
        double roll = random.nextDouble();
        String verdict = corrected ? roll < 0.5 ? FeedbackRecord.BAD : null
                : kept && roll < 0.1 ? FeedbackRecord.GOOD : null;
        return verdict == null ? java.util.Optional.empty() : java.util.Optional.of(new FeedbackRecord(
                id(d, "feedback"), HELPDESK, t.id(), t.createdAt(), verdict, "tag", category, d.recordId(), false));
    }

    private static String id(DecisionRecord d, String what) {
        return d.recordId() + ":" + what;
    }
}

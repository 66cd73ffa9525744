package dev.deskassist.core.backtest;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.audit.AuditSink;
import dev.deskassist.core.backtest.internal.FieldTally;
import dev.deskassist.core.backtest.internal.TextSimilarity;
import dev.deskassist.core.draft.Citation;
import dev.deskassist.core.draft.Draft;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.triage.IntentModel;
import dev.deskassist.core.triage.TriageResult;
import dev.deskassist.core.triage.classify.Example;
import dev.deskassist.core.triage.classify.IntentTrainer;
import dev.deskassist.core.triage.classify.TrainingData;
import dev.deskassist.core.triage.classify.TrainingDataException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the team's offline pipeline over historical tickets and compares every answer with what
 * the agents decided. Nothing can be written: the backtest holds no helpdesk client and only
 * calls {@link DeskAssist#assist(dev.deskassist.core.model.Ticket, AuditSink)} with a sink that
 * keeps nothing.
 *
 * <pre>{@code
 * Backtest backtest = Backtest.create(factory, BacktestSettings.defaults());
 * BacktestResult r = backtest.run(ExportReader.of(format, mapping), Path.of("tickets.json"));
 * }</pre>
 */
public final class Backtest {

    private static final Logger log = LoggerFactory.getLogger(Backtest.class);
    private static final int TRAIN_TEXT_CHARS = 4000;

    private final PipelineFactory factory;
    private final BacktestSettings settings;
    private final BacktestProgress progress;

    private Backtest(PipelineFactory factory, BacktestSettings settings, BacktestProgress progress) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    public static Backtest create(PipelineFactory factory, BacktestSettings settings) {
        return new Backtest(factory, settings, BacktestProgress.NONE);
    }

    /** The same backtest reporting its progress to {@code listener}. */
    public Backtest withProgress(BacktestProgress listener) {
        return new Backtest(factory, settings, listener);
    }

    public BacktestSettings settings() {
        return settings;
    }

    /** Reads the export (streamed) and runs over its tickets. */
    public BacktestResult run(ExportReader reader, Path export) {
        Collector c = new Collector();
        ReadSummary read = reader.read(export, t -> {
            c.accept(t);
            if (c.arrived % 1000 == 0) {
                progress.progress("read", c.arrived, -1);
            }
        });
        return run(c, read);
    }

    /** Runs over tickets already read; {@code read} is the summary of their reading (may be null). */
    public BacktestResult run(Iterable<HistoricalTicket> tickets, ReadSummary read) {
        Collector c = new Collector();
        tickets.forEach(c::accept);
        return run(c, read);
    }

    private BacktestResult run(Collector c, ReadSummary read) {
        List<String> notes = new ArrayList<>();
        Set<String> known = lower(settings.categories());
        long missingTime = 0;
        long withoutText = 0;
        long noDecision = 0;
        List<HistoricalTicket> timed = new ArrayList<>();
        List<HistoricalTicket> untimed = new ArrayList<>();
        for (HistoricalTicket t : c.byId.values()) {
            if (!t.hasText()) {
                withoutText++;
                continue;
            }
            if (t.human().isEmpty()) {
                noDecision++;
            }
            if (t.createdAt() == null) {
                missingTime++;
                untimed.add(t);
            } else {
                timed.add(t);
            }
        }
        timed.sort(Comparator.comparing(HistoricalTicket::createdAt).thenComparing(HistoricalTicket::id));
        if (withoutText > 0) {
            notes.add(withoutText + " tickets without subject or description were left out");
        }

        List<HistoricalTicket> training = List.of();
        List<HistoricalTicket> scored;
        if (settings.timeSplit()) {
            int n = timed.size();
            int nScored = n == 0 ? 0 : (int) Math.max(1, Math.round(n * settings.scoredFraction()));
            training = timed.subList(0, n - nScored);
            scored = timed.subList(n - nScored, n);
            if (missingTime > 0) {
                notes.add(missingTime + " tickets without a creation time cannot be placed before or after the split"
                        + " and were left out");
            }
        } else {
            scored = new ArrayList<>(timed);
            scored.addAll(untimed);
        }

        IntentModel model = null;
        String modelNote = "the configured model";
        if (settings.timeSplit()) {
            progress.progress("train", 0, training.size());
            List<Example> examples = new ArrayList<>();
            long untrainable = 0;
            for (HistoricalTicket t : training) {
                String label = t.human().category();
                if (label != null && !known.isEmpty() && !known.contains(label.toLowerCase(Locale.ROOT))) {
                    untrainable++;
                } else if (label != null) {
                    examples.add(new Example(t.asNewTicket().customerText(TRAIN_TEXT_CHARS), label));
                }
            }
            TrainingData data = TrainingData.of("tickets before the split", examples);
            if (examples.size() < settings.minTrainingExamples() || data.labels().size() < 2) {
                notes.add("only " + examples.size() + " labeled tickets before the split (at least "
                        + settings.minTrainingExamples() + " in two categories needed): scored with the configured"
                        + " model");
            } else {
                try {
                    model = new IntentTrainer(settings.trainer()).train(data).model();
                    modelNote = "trained on " + examples.size() + " labeled tickets before the split";
                } catch (TrainingDataException e) {
                    notes.add("training on the older tickets failed (" + e.getMessage() + "): scored with the"
                            + " configured model");
                }
            }
            if (untrainable > 0) {
                notes.add(untrainable + " older tickets were not trained on: their human category is not in the"
                        + " taxonomy");
            }
            progress.progress("train", training.size(), training.size());
        }

        Instant first = timed.isEmpty() ? null : timed.get(0).createdAt();
        Instant last = timed.isEmpty() ? null : timed.get(timed.size() - 1).createdAt();
        Instant cutoff = settings.timeSplit() && !scored.isEmpty() ? scored.get(0).createdAt() : null;
        SplitSummary split = new SplitSummary(settings.timeSplit(), settings.scoredFraction(), training.size(),
                scored.size(), cutoff, first, last, modelNote);

        Scoring s = score(scored, model, known);
        Map<String, Long> unknown = new TreeMap<>();
        if (s.knownLabels != null && !s.knownLabels.isEmpty()) {
            for (HistoricalTicket t : scored) {
                String cat = t.human().category();
                if (cat != null && !s.knownLabels.contains(cat.toLowerCase(Locale.ROOT))) {
                    unknown.merge(cat, 1L, Long::sum);
                }
            }
        }
        if (!unknown.isEmpty()) {
            notes.add(unknown.values().stream().mapToLong(Long::longValue).sum() + " scored tickets carry a human"
                    + " category the model does not know; they count as disagreements (map them with categoryValues)");
        }
        List<FieldReport> fields = new ArrayList<>();
        for (BacktestField f : BacktestField.values()) {
            FieldReport report = s.tallies.get(f).report(settings.precisionTarget(), settings.minSupport(),
                    settings.suggestFloor());
            Map<String, Recommendation> byCategory = new TreeMap<>();
            s.perCategory.getOrDefault(f, Map.of()).forEach((cat, t) -> byCategory.put(cat, t.report(
                    settings.precisionTarget(), settings.minSupport(), settings.suggestFloor()).recommendation()));
            report = report.withByCategory(byCategory);
            fields.add(report);
            mappingHint(report).ifPresent(notes::add);
        }
        DataQuality quality = new DataQuality(read == null ? new ReadSummary(null, c.arrived, c.arrived, 0, 0, false,
                null, Set.of(), 0, 0, List.of()) : read, c.duplicates, c.outOfOrder, settings.timeSplit() ? missingTime
                : 0, withoutText, noDecision, unknown, s.failed, notes);
        BacktestResult partial = new BacktestResult(settings.precisionTarget(), settings.minSupport(), split, quality,
                fields, s.draft(), s.languages(), settings.basePolicy(), settings.basePolicy());
        return partial.withRecommendedPolicy(PolicyRecommender.recommend(settings.basePolicy(), partial,
                settings.categories()));
    }

    /** A field whose human values the engine never gives looks like a mapping problem (ids instead of names). */
    private static java.util.Optional<String> mappingHint(FieldReport f) {
        if (f.labeled() == 0 || f.correct() > 0) {
            return java.util.Optional.empty();
        }
        List<String> human = f.values().stream().filter(v -> v.humanCount() > 0).map(ValueReport::value).limit(3)
                .toList();
        return java.util.Optional.of("no " + f.field().id() + " answer ever matched a human one (human values such as "
                + String.join(", ", human) + "): check the mapping, e.g. " + f.field().id() + "Values");
    }

    private Scoring score(List<HistoricalTicket> tickets, IntentModel model, Set<String> known) {
        ReplayClock clock = new ReplayClock(tickets.isEmpty() ? Instant.EPOCH : tickets.get(0).createdAt() == null
                ? Instant.EPOCH : tickets.get(0).createdAt());
        Scoring s = new Scoring();
        s.knownLabels = !known.isEmpty() ? known : model == null ? null : lower(model.labels());
        long total = tickets.size();
        progress.progress("score", 0, total);
        try (DeskAssist assist = factory.create(model, clock)) {
            long done = 0;
            for (HistoricalTicket t : tickets) {
                if (t.createdAt() != null) {
                    clock.set(t.createdAt());
                }
                Assistance a;
                try {
                    a = assist.assist(t.asNewTicket(), AuditSink.NONE);
                } catch (RuntimeException e) {
                    s.failed++;
                    log.warn("backtest: pipeline failed on ticket {}: {}", t.id(), e.getClass().getName());
                    continue;
                } finally {
                    done++;
                    if (done % 100 == 0 || done == total) {
                        progress.progress("score", done, total);
                    }
                }
                s.add(t, a);
            }
        }
        return s;
    }

    private static Set<String> lower(Set<String> labels) {
        Set<String> out = new java.util.HashSet<>();
        labels.forEach(l -> out.add(l.toLowerCase(Locale.ROOT)));
        return out;
    }

    /** Arrival-order bookkeeping: duplicates (last copy wins) and timestamps that go back. */
    private static final class Collector {
        final Map<String, HistoricalTicket> byId = new LinkedHashMap<>();
        long arrived;
        long duplicates;
        long outOfOrder;
        Instant previous;

        void accept(HistoricalTicket t) {
            arrived++;
            if (byId.put(t.id(), t) != null) {
                duplicates++;
            }
            if (t.createdAt() != null) {
                if (previous != null && t.createdAt().isBefore(previous)) {
                    outOfOrder++;
                }
                previous = t.createdAt();
            }
        }
    }

    /** The running tallies of the scored tickets. */
    private static final class Scoring {
        final Map<BacktestField, FieldTally> tallies = new EnumMap<>(BacktestField.class);
        /** Per field other than the category, per category the engine decided. */
        final Map<BacktestField, Map<String, FieldTally>> perCategory = new EnumMap<>(BacktestField.class);
        Set<String> knownLabels;
        long failed;
        long scored;
        long drafted;
        long withReply;
        final List<Double> similarities = new ArrayList<>();
        final long[] histogram = new long[10];
        long citing;
        long matched;
        final Map<String, double[]> byCategory = new TreeMap<>();
        final Map<String, long[]> languages = new TreeMap<>();

        Scoring() {
            for (BacktestField f : BacktestField.values()) {
                tallies.put(f, new FieldTally(f));
            }
        }

        void add(HistoricalTicket t, Assistance a) {
            scored++;
            TriageResult tr = a.triage();
            HumanDecisions h = t.human();
            String decided = tr.category().value();
            for (BacktestField f : BacktestField.values()) {
                Decision<?> d = decision(tr, f);
                String human = h.value(f).orElse(null);
                String predicted = d.hasValue() ? d.value().toString() : null;
                tallies.get(f).add(human, predicted, d.confidence());
                if (f != BacktestField.CATEGORY && decided != null) {
                    tally(f, decided).add(human, predicted, d.confidence());
                }
            }

            long[] lang = languages.computeIfAbsent(tr.languageCode(), k -> new long[3]);
            lang[0]++;
            if (h.category() != null) {
                lang[1]++;
                if (tr.category().hasValue() && tr.category().value().equalsIgnoreCase(h.category())) {
                    lang[2]++;
                }
            }

            Draft d = a.draftOrNull();
            if (d != null && !d.body().isBlank()) {
                drafted++;
            }
            String reply = t.firstAgentReply();
            if (reply != null) {
                withReply++;
            }
            if (d != null && !d.body().isBlank() && reply != null) {
                double sim = TextSimilarity.cosine(d.body(), reply);
                similarities.add(sim);
                histogram[Math.min(9, (int) (sim * 10))]++;
                String cat = h.category() != null ? h.category() : "(none)";
                double[] acc = byCategory.computeIfAbsent(cat, k -> new double[2]);
                acc[0] += sim;
                acc[1]++;
                if (!d.citations().isEmpty()) {
                    citing++;
                    if (cites(reply, d.citations())) {
                        matched++;
                    }
                }
            }
        }

        private static Decision<?> decision(TriageResult tr, BacktestField field) {
            return switch (field) {
                case CATEGORY -> tr.category();
                case GROUP -> tr.group();
                case PRIORITY -> tr.priority();
                case ESCALATION -> tr.escalation();
            };
        }

        private FieldTally tally(BacktestField field, String category) {
            return perCategory.computeIfAbsent(field, k -> new TreeMap<>())
                    .computeIfAbsent(category, k -> new FieldTally(field));
        }

        private static boolean cites(String reply, List<Citation> citations) {
            String r = reply.toLowerCase(Locale.ROOT);
            for (Citation c : citations) {
                for (String ref : new String[] {c.url(), c.articleId(), c.title()}) {
                    if (ref != null && ref.length() >= 4 && r.contains(ref.toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
            return false;
        }

        DraftReport draft() {
            double mean = similarities.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            List<Double> sorted = new ArrayList<>(similarities);
            sorted.sort(null);
            double median = sorted.isEmpty() ? Double.NaN : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            List<Long> hist = new ArrayList<>();
            for (long v : histogram) {
                hist.add(v);
            }
            Map<String, Double> cats = new TreeMap<>();
            byCategory.forEach((k, v) -> cats.put(k, v[0] / v[1]));
            return new DraftReport(scored, drafted, withReply, similarities.size(), mean, median, hist, citing, matched,
                    cats);
        }

        List<LanguageReport> languages() {
            List<LanguageReport> out = new ArrayList<>();
            languages.forEach((k, v) -> out.add(new LanguageReport(k, v[0], v[1], v[2])));
            return out;
        }
    }
}

package dev.deskassist.core.triage.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Labeled texts with where they came from and which rows were skipped. Rows with a blank text or
 * a blank label are skipped, not fatal: they are counted and their first line numbers kept, so a
 * caller can report them. Create with {@link TrainingDataReader} or {@link #of}.
 */
public final class TrainingData {

    private final String source;
    private final List<Example> examples;
    private final int skippedRows;
    private final List<Long> skippedLines;

    TrainingData(String source, List<Example> examples, int skippedRows, List<Long> skippedLines) {
        this.source = Objects.requireNonNull(source, "source");
        this.examples = List.copyOf(examples);
        this.skippedRows = skippedRows;
        this.skippedLines = List.copyOf(skippedLines);
    }

    /** Data built in code; {@code source} names it in error messages. */
    public static TrainingData of(String source, List<Example> examples) {
        return new TrainingData(source, examples, 0, List.of());
    }

    public String source() {
        return source;
    }

    public List<Example> examples() {
        return examples;
    }

    public int size() {
        return examples.size();
    }

    /** Distinct labels, sorted. */
    public SortedSet<String> labels() {
        SortedSet<String> labels = new TreeSet<>();
        examples.forEach(e -> labels.add(e.label()));
        return Collections.unmodifiableSortedSet(labels);
    }

    /** Rows skipped because their text or label was blank. */
    public int skippedRows() {
        return skippedRows;
    }

    /** Line numbers of the first skipped rows (at most 20). */
    public List<Long> skippedLines() {
        return skippedLines;
    }

    /**
     * At most {@code perLabel} examples of each label, drawn at random but deterministically for
     * the seed, in their original order; for few-shot experiments.
     */
    public TrainingData samplePerLabel(int perLabel, long seed) {
        if (perLabel < 1) {
            throw new IllegalArgumentException("perLabel must be at least 1, not " + perLabel);
        }
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            byLabel.computeIfAbsent(examples.get(i).label(), k -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        List<Integer> chosen = new ArrayList<>();
        for (String label : new TreeSet<>(byLabel.keySet())) {
            List<Integer> idx = new ArrayList<>(byLabel.get(label));
            Collections.shuffle(idx, random);
            chosen.addAll(idx.subList(0, Math.min(perLabel, idx.size())));
        }
        Collections.sort(chosen);
        List<Example> sample = new ArrayList<>(chosen.size());
        chosen.forEach(i -> sample.add(examples.get(i)));
        return new TrainingData(source + " (" + perLabel + " per label)", sample, 0, List.of());
    }

    /**
     * This data followed by {@code more}, e.g. a training file and the correction rows harvested
     * from agents ({@code train --with-corrections}); skipped rows are added up, skipped line
     * numbers kept for this data only (they would be ambiguous across files).
     */
    public TrainingData merge(TrainingData more) {
        Objects.requireNonNull(more, "more");
        List<Example> all = new ArrayList<>(examples.size() + more.examples.size());
        all.addAll(examples);
        all.addAll(more.examples);
        return new TrainingData(source + " + " + more.source, all, skippedRows + more.skippedRows, skippedLines);
    }

    @Override
    public String toString() {
        return "TrainingData[" + source + ", examples=" + examples.size() + ", labels=" + labels().size()
                + ", skipped=" + skippedRows + "]";
    }
}

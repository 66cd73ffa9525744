package dev.deskassist.core.writeback;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The policy for one output: its mode and, for {@link WriteMode#AUTO}, the confidence from
 * which a value is applied; below it the value is only suggested. {@code categories} optionally
 * overrides mode and threshold for tickets of a category (the category triage decided), for
 * example AUTO for {@code login} but only SUGGEST for {@code complaint-legal}; an override holds
 * no overrides of its own, and category ids match ignoring case.
 */
public record OutputRule(WriteMode mode, double autoThreshold, Map<String, OutputRule> categories) {

    public OutputRule {
        Objects.requireNonNull(mode, "mode");
        if (Double.isNaN(autoThreshold) || autoThreshold < 0.0 || autoThreshold > 1.0) {
            throw new IllegalArgumentException("autoThreshold must be in [0,1], was " + autoThreshold);
        }
        Map<String, OutputRule> copy = new LinkedHashMap<>();
        if (categories != null) {
            for (Map.Entry<String, OutputRule> e : categories.entrySet()) {
                String id = Objects.requireNonNull(e.getKey(), "category id").strip();
                OutputRule rule = Objects.requireNonNull(e.getValue(), "rule for category " + id);
                if (id.isEmpty()) {
                    throw new IllegalArgumentException("a category override needs a category id");
                }
                if (!rule.categories().isEmpty()) {
                    throw new IllegalArgumentException("the override for category " + id
                            + " has category overrides of its own");
                }
                if (copy.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(id))) {
                    throw new IllegalArgumentException("category " + id + " is overridden twice");
                }
                copy.put(id, rule);
            }
        }
        categories = java.util.Collections.unmodifiableMap(copy); // keeps the file's order for diffs
    }

    /** A rule without category overrides. */
    public OutputRule(WriteMode mode, double autoThreshold) {
        this(mode, autoThreshold, Map.of());
    }

    public static OutputRule off() {
        return new OutputRule(WriteMode.OFF, 1.0);
    }

    public static OutputRule suggest() {
        return new OutputRule(WriteMode.SUGGEST, 1.0);
    }

    /** Applied from {@code threshold} (inclusive), suggested below. */
    public static OutputRule auto(double threshold) {
        return new OutputRule(WriteMode.AUTO, threshold);
    }

    /** This rule with {@code rule} (mode and threshold) for tickets of {@code category}, replacing an earlier one. */
    public OutputRule withCategory(String category, OutputRule rule) {
        Map<String, OutputRule> next = new LinkedHashMap<>(categories);
        next.keySet().removeIf(k -> k.equalsIgnoreCase(Objects.requireNonNull(category, "category").strip()));
        next.put(category, rule);
        return new OutputRule(mode, autoThreshold, next);
    }

    /** This rule without its category overrides. */
    public OutputRule withoutCategories() {
        return categories.isEmpty() ? this : new OutputRule(mode, autoThreshold);
    }

    /**
     * The rule for tickets of {@code category}: its override when there is one, else this rule
     * (without overrides); {@code null} (no category decided) gives this rule.
     */
    public OutputRule forCategory(String category) {
        if (category != null && !categories.isEmpty()) {
            OutputRule exact = categories.get(category);
            if (exact != null) {
                return exact;
            }
            String lower = category.strip().toLowerCase(Locale.ROOT);
            for (Map.Entry<String, OutputRule> e : categories.entrySet()) {
                if (e.getKey().toLowerCase(Locale.ROOT).equals(lower)) {
                    return e.getValue();
                }
            }
        }
        return withoutCategories();
    }

    /** The mode that holds for a value with this confidence: AUTO only at or above the threshold. */
    public WriteMode effective(double confidence) {
        if (mode == WriteMode.AUTO && confidence < autoThreshold) {
            return WriteMode.SUGGEST;
        }
        return mode;
    }
}

package dev.deskassist.core.adapter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Collects configuration problems so that {@link HelpdeskConfig#validate()} reports all of them
 * at once: each {@link #check} reads one value and records, instead of throwing, what is wrong
 * with it, with the origin of its key filled in from the source.
 */
public final class ConfigChecks {

    private final ConfigSource source;
    private final List<ConfigProblem> problems = new ArrayList<>();

    public ConfigChecks(ConfigSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Reads a value (e.g. {@code this::baseUrl}); an {@link AdapterConfigException} becomes recorded problems. */
    public void check(Supplier<?> read) {
        try {
            read.get();
        } catch (AdapterConfigException e) {
            e.problems().forEach(this::add);
        }
    }

    public void add(ConfigProblem problem) {
        Objects.requireNonNull(problem, "problem");
        ConfigProblem p = problem.key() == null ? problem : problem.withOrigin(source.origin(problem.key()));
        if (!problems.contains(p)) {
            problems.add(p);
        }
    }

    public void addAll(Collection<ConfigProblem> all) {
        all.forEach(this::add);
    }

    public List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * The known name a misspelt one most likely means ({@code weigth} → {@code weight},
     * {@code base_url} → {@code baseUrl}), when one is close enough; the one suggestion helper for
     * every configuration format, properties and JSON files alike.
     */
    public static java.util.Optional<String> suggestion(String name, Collection<String> known) {
        return ConfigSources.closest(Objects.requireNonNull(name, "name"), known);
    }
}

package dev.deskassist.core.draft.kb;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A loaded knowledge base: every article that parsed (approved or not, valid or expired), the
 * load report, and the clock that judges expiry. Only {@link #citable()} articles may ever be
 * retrieved or cited. Immutable and thread-safe; an empty knowledge base is valid.
 */
public final class KnowledgeBase {

    private final Map<String, Article> byId;
    private final LoadReport report;
    private final Clock clock;

    KnowledgeBase(List<Article> articles, LoadReport report, Clock clock) {
        Map<String, Article> m = new LinkedHashMap<>();
        articles.forEach(a -> m.put(a.id(), a));
        this.byId = java.util.Collections.unmodifiableMap(m);
        this.report = report;
        this.clock = clock;
    }

    /** Loads every {@code .md} and {@code .json} file under a folder, judging expiry by the system clock. */
    public static KnowledgeBase load(Path folder) {
        return KnowledgeBaseLoader.withClock(Clock.systemDefaultZone()).load(folder);
    }

    /** A knowledge base without articles: retrieval returns nothing and drafts say so. */
    public static KnowledgeBase empty() {
        return new KnowledgeBase(List.of(), new LoadReport(0, 0, 0, List.of()), Clock.systemDefaultZone());
    }

    /** Every loaded article in file order, including unapproved and expired ones. */
    public List<Article> articles() {
        return List.copyOf(byId.values());
    }

    /** The approved articles that are valid today (by this knowledge base's clock). */
    public List<Article> citable() {
        LocalDate today = today();
        return byId.values().stream().filter(a -> a.isCitable(today)).toList();
    }

    public Optional<Article> article(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** True only for an approved article that is valid today; unknown ids are not citable. */
    public boolean isCitable(String articleId) {
        Article a = byId.get(articleId);
        return a != null && a.isCitable(today());
    }

    /** Languages that have at least one citable article. */
    public Set<String> languages() {
        Set<String> out = new TreeSet<>();
        citable().forEach(a -> out.add(a.language()));
        return out;
    }

    public LoadReport report() {
        return report;
    }

    public Clock clock() {
        return clock;
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    public String toString() {
        return "KnowledgeBase[" + report.summary() + "]";
    }
}

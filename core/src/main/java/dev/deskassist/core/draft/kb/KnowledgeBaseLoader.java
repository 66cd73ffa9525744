package dev.deskassist.core.draft.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads knowledge-base articles and macros from Markdown files with front matter ({@code .md})
 * and JSON files ({@code .json}). A broken file is reported with its file and line in the
 * {@link LoadReport} and skipped; every other file still loads. Unapproved and expired articles
 * load (so the report can list them) but are never citable.
 *
 * <pre>{@code
 * KnowledgeBase kb = KnowledgeBaseLoader.withClock(Clock.systemUTC()).load(Path.of("kb"));
 * kb.report().problems().forEach(p -> log.warn("{}", p));
 * }</pre>
 */
public final class KnowledgeBaseLoader {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseLoader.class);

    /** Files above this size are rejected; no help article is a megabyte. */
    static final long MAX_FILE_BYTES = 1_000_000;

    private final Clock clock;

    private KnowledgeBaseLoader(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A loader that judges {@code valid_until} against this clock (inject a fixed one in tests). */
    public static KnowledgeBaseLoader withClock(Clock clock) {
        return new KnowledgeBaseLoader(clock);
    }

    /**
     * Loads every {@code .md}/{@code .json} file below {@code folder}, in path order.
     *
     * @throws KnowledgeBaseException when the folder does not exist or cannot be listed
     */
    public KnowledgeBase load(Path folder) {
        Objects.requireNonNull(folder, "folder");
        if (!Files.isDirectory(folder)) {
            throw new KnowledgeBaseException(folder.toString(), 0, "knowledge-base folder does not exist");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(Files::isRegularFile).filter(KnowledgeBaseLoader::isArticleFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new KnowledgeBaseException(folder.toString(), "cannot list knowledge-base folder", e);
        }
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        List<LoadProblem> unreadable = new ArrayList<>();
        for (Path f : files) {
            String name = folder.relativize(f).toString().replace('\\', '/');
            try {
                if (Files.size(f) > MAX_FILE_BYTES) {
                    unreadable.add(new LoadProblem(name, 0, LoadProblem.Kind.REJECTED,
                            "file larger than " + MAX_FILE_BYTES + " bytes"));
                    continue;
                }
                sources.put(name, decode(Files.readAllBytes(f)));
            } catch (CharacterCodingException e) {
                unreadable.add(new LoadProblem(name, 0, LoadProblem.Kind.REJECTED, "not valid UTF-8"));
            } catch (IOException e) {
                unreadable.add(new LoadProblem(name, 0, LoadProblem.Kind.REJECTED,
                        "cannot read: " + e.getClass().getSimpleName()));
            }
        }
        return load(sources, unreadable);
    }

    /**
     * Loads articles from named texts (name → content); the name's extension ({@code .md} or
     * {@code .json}) picks the format. Useful for knowledge bases shipped as classpath resources.
     */
    public KnowledgeBase load(Map<String, String> sources) {
        return load(sources, List.of());
    }

    private KnowledgeBase load(Map<String, String> sources, List<LoadProblem> earlier) {
        List<LoadProblem> problems = new ArrayList<>(earlier);
        List<Article> articles = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (Map.Entry<String, String> src : sources.entrySet()) {
            String name = src.getKey();
            List<RawEntry> entries;
            try {
                entries = name.toLowerCase(Locale.ROOT).endsWith(".json")
                        ? JsonEntries.parse(name, src.getValue())
                        : List.of(FrontMatter.parse(name, src.getValue()));
            } catch (KnowledgeBaseException e) {
                problems.add(new LoadProblem(name, e.line(), LoadProblem.Kind.REJECTED, e.reason()));
                continue;
            }
            for (RawEntry entry : entries) {
                Article a;
                try {
                    a = Articles.of(entry);
                } catch (KnowledgeBaseException e) {
                    problems.add(new LoadProblem(name, e.line(), LoadProblem.Kind.REJECTED, e.reason()));
                    continue;
                }
                String first = seen.putIfAbsent(a.id(), name);
                if (first != null) {
                    int line = entry.fields().get("id").line();
                    problems.add(new LoadProblem(name, line, LoadProblem.Kind.REJECTED,
                            "duplicate id '" + a.id() + "', first defined in " + first));
                    continue;
                }
                if (!a.approved()) {
                    problems.add(new LoadProblem(name, entry.fields().get("approved").line(),
                            LoadProblem.Kind.UNAPPROVED, "article '" + a.id() + "' is not approved; it is never cited"));
                } else if (a.isExpired(today)) {
                    problems.add(new LoadProblem(name, entry.fields().get("valid_until").line(),
                            LoadProblem.Kind.EXPIRED, "article '" + a.id() + "' expired on " + a.validUntil()
                            + "; it is never cited"));
                }
                articles.add(a);
            }
        }
        int citable = (int) articles.stream().filter(a -> a.isCitable(today)).count();
        LoadReport report = new LoadReport(sources.size() + earlier.size(), articles.size(), citable, problems);
        if (!report.isClean()) {
            log.warn("knowledge base loaded with problems: {}", report.summary());
        } else {
            log.info("knowledge base loaded: {}", report.summary());
        }
        return new KnowledgeBase(articles, report, clock);
    }

    private static boolean isArticleFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".md") || n.endsWith(".markdown") || n.endsWith(".json")) && !n.startsWith(".");
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }
}

package dev.deskassist.core.draft.kb;

import java.util.List;

/**
 * What loading a knowledge base found: how many files were read and articles loaded, and every
 * problem (rejected files with file and line, unapproved and expired articles).
 */
public record LoadReport(int filesRead, int articlesLoaded, int citableArticles, List<LoadProblem> problems) {

    public LoadReport {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** Problems of one kind, in file order. */
    public List<LoadProblem> problems(LoadProblem.Kind kind) {
        return problems.stream().filter(p -> p.kind() == kind).toList();
    }

    /** True when no file was rejected (unapproved and expired articles are not errors). */
    public boolean isClean() {
        return problems(LoadProblem.Kind.REJECTED).isEmpty();
    }

    /** One line for a log or a console. */
    public String summary() {
        return filesRead + " files, " + articlesLoaded + " articles loaded, " + citableArticles + " citable, "
                + problems(LoadProblem.Kind.REJECTED).size() + " rejected, "
                + problems(LoadProblem.Kind.UNAPPROVED).size() + " unapproved, "
                + problems(LoadProblem.Kind.EXPIRED).size() + " expired";
    }
}

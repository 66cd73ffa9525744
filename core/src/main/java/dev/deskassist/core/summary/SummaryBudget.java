package dev.deskassist.core.summary;

/**
 * How much a summary may say and how much of a conversation it reads: characters per part and
 * in total, the first and last turns considered, and the characters read from any one turn.
 * Bounding what is read keeps a thread of thousands of comments or a 1 MB comment cheap.
 */
public record SummaryBudget(int partChars, int totalChars, int headTurns, int tailTurns, int turnChars,
                            int maxTried, int maxQuestions) {

    /** 280 characters per part, 1,200 in total, first 20 and last 30 turns, 4,000 characters per turn. */
    public static final SummaryBudget DEFAULTS = new SummaryBudget(280, 1_200, 20, 30, 4_000, 3, 3);

    public SummaryBudget {
        if (partChars < 20) {
            throw new IllegalArgumentException("partChars must be at least 20, was " + partChars);
        }
        if (totalChars < partChars) {
            throw new IllegalArgumentException("totalChars (" + totalChars + ") must be at least partChars ("
                    + partChars + ")");
        }
        if (headTurns < 1 || tailTurns < 0) {
            throw new IllegalArgumentException("headTurns must be >= 1 and tailTurns >= 0");
        }
        if (turnChars < 100) {
            throw new IllegalArgumentException("turnChars must be at least 100, was " + turnChars);
        }
        if (maxTried < 0 || maxQuestions < 0) {
            throw new IllegalArgumentException("maxTried and maxQuestions must be >= 0");
        }
    }

    public SummaryBudget withPartChars(int n) {
        return new SummaryBudget(n, Math.max(n, totalChars), headTurns, tailTurns, turnChars, maxTried,
                maxQuestions);
    }

    public SummaryBudget withTotalChars(int n) {
        return new SummaryBudget(partChars, n, headTurns, tailTurns, turnChars, maxTried, maxQuestions);
    }

    public SummaryBudget withTurns(int head, int tail) {
        return new SummaryBudget(partChars, totalChars, head, tail, turnChars, maxTried, maxQuestions);
    }

    public SummaryBudget withTurnChars(int n) {
        return new SummaryBudget(partChars, totalChars, headTurns, tailTurns, n, maxTried, maxQuestions);
    }

    public SummaryBudget withMaxTried(int n) {
        return new SummaryBudget(partChars, totalChars, headTurns, tailTurns, turnChars, n, maxQuestions);
    }

    public SummaryBudget withMaxQuestions(int n) {
        return new SummaryBudget(partChars, totalChars, headTurns, tailTurns, turnChars, maxTried, n);
    }
}

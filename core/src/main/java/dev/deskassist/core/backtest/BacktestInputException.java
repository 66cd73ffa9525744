package dev.deskassist.core.backtest;

import dev.deskassist.core.DeskAssistException;

/**
 * An export or mapping the backtest cannot use at all (unreadable file, a mapping with an unknown
 * key). Problems in single records are counted in {@link ReadSummary} instead.
 */
public class BacktestInputException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    public BacktestInputException(String message) {
        super(message);
    }

    public BacktestInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

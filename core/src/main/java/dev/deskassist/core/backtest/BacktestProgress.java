package dev.deskassist.core.backtest;

/** Hears how far a backtest is: phase {@code read}, {@code train} or {@code score}, done of total (-1 when unknown). */
@FunctionalInterface
public interface BacktestProgress {

    BacktestProgress NONE = (phase, done, total) -> {
    };

    void progress(String phase, long done, long total);
}

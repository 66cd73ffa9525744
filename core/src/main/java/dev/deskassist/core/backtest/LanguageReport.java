package dev.deskassist.core.backtest;

/** The scored tickets in one detected language and how the category fared on them. */
public record LanguageReport(String language, long tickets, long categoryLabeled, long categoryCorrect) {

    public double categoryAccuracy() {
        return categoryLabeled == 0 ? Double.NaN : (double) categoryCorrect / categoryLabeled;
    }
}

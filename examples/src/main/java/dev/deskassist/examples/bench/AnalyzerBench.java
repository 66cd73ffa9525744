package dev.deskassist.examples.bench;

import dev.deskassist.core.triage.LanguageDetector;
import dev.deskassist.core.triage.SentimentAnalyzer;
import dev.deskassist.core.triage.StyleAnalyzer;
import dev.deskassist.core.triage.language.NgramLanguageDetector;
import dev.deskassist.core.triage.sentiment.LexiconSentimentAnalyzer;
import dev.deskassist.core.triage.style.RuleStyleAnalyzer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Single-thread throughput of the offline analyzers (language, sentiment, style) on about
 * 100-char and about 2 KB texts: a warm-up, then a timed loop per analyzer and size.
 * Run: {@code java -cp examples/target/deskassist.jar dev.deskassist.examples.bench.AnalyzerBench [seconds]}.
 */
public final class AnalyzerBench {

    private static final String[] SHORT = {
        "Wo ist mein Paket? Ich warte seit zwei Wochen und niemand antwortet auf meine E-Mails!!",
        "My card doesn't work at the checkout since this morning, please help me as soon as possible.",
        "Je n'arrive pas à me connecter à mon compte depuis hier soir, le mot de passe est refusé.",
        "Hola, me han cobrado dos veces el mismo pedido y necesito que me devuelvan el dinero ya.",
        "Buongiorno, la fattura di marzo è sbagliata, potete correggerla e mandarmela di nuovo?",
        "Hallo, ik kan niet meer inloggen in de app en ik heb geen e-mail ontvangen om te resetten.",
        "Olá, a minha encomenda chegou danificada e gostaria de saber como fazer a devolução.",
        "Dzień dobry, od tygodnia czekam na zwrot pieniędzy za anulowane zamówienie, co się dzieje?",
    };

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private AnalyzerBench() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        long t0 = System.nanoTime();
        LanguageDetector language = new NgramLanguageDetector();
        SentimentAnalyzer sentiment = LexiconSentimentAnalyzer.defaults();
        StyleAnalyzer style = new RuleStyleAnalyzer();
        System.out.printf(Locale.ROOT, "load (profiles + lexicons): %.0f ms%n", (System.nanoTime() - t0) / 1e6);

        String[] shortTexts = SHORT;
        String[] longTexts = new String[SHORT.length];
        for (int i = 0; i < SHORT.length; i++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 2048) {
                sb.append(SHORT[i]).append(" ");
            }
            longTexts[i] = sb.substring(0, 2048);
        }
        String[] langs = {"de", "en", "fr", "es", "it", "nl", "pt", "pl"};
        List<String[]> rows = new ArrayList<>();
        for (String[] texts : List.of(shortTexts, longTexts)) {
            String size = texts == shortTexts ? "~100 chars" : "2 KB";
            rows.add(run("language", size, texts, t -> language.detect(t).hasValue() ? 1 : 0, seconds));
            int[] k = {0};
            rows.add(run("sentiment", size, texts,
                    t -> sentiment.analyze(t, langs[k[0]++ & 7]).hasValue() ? 1 : 0, seconds));
            rows.add(run("style", size, texts, t -> style.analyze(t, langs[k[0]++ & 7]).hasValue() ? 1 : 0, seconds));
        }
        System.out.printf(Locale.ROOT, "%-10s %-11s %14s %10s%n", "analyzer", "text", "per CPU-second", "µs each");
        for (String[] r : rows) {
            System.out.printf(Locale.ROOT, "%-10s %-11s %14s %10s%n", (Object[]) r);
        }
    }

    private static String[] run(String name, String size, String[] texts, ToIntFunction<String> f, double seconds) {
        int sink = 0;
        // warm-up: let the JIT compile the hot path before measuring
        long warmEnd = CPU.getCurrentThreadCpuTime() + (long) (seconds * 0.5e9);
        int i = 0;
        while (CPU.getCurrentThreadCpuTime() < warmEnd) {
            sink += f.applyAsInt(texts[i++ % texts.length]);
        }
        // CPU time of this thread, not wall time: the figure is per core even on a busy machine
        long n = 0;
        long start = CPU.getCurrentThreadCpuTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            for (int j = 0; j < 256; j++) {
                sink += f.applyAsInt(texts[(int) (n++ % texts.length)]);
            }
            now = CPU.getCurrentThreadCpuTime();
        } while (now < end);
        double perSecond = n / ((now - start) / 1e9);
        if (sink == 42) {
            System.out.print("");
        }
        return new String[] {name, size, String.format(Locale.ROOT, "%,.0f", perSecond),
            String.format(Locale.ROOT, "%.2f", 1e6 / perSecond)};
    }
}

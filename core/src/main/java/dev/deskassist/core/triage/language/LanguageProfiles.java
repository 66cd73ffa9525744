package dev.deskassist.core.triage.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Character trigram, non-ASCII letter and word log-probabilities for each supported language, built once from the
 * corpus resources {@code dev/deskassist/core/triage/language/<code>.txt} (plain UTF-8 sentences,
 * {@code #} starts a comment line). Immutable after construction and shared by every detector.
 */
final class LanguageProfiles {

    /** The languages with a corpus resource, in a fixed order that indexes every table. */
    static final List<String> LANGUAGES = List.of("de", "en", "fr", "es", "it", "nl", "pt", "pl");

    /** A feature table packs one byte per language into a long. */
    static final int MAX_LANGUAGES = 8;

    static final int UNIGRAM = 0;
    static final int TRIGRAM = 1;
    static final int WORD = 2;
    private static final int ORDERS = 3;

    /** Add-alpha smoothing; small because the corpora are small and unseen features are common. */
    private static final double ALPHA = 0.5;

    private static final String RESOURCE_DIR = "/dev/deskassist/core/triage/language/";

    private static volatile LanguageProfiles defaults;

    final FeatureTable table;
    /** floor[order][lang]: quantized log-probability of a feature that language never saw. */
    final int[][] floor;
    final int languages;

    private LanguageProfiles(FeatureTable table, int[][] floor, int languages) {
        this.table = table;
        this.floor = floor;
        this.languages = languages;
    }

    /** The profiles built from the shipped corpora; built on first use, then shared. */
    static LanguageProfiles defaults() {
        LanguageProfiles p = defaults;
        if (p == null) {
            synchronized (LanguageProfiles.class) {
                p = defaults;
                if (p == null) {
                    p = build(LANGUAGES);
                    defaults = p;
                }
            }
        }
        return p;
    }

    static LanguageProfiles build(List<String> codes) {
        int n = codes.size();
        if (n > MAX_LANGUAGES) {
            throw new IllegalArgumentException("a feature table packs at most 8 languages");
        }
        @SuppressWarnings("unchecked")
        Map<Long, int[]>[] counts = new Map[ORDERS];
        for (int o = 0; o < ORDERS; o++) {
            counts[o] = new HashMap<>();
        }
        long[][] totals = new long[ORDERS][n];
        for (int l = 0; l < n; l++) {
            String text = read(codes.get(l));
            TextFeatures f = TextFeatures.of(text, text.length());
            char[] b = f.buf;
            int wordStart = -1;
            for (int i = 0; i < f.length; i++) {
                char c = b[i];
                if (c > 0x7f && c != TextFeatures.APOSTROPHE) {
                    count(counts[UNIGRAM], TextFeatures.unigram(c), l, n, totals[UNIGRAM]);
                }
                if (i >= 2) {
                    count(counts[TRIGRAM], TextFeatures.trigram(b[i - 2], b[i - 1], c), l, n, totals[TRIGRAM]);
                }
                if (TextFeatures.isWordChar(c)) {
                    if (wordStart < 0) {
                        wordStart = i;
                    }
                } else if (wordStart >= 0) {
                    int end = c == TextFeatures.APOSTROPHE ? i + 1 : i;
                    count(counts[WORD], TextFeatures.wordKey(b, wordStart, end), l, n, totals[WORD]);
                    wordStart = -1;
                }
            }
        }
        int size = 0;
        for (Map<Long, int[]> m : counts) {
            size += m.size();
        }
        FeatureTable table = new FeatureTable(size);
        int[][] floor = new int[ORDERS][MAX_LANGUAGES];
        int[] row = new int[n];
        for (int o = 0; o < ORDERS; o++) {
            int vocabulary = counts[o].size();
            double[] denominators = new double[n];
            for (int l = 0; l < n; l++) {
                denominators[l] = totals[o][l] + ALPHA * vocabulary;
                floor[o][l] = FeatureTable.quantize(Math.log(ALPHA / denominators[l]));
            }
            for (Map.Entry<Long, int[]> e : counts[o].entrySet()) {
                int[] c = e.getValue();
                for (int l = 0; l < n; l++) {
                    row[l] = FeatureTable.quantize(Math.log((c[l] + ALPHA) / denominators[l]));
                }
                table.put(e.getKey(), row);
            }
        }
        return new LanguageProfiles(table, floor, n);
    }

    private static void count(Map<Long, int[]> m, long key, int lang, int n, long[] totals) {
        m.computeIfAbsent(key, k -> new int[n])[lang]++;
        totals[lang]++;
    }

    private static String read(String code) {
        String name = RESOURCE_DIR + code + ".txt";
        try (InputStream in = LanguageProfiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new LanguageProfileException("language profile resource " + name + " not found on the class path");
            }
            StringBuilder sb = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.startsWith("#")) {
                        sb.append(line).append('\n');
                    }
                }
            }
            if (sb.length() < 500) {
                throw new LanguageProfileException("language profile resource " + name + " is too small to be useful ("
                        + sb.length() + " chars)");
            }
            return sb.toString();
        } catch (IOException e) {
            throw new LanguageProfileException("cannot read language profile resource " + name, e);
        }
    }
}

package dev.deskassist.core.triage.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Word and phrase lists that drive {@link LexiconSentimentAnalyzer}: polarity weights, negators,
 * intensifiers, frustration, urgency and repeated-contact phrases. Immutable; read from a text file
 * so that a team can extend it without code:
 *
 * <pre>
 * # comment
 * [polarity]
 * disappointed -2.2
 * enttäusch* -2.2      (trailing * = any word starting with "enttäusch")
 * doesn't work -1.5    (a phrase: every word but the last token is part of it)
 * [repeat]
 * third time 0.6
 * </pre>
 *
 * Sections and weight ranges are in {@link Section}. Every bad line is a {@link LexiconFormatException}
 * naming the source and line.
 */
public final class SentimentLexicon {

    /** What an entry means and which weights it accepts. */
    public enum Section {
        /** Positive or negative word, weight -3..3. */
        POLARITY(-3, 3),
        /** Flips the polarity of what follows within a short window; weight 1. */
        NEGATION(0, 1),
        /** Multiplies the next polarity word, weight 0.2..3 (below 1 softens). */
        INTENSIFIER(0.2, 3),
        /** Raises frustration, weight 0..1. */
        FRUSTRATION(0, 1),
        /** Raises urgency, weight 0..1. */
        URGENCY(0, 1),
        /** The customer has asked before ("third time", "schon wieder"): raises frustration, weight 0..1. */
        REPEAT(0, 1);

        final double min;
        final double max;

        Section(double min, double max) {
            this.min = min;
            this.max = max;
        }
    }

    /** One word or phrase; a token ending in {@code *} matches by prefix. */
    record Entry(Section section, String[] tokens, double weight, String text) {
        boolean matches(List<String> words, int at) {
            if (at + tokens.length > words.size()) {
                return false;
            }
            for (int i = 0; i < tokens.length; i++) {
                String t = tokens[i];
                String w = words.get(at + i);
                if (t.endsWith("*") ? !w.startsWith(t.substring(0, t.length() - 1)) : !w.equals(t)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Prefix entries are indexed by their first {@value #PREFIX_KEY} chars. */
    static final int PREFIX_KEY = 4;

    private static final Entry[] NO_ENTRIES = new Entry[0];

    private final List<Entry> entries;
    /** Entries of every section by exact first word, longest phrase first. */
    private final Map<String, Entry[]> exact;
    /** Entries whose first word is a prefix pattern, by its first {@value #PREFIX_KEY} chars. */
    private final Map<String, Entry[]> prefix;

    private SentimentLexicon(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, List<Entry>> ex = new HashMap<>();
        Map<String, List<Entry>> pre = new HashMap<>();
        for (Entry e : entries) {
            String first = e.tokens()[0];
            if (first.endsWith("*")) {
                pre.computeIfAbsent(first.substring(0, PREFIX_KEY), k -> new ArrayList<>()).add(e);
            } else {
                ex.computeIfAbsent(first, k -> new ArrayList<>()).add(e);
            }
        }
        this.exact = index(ex);
        this.prefix = index(pre);
    }

    private static Map<String, Entry[]> index(Map<String, List<Entry>> m) {
        Map<String, Entry[]> out = new HashMap<>(m.size() * 2);
        // longest phrases first, so that "not working" wins over "not"
        m.forEach((k, v) -> {
            v.sort((a, b) -> b.tokens().length - a.tokens().length);
            out.put(k, v.toArray(NO_ENTRIES));
        });
        return out;
    }

    /** An empty lexicon. */
    public static SentimentLexicon empty() {
        return new SentimentLexicon(List.of());
    }

    /** Reads a lexicon file (UTF-8). */
    public static SentimentLexicon load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        } catch (IOException e) {
            throw new LexiconFormatException(file.toString(), "cannot read lexicon", e);
        }
    }

    /** Reads a lexicon from the class path, e.g. {@code /dev/deskassist/core/triage/sentiment/de.lex}. */
    public static SentimentLexicon resource(String name) {
        try (InputStream in = SentimentLexicon.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new LexiconFormatException(name, 0, "lexicon resource not found on the class path");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new LexiconFormatException(name, "cannot read lexicon", e);
        }
    }

    /** Parses lexicon text; {@code source} names it in error messages. */
    public static SentimentLexicon parse(Reader reader, String source) throws IOException {
        List<Entry> entries = new ArrayList<>();
        BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        Section section = null;
        String line;
        int no = 0;
        while ((line = r.readLine()) != null) {
            no++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            if (s.startsWith("[")) {
                if (!s.endsWith("]")) {
                    throw new LexiconFormatException(source, no, "section header must look like [polarity]");
                }
                String name = s.substring(1, s.length() - 1).strip().toUpperCase(Locale.ROOT);
                try {
                    section = Section.valueOf(name);
                } catch (IllegalArgumentException e) {
                    throw new LexiconFormatException(source, no, "unknown section [" + name.toLowerCase(Locale.ROOT)
                            + "]; known: polarity, negation, intensifier, frustration, urgency, repeat");
                }
                continue;
            }
            if (section == null) {
                throw new LexiconFormatException(source, no, "entry before the first [section] header");
            }
            entries.add(entry(section, s, source, no));
        }
        return new SentimentLexicon(entries);
    }

    private static Entry entry(Section section, String s, String source, int no) {
        String[] parts = s.split("\\s+");
        if (parts.length < 2) {
            throw new LexiconFormatException(source, no, "expected a word or phrase followed by a weight");
        }
        double w;
        try {
            w = Double.parseDouble(parts[parts.length - 1]);
        } catch (NumberFormatException e) {
            throw new LexiconFormatException(source, no, "weight '" + parts[parts.length - 1] + "' is not a number");
        }
        if (Double.isNaN(w) || w < section.min || w > section.max) {
            throw new LexiconFormatException(source, no, "weight " + w + " is outside [" + section.min + ", "
                    + section.max + "] for section " + section.name().toLowerCase(Locale.ROOT));
        }
        // split phrases the way the analyzer splits text ("go-live" is "go live"); emoticons stay whole
        String phrase = String.join(" ", java.util.Arrays.copyOf(parts, parts.length - 1))
                .toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        boolean emoticon = phrase.startsWith(":") || !phrase.codePoints().anyMatch(Character::isLetterOrDigit);
        String[] tokens = emoticon ? phrase.split(" ") : phrase.split("[^\\p{L}\\p{N}'*]+");
        tokens = java.util.Arrays.stream(tokens).filter(t -> !t.isEmpty()).toArray(String[]::new);
        if (tokens.length == 0) {
            throw new LexiconFormatException(source, no, "entry has no word before the weight");
        }
        for (String t : tokens) {
            int star = t.indexOf('*');
            if (star >= 0 && (star != t.length() - 1 || star < PREFIX_KEY)) {
                throw new LexiconFormatException(source, no, "'*' may only end a word, after at least " + PREFIX_KEY
                        + " letters");
            }
        }
        String text = String.join(" ", tokens);
        return new Entry(section, tokens, w, text);
    }

    /** This lexicon plus {@code other}; on the same text both entries stay and the longer phrase wins first. */
    public SentimentLexicon merge(SentimentLexicon other) {
        List<Entry> all = new ArrayList<>(entries());
        all.addAll(other.entries());
        return new SentimentLexicon(all);
    }

    /** Number of entries. */
    public int size() {
        return entries.size();
    }

    List<Entry> entries() {
        return entries;
    }

    /** Every entry, of any section, that could start at a word: one or two hash probes. */
    Entry[] candidates(String word) {
        Entry[] ex = exact.get(word);
        Entry[] pre = word.length() >= PREFIX_KEY && !prefix.isEmpty() ? prefix.get(word.substring(0, PREFIX_KEY))
                : null;
        if (pre == null) {
            return ex == null ? NO_ENTRIES : ex;
        }
        if (ex == null) {
            return pre;
        }
        Entry[] both = java.util.Arrays.copyOf(ex, ex.length + pre.length);
        System.arraycopy(pre, 0, both, ex.length, pre.length);
        return both;
    }

    /** The longest entry of {@code section} among {@code candidates} that matches at {@code words[at]}, or null. */
    static Entry match(Section section, Entry[] candidates, List<String> words, int at) {
        for (Entry e : candidates) {
            if (e.section() == section && e.matches(words, at)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "SentimentLexicon[entries=" + entries.size() + "]";
    }
}

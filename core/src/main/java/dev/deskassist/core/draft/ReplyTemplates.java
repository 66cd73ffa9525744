package dev.deskassist.core.draft;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The wording of offline reply drafts, per language and {@link Tone}, read from UTF-8
 * properties files named {@code replies_<language>.properties}. A key is looked up as
 * {@code <tone>.<key>} first (e.g. {@code informal.greeting.named}), then as plain {@code <key>}
 * for wording both tones share. Placeholders are written {@code {name}}.
 *
 * <p>Defaults for German and English ship in the library; {@link #withOverrides(Path)} reads a
 * folder whose files replace keys of a language or add a language. Every language must define
 * every {@link #REQUIRED_KEYS required key} for both tones, checked when loading.
 */
public final class ReplyTemplates {

    /** Keys every language must define (per tone, or shared). */
    public static final List<String> REQUIRED_KEYS = List.of(
            "greeting.named", "greeting.anonymous", "empathy", "acknowledge", "acknowledge.notopic",
            "answer.intro", "steps.intro", "details.intro", "nextsteps", "questions.intro", "question.clarify",
            "question.order_number", "notconfident", "noarticle", "sources.heading", "closing");

    private static final String RESOURCE_DIR = "/dev/deskassist/core/draft/templates/";
    private static final List<String> BUILT_IN = List.of("de", "en");
    private static final Pattern FILE = Pattern.compile("replies_([a-z]{2,3})\\.properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z_]+)}");

    private final Map<String, Map<String, String>> byLanguage;

    private ReplyTemplates(Map<String, Map<String, String>> byLanguage) {
        Map<String, Map<String, String>> copy = new HashMap<>();
        byLanguage.forEach((l, m) -> copy.put(l, Map.copyOf(m)));
        this.byLanguage = Map.copyOf(copy);
        for (String lang : this.byLanguage.keySet()) {
            for (Tone t : Tone.values()) {
                for (String key : REQUIRED_KEYS) {
                    get(lang, t, key);
                }
            }
        }
    }

    /** The built-in German and English templates. */
    public static ReplyTemplates defaults() {
        Map<String, Map<String, String>> all = new HashMap<>();
        for (String lang : BUILT_IN) {
            String res = RESOURCE_DIR + "replies_" + lang + ".properties";
            try (InputStream in = ReplyTemplates.class.getResourceAsStream(res)) {
                if (in == null) {
                    throw new IllegalStateException("built-in template " + res + " missing from the jar");
                }
                all.put(lang, read(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read built-in template " + res, e);
            }
        }
        return new ReplyTemplates(all);
    }

    /**
     * The defaults with every {@code replies_<language>.properties} of {@code folder} laid over
     * them key by key (a new language must be complete).
     *
     * @throws TemplateException when a language misses a required key
     * @throws UncheckedIOException when the folder cannot be read
     */
    public static ReplyTemplates withOverrides(Path folder) {
        Map<String, Map<String, String>> all = new HashMap<>(defaults().byLanguage);
        all.replaceAll((l, m) -> new HashMap<>(m));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                Matcher m = FILE.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    all.computeIfAbsent(m.group(1), l -> new HashMap<>()).putAll(read(r));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reply templates from " + folder, e);
        }
        return new ReplyTemplates(all);
    }

    /** Templates given in code: language → (key → text). */
    public static ReplyTemplates of(Map<String, Map<String, String>> byLanguage) {
        return new ReplyTemplates(byLanguage);
    }

    /** Languages with complete templates. */
    public Set<String> languages() {
        return new TreeSet<>(byLanguage.keySet());
    }

    public boolean supports(String language) {
        return language != null && byLanguage.containsKey(language.toLowerCase(Locale.ROOT));
    }

    /**
     * The raw text for a key.
     *
     * @throws TemplateException naming language, tone and key when neither the tone's nor the shared key exists
     */
    public String get(String language, Tone tone, String key) {
        Map<String, String> m = byLanguage.get(language);
        if (m == null) {
            throw new TemplateException(language, tone, key, "no templates for this language (have " + languages() + ")");
        }
        String v = m.get(tone.key() + "." + key);
        if (v == null) {
            v = m.get(key);
        }
        if (v == null) {
            throw new TemplateException(language, tone, key, "key missing (define '" + tone.key() + "." + key
                    + "' or '" + key + "')");
        }
        return v;
    }

    /** The text for a key with {@code {placeholders}} filled in; unknown placeholders stay as written. */
    public String format(String language, Tone tone, String key, Map<String, String> values) {
        String t = get(language, tone, key);
        if (t.indexOf('{') < 0) {
            return t;
        }
        Matcher m = PLACEHOLDER.matcher(t);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Map<String, String> read(Reader r) throws IOException {
        Properties p = new Properties();
        p.load(r);
        Map<String, String> m = new HashMap<>();
        // "\n" in a value is a line break; properties files keep each value on one line
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }
}

package dev.deskassist.core.privacy;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of one ticket and the values they stand for, so that text coming back from a
 * model can be restored inside the process. The same value always gets the same placeholder
 * ({@code [EMAIL_1]}, {@code [NAME_2]}); numbering follows the order of first appearance, so
 * pseudonymizing the same ticket twice gives the same text. Not thread-safe while it is being
 * filled; read-only use afterwards is safe. {@code toString()} shows counts only.
 */
public final class PseudonymMap {

    /** Any placeholder this library writes: {@code [KIND_n]}. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\[(" + String.join("|", kindNames()) + ")_(\\d{1,4})]");

    private final Map<String, String> placeholderByKey = new HashMap<>();
    private final Map<String, String> valueByPlaceholder = new HashMap<>();
    private final Map<PiiKind, Integer> counters = new HashMap<>();

    PseudonymMap() {
    }

    private static String[] kindNames() {
        PiiKind[] kinds = PiiKind.values();
        String[] names = new String[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            names[i] = kinds[i].name();
        }
        return names;
    }

    /** The placeholder for a value, creating one on first sight. */
    String placeholder(PiiKind kind, String value) {
        String key = kind.name() + ":" + normalize(kind, value);
        String p = placeholderByKey.get(key);
        if (p == null) {
            int n = counters.merge(kind, 1, Integer::sum);
            p = "[" + kind.name() + "_" + n + "]";
            placeholderByKey.put(key, p);
            valueByPlaceholder.put(p, value);
        }
        return p;
    }

    /** True when the value already has a placeholder. */
    boolean knows(PiiKind kind, String value) {
        return placeholderByKey.containsKey(kind.name() + ":" + normalize(kind, value));
    }

    /** Every original value held, as first written. */
    Set<String> values() {
        return new LinkedHashSet<>(valueByPlaceholder.values());
    }

    static String normalize(PiiKind kind, String value) {
        StringBuilder sb = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (kind) {
                case PHONE, CARD -> {
                    if (c >= '0' && c <= '9' || c == '+') {
                        sb.append(c);
                    }
                }
                case IBAN, ORDER, INVOICE, CUSTOMER -> {
                    if (Character.isLetterOrDigit(c)) {
                        sb.append(Character.toUpperCase(c));
                    }
                }
                default -> {
                    if (Character.isWhitespace(c)) {
                        space = sb.length() > 0;
                    } else {
                        if (space) {
                            sb.append(' ');
                            space = false;
                        }
                        sb.append(Character.toLowerCase(c));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Replaces every known placeholder in {@code text} with its value; unknown ones stay as they are. */
    public String restore(String text) {
        if (text == null || text.indexOf('[') < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder(text.length() + 32);
        while (m.find()) {
            String v = valueByPlaceholder.get(m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Placeholders in {@code text} this map does not know (a model that invented {@code [NAME_9]}). */
    public Set<String> unknownPlaceholders(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!valueByPlaceholder.containsKey(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** Number of distinct values replaced. */
    public int size() {
        return valueByPlaceholder.size();
    }

    /** Number of distinct values of one kind. */
    public int count(PiiKind kind) {
        return counters.getOrDefault(kind, 0);
    }

    /** True when a value of this kind was found (e.g. payment data present). */
    public boolean has(PiiKind kind) {
        return count(kind) > 0;
    }

    @Override
    public String toString() {
        return "PseudonymMap[" + counters + "]";
    }
}

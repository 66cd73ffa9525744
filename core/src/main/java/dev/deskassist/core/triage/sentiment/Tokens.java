package dev.deskassist.core.triage.sentiment;

import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into lower-cased words, emoji and emoticons, with the clause each token belongs to
 * (so that a negation does not reach across a comma or full stop), which tokens were written in
 * capitals, and the counts of exclamation marks and capital letters. Mentions and URLs are skipped.
 */
final class Tokens {

    final List<String> words;
    final List<Integer> clauses;
    final List<Boolean> shouted;
    int exclamations;
    int letters;
    int upperLetters;
    int emoji;

    private Tokens(int expected) {
        words = new ArrayList<>(expected);
        clauses = new ArrayList<>(expected);
        shouted = new ArrayList<>(expected);
    }

    static Tokens of(String text, int maxChars) {
        int n = Math.min(text.length(), maxChars);
        Tokens t = new Tokens(n / 5 + 4);
        int clause = 0;
        StringBuilder word = new StringBuilder();
        int wordUpper = 0;
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (isLetterOrDigit(cp) || ((cp == '\'' || cp == '\u2019') && word.length() > 0)) {
                if (word.length() == 0 && (cp == 'h' || cp == 'w') && startsSkippable(text, i, n)) {
                    i = skipToSpace(text, i, n);
                    continue;
                }
                if (cp < 0x80) {
                    // ASCII answered inline, without the Unicode tables (nearly every character of a ticket)
                    if (cp >= 'A' && cp <= 'Z') {
                        t.letters++;
                        t.upperLetters++;
                        wordUpper++;
                        word.append((char) (cp | 0x20));
                    } else {
                        if (cp >= 'a' && cp <= 'z') {
                            t.letters++;
                        }
                        word.append((char) cp);
                    }
                    i += len;
                    continue;
                }
                if (Character.isLetter(cp)) {
                    t.letters++;
                    if (Character.isUpperCase(cp)) {
                        t.upperLetters++;
                        wordUpper++;
                    }
                }
                word.appendCodePoint(cp == '\u2019' ? '\'' : Character.toLowerCase(cp));
                i += len;
                continue;
            }
            t.flush(word, wordUpper, clause);
            wordUpper = 0;
            if (cp == '@') {
                i = skipToSpace(text, i, n);
                continue;
            }
            if ((cp == ':' || cp == ';' || cp == '=') && i + 1 < n) {
                String emoticon = emoticon(text, i, n);
                if (emoticon != null) {
                    t.add(emoticon, clause, false);
                    i += emoticon.length() + (text.charAt(i + 1) == '-' ? 1 : 0);
                    continue;
                }
            }
            if (isEmoji(cp)) {
                t.emoji++;
                t.add(new String(Character.toChars(cp)), clause, false);
            } else if (cp == '!') {
                t.exclamations++;
                clause++;
            } else if (cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '?' || cp == '\n' || cp == '('
                    || cp == ')') {
                clause++;
            }
            i += len;
        }
        t.flush(word, wordUpper, clause);
        return t;
    }

    private void flush(StringBuilder word, int upper, int clause) {
        if (word.length() == 0) {
            return;
        }
        int end = word.length();
        while (end > 0 && word.charAt(end - 1) == '\'') {
            end--;
        }
        if (end > 0) {
            add(word.substring(0, end), clause, end >= 3 && upper == end);
        }
        word.setLength(0);
    }

    private void add(String w, int clause, boolean caps) {
        words.add(w);
        clauses.add(clause);
        shouted.add(caps);
    }

    /**
     * {@link Character#isLetterOrDigit(int)} with ASCII answered inline: the general method
     * dispatches on the character's Unicode block per call, which showed in every triage profile.
     */
    private static boolean isLetterOrDigit(int c) {
        if (c < 0x80) {
            int lower = c | 0x20;
            return lower >= 'a' && lower <= 'z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean startsSkippable(String s, int i, int n) {
        return s.startsWith("http://", i) || s.startsWith("https://", i) || s.startsWith("www.", i);
    }

    private static int skipToSpace(String s, int i, int n) {
        while (i < n && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** ":)", ":-(", ":D", ";)", "=)" as a normalized ":x" token, or null. */
    private static String emoticon(String s, int i, int n) {
        int j = i + 1;
        if (j < n && s.charAt(j) == '-') {
            j++;
        }
        if (j >= n) {
            return null;
        }
        char c = s.charAt(j);
        boolean endOk = j + 1 >= n || !Character.isLetterOrDigit(s.charAt(j + 1));
        if (!endOk) {
            return null;
        }
        return switch (c) {
            case ')' -> ":)";
            case '(' -> ":(";
            case 'D' -> ":d";
            case '/' -> s.startsWith("//", j) ? null : ":/";
            default -> null;
        };
    }

    /** Pictographs and dingbats; skin-tone modifiers and variation selectors are not tokens of their own. */
    static boolean isEmoji(int cp) {
        if (cp >= 0x1F3FB && cp <= 0x1F3FF) {
            return false;
        }
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF);
    }

    int size() {
        return words.size();
    }
}

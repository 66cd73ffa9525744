package dev.deskassist.core.draft.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts an article body into passages along its structure: Markdown sections first, then
 * paragraphs, merged up to {@code maxChars}; an over-long paragraph is cut at sentence ends and,
 * as a last resort, hard. Retrieval ranks these pieces so that a citation points at the part of
 * an article that answers.
 */
final class PassageSplitter {

    /** One piece of an article: the heading of its section (may be empty) and its text. */
    record Chunk(String heading, String text) {
    }

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private final int maxChars;

    PassageSplitter(int maxChars) {
        if (maxChars < 80) {
            throw new IllegalArgumentException("maxChars must be at least 80");
        }
        this.maxChars = maxChars;
    }

    List<Chunk> split(String body) {
        List<Chunk> out = new ArrayList<>();
        String heading = "";
        List<String> paragraphs = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            var h = HEADING.matcher(line);
            if (h.matches()) {
                endParagraph(para, paragraphs);
                flushSection(heading, paragraphs, out);
                heading = h.group(1);
                continue;
            }
            if (line.isBlank()) {
                endParagraph(para, paragraphs);
            } else {
                if (para.length() > 0) {
                    para.append('\n');
                }
                para.append(line.strip());
            }
        }
        endParagraph(para, paragraphs);
        flushSection(heading, paragraphs, out);
        return out;
    }

    private static void endParagraph(StringBuilder para, List<String> paragraphs) {
        if (para.length() > 0) {
            paragraphs.add(para.toString());
            para.setLength(0);
        }
    }

    private void flushSection(String heading, List<String> paragraphs, List<Chunk> out) {
        StringBuilder cur = new StringBuilder();
        for (String p : paragraphs) {
            for (String piece : fit(p)) {
                if (cur.length() > 0 && cur.length() + 2 + piece.length() > maxChars) {
                    out.add(new Chunk(heading, cur.toString()));
                    cur.setLength(0);
                }
                if (cur.length() > 0) {
                    cur.append("\n\n");
                }
                cur.append(piece);
            }
        }
        if (cur.length() > 0) {
            out.add(new Chunk(heading, cur.toString()));
        }
        paragraphs.clear();
    }

    /** A paragraph as pieces no longer than maxChars, cut at sentence ends where possible. */
    private List<String> fit(String paragraph) {
        if (paragraph.length() <= maxChars) {
            return List.of(paragraph);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String sentence : SENTENCE_END.split(paragraph)) {
            String s = sentence;
            while (s.length() > maxChars) {
                if (cur.length() > 0) {
                    pieces.add(cur.toString());
                    cur.setLength(0);
                }
                int cut = s.lastIndexOf(' ', maxChars);
                cut = cut <= 0 ? maxChars : cut;
                pieces.add(s.substring(0, cut).strip());
                s = s.substring(cut).strip();
            }
            if (cur.length() > 0 && cur.length() + 1 + s.length() > maxChars) {
                pieces.add(cur.toString());
                cur.setLength(0);
            }
            if (cur.length() > 0) {
                cur.append(' ');
            }
            cur.append(s);
        }
        if (cur.length() > 0) {
            pieces.add(cur.toString());
        }
        return pieces;
    }
}

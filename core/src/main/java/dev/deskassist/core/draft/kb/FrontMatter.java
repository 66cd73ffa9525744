package dev.deskassist.core.draft.kb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader for the small front-matter dialect knowledge-base Markdown files use: a block
 * between two {@code ---} lines holding {@code key: value} pairs, inline lists {@code [a, b]} and
 * block lists of {@code - item} lines under a key with no value. Anything else is an error with
 * its line, because a lenient reader would quietly turn a typo into an approved article.
 */
final class FrontMatter {

    private static final Pattern KEY_VALUE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*:(.*)$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s+-\\s*(.*)$|^-\\s+(.*)$");

    private FrontMatter() {
    }

    /** Reads the front matter and the body of a Markdown file; throws with file and line on any error. */
    static RawEntry parse(String source, String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw new KnowledgeBaseException(source, 1, "missing front matter: the file must start with a '---' line");
        }
        Map<String, RawEntry.Field> fields = new LinkedHashMap<>();
        String listKey = null;
        int listLine = 0;
        List<String> listItems = null;
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.strip().equals("---")) {
                close = i;
                break;
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches()) {
                if (listItems == null) {
                    throw new KnowledgeBaseException(source, lineNo,
                            "list item without a key above it (write 'key:' on the line before)");
                }
                String v = unquote(item.group(1) != null ? item.group(1) : item.group(2), source, lineNo);
                if (v.isEmpty()) {
                    throw new KnowledgeBaseException(source, lineNo, "empty list item");
                }
                listItems.add(v);
                continue;
            }
            if (listItems != null) {
                put(fields, new RawEntry.Field(listKey, List.copyOf(listItems), listLine), source);
                listItems = null;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                throw new KnowledgeBaseException(source, lineNo, "unexpected indentation (nested values are not supported)");
            }
            Matcher kv = KEY_VALUE.matcher(line);
            if (!kv.matches()) {
                throw new KnowledgeBaseException(source, lineNo, "expected 'key: value'");
            }
            String key = kv.group(1).toLowerCase(java.util.Locale.ROOT);
            String raw = kv.group(2).strip();
            if (raw.isEmpty()) {
                listKey = key;
                listLine = lineNo;
                listItems = new ArrayList<>();
            } else if (raw.startsWith("[")) {
                put(fields, new RawEntry.Field(key, inlineList(raw, source, lineNo), lineNo), source);
            } else {
                put(fields, new RawEntry.Field(key, unquote(raw, source, lineNo), lineNo), source);
            }
        }
        if (close < 0) {
            throw new KnowledgeBaseException(source, 1, "front matter opened here is never closed with '---'");
        }
        if (listItems != null) {
            put(fields, new RawEntry.Field(listKey, List.copyOf(listItems), listLine), source);
        }
        StringBuilder body = new StringBuilder();
        for (int i = close + 1; i < lines.length; i++) {
            body.append(lines[i]).append('\n');
        }
        return new RawEntry(source, 1, fields, body.toString().strip(), close + 2);
    }

    private static void put(Map<String, RawEntry.Field> fields, RawEntry.Field f, String source) {
        if (fields.putIfAbsent(f.key(), f) != null) {
            throw new KnowledgeBaseException(source, f.line(), "duplicate key '" + f.key() + "'");
        }
    }

    private static List<String> inlineList(String raw, String source, int line) {
        if (!raw.endsWith("]")) {
            throw new KnowledgeBaseException(source, line, "inline list must end with ']'");
        }
        String inner = raw.substring(1, raw.length() - 1).strip();
        List<String> out = new ArrayList<>();
        if (inner.isEmpty()) {
            return out;
        }
        for (String part : inner.split(",", -1)) {
            String v = unquote(part.strip(), source, line);
            if (v.isEmpty()) {
                throw new KnowledgeBaseException(source, line, "empty element in inline list");
            }
            out.add(v);
        }
        return out;
    }

    private static String unquote(String raw, String source, int line) {
        String v = raw.strip();
        if (v.length() >= 1 && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
            char q = v.charAt(0);
            if (v.length() < 2 || v.charAt(v.length() - 1) != q) {
                throw new KnowledgeBaseException(source, line, "unterminated quoted value");
            }
            return v.substring(1, v.length() - 1);
        }
        if (v.startsWith("[") || v.startsWith("{")) {
            throw new KnowledgeBaseException(source, line, "nested lists or maps are not supported");
        }
        return v;
    }
}

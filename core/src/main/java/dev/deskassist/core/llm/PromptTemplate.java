package dev.deskassist.core.llm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned prompt: a text resource with a {@code # version: name-vN} header, a
 * {@code === system ===} section and a {@code === user ===} section, with {@code {{name}}}
 * variables. The version goes into every result's {@code decidedBy} and into the cache key, so
 * that a changed prompt never serves old answers. Built-in prompts live in
 * {@code dev/deskassist/core/llm/prompts/}.
 */
public final class PromptTemplate {

    private static final Pattern VAR = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final String BASE = "/dev/deskassist/core/llm/prompts/";

    /** A rendered prompt: system and user text. */
    public record Rendered(String system, String user) {
        @Override
        public String toString() {
            return "Rendered[system " + system.length() + " chars, user " + user.length() + " chars]";
        }
    }

    private final String source;
    private final String version;
    private final String system;
    private final String user;
    private final int systemLine;
    private final int userLine;

    private PromptTemplate(String source, String version, String system, int systemLine, String user, int userLine) {
        this.source = source;
        this.version = version;
        this.system = system;
        this.user = user;
        this.systemLine = systemLine;
        this.userLine = userLine;
    }

    /** Loads a built-in prompt by file name without extension, e.g. {@code "triage-v1"}. */
    public static PromptTemplate load(String name) {
        String path = BASE + name + ".txt";
        try (InputStream in = PromptTemplate.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new PromptException("prompt " + path + " not found on the classpath");
            }
            return parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PromptException("prompt " + path + " could not be read: " + e.getMessage());
        }
    }

    /** Parses template text; {@code source} names it in error messages. */
    public static PromptTemplate parse(String source, String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        String version = null;
        StringBuilder sys = null;
        StringBuilder usr = null;
        StringBuilder current = null;
        int sysLine = 0;
        int usrLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (current == null && l.startsWith("#")) {
                Matcher m = Pattern.compile("^#\\s*version:\\s*([A-Za-z0-9_.-]+)\\s*$").matcher(l);
                if (m.matches()) {
                    version = m.group(1);
                }
                continue;
            }
            if (l.strip().equals("=== system ===")) {
                sys = new StringBuilder();
                current = sys;
                sysLine = i + 2;
            } else if (l.strip().equals("=== user ===")) {
                usr = new StringBuilder();
                current = usr;
                usrLine = i + 2;
            } else if (current != null) {
                current.append(l).append('\n');
            } else if (!l.isBlank()) {
                throw new PromptException(source + ":" + (i + 1) + ": text before the first section");
            }
        }
        if (version == null) {
            throw new PromptException(source + ": missing '# version: <name>' header");
        }
        if (sys == null || usr == null) {
            throw new PromptException(source + ": needs both '=== system ===' and '=== user ===' sections");
        }
        return new PromptTemplate(source, version, sys.toString().strip(), sysLine, usr.toString().strip(), usrLine);
    }

    /** The version recorded with every answer, e.g. {@code triage-v1}. */
    public String version() {
        return version;
    }

    /** Fills the variables; a variable without a value is a {@link PromptException}. */
    public Rendered render(Map<String, String> vars) {
        return new Rendered(fill(system, systemLine, vars), fill(user, userLine, vars));
    }

    private String fill(String text, int firstLine, Map<String, String> vars) {
        Matcher m = VAR.matcher(text);
        StringBuilder sb = new StringBuilder(text.length() + 1024);
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) {
                int line = firstLine + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                throw new PromptException(source + ":" + line + ": no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Override
    public String toString() {
        return "PromptTemplate[" + version + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PromptTemplate p && p.version.equals(version) && p.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, source);
    }
}

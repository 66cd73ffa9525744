package dev.deskassist.examples.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code java} block in README.md and docs/*.md is compiled code: it names a region of the
 * examples' sources ({@code <!-- snippet: name -->} on the line above the block) and says exactly
 * what that region says, indentation aside.
 */
class DocSnippetsTest {

    private static final Pattern FENCE_JAVA = Pattern.compile("^\\s*```\\s*java\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FENCE = Pattern.compile("^\\s*```.*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*([a-z0-9-]+)\\s*-->\\s*$");
    private static final Pattern TAG = Pattern.compile("^\\s*//\\s*(tag|end)::([a-z0-9-]+)\\[\\]\\s*$");

    /** A Java block of a Markdown file: where it is, which region it names (null: none), its text. */
    record Block(String where, String region, String text) {
    }

    @Test
    void everyJavaBlockQuotesItsCompiledRegion() throws IOException {
        Path root = root();
        Map<String, String> regions = regions(root.resolve("examples/src/main/java"));
        List<Block> blocks = new ArrayList<>();
        blocks.addAll(blocks(root.resolve("README.md"), root));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            for (Path doc : (Iterable<Path>) docs.filter(p -> p.toString().endsWith(".md")).sorted()::iterator) {
                blocks.addAll(blocks(doc, root));
            }
        }
        assertTrue(blocks.size() >= 10, "found the docs' Java blocks: " + blocks.size());
        List<String> problems = new ArrayList<>();
        for (Block b : blocks) {
            if (b.region() == null) {
                problems.add(b.where() + ": a java block without <!-- snippet: name --> on the line above");
            } else if (!regions.containsKey(b.region())) {
                problems.add(b.where() + ": no region tag::" + b.region() + "[] in examples/src/main/java");
            } else if (!regions.get(b.region()).equals(b.text())) {
                problems.add(b.where() + ": differs from region " + b.region() + ":\n--- docs\n" + b.text()
                        + "\n--- code\n" + regions.get(b.region()));
            }
        }
        assertEquals("", String.join("\n\n", problems));
    }

    @Test
    void normalisingKeepsRelativeIndentationAndDropsOuterBlankLines() {
        assertEquals("a {\n    b;\n}", normalise(List.of("", "        a {", "            b;   ", "        }", "")));
        assertEquals("  x\ny", normalise(List.of("  x", "y")), "only the indentation all lines share goes");
    }

    @Test
    void aChangedBlockIsCaught(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path md = dir.resolve("page.md");
        Files.writeString(md, "text\n<!-- snippet: x -->\n```java\nint a = 1;\n```\n\n```java\nint b;\n```\n");
        List<Block> found = blocks(md, dir);
        assertEquals(List.of(new Block("page.md:3", "x", "int a = 1;"), new Block("page.md:7", null, "int b;")), found);
    }

    /** The worktree root: surefire runs in the examples module. */
    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("README.md")) && Files.isDirectory(here.resolve("docs")) ? here
                : here.getParent();
    }

    static Map<String, String> regions(Path sources) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                Map<String, List<String>> open = new LinkedHashMap<>();
                for (String line : lines) {
                    Matcher m = TAG.matcher(line);
                    if (m.matches()) {
                        if (m.group(1).equals("tag")) {
                            open.put(m.group(2), new ArrayList<>());
                        } else {
                            List<String> body = open.remove(m.group(2));
                            if (body == null) {
                                throw new AssertionError(f + ": end::" + m.group(2) + "[] without tag::");
                            }
                            if (out.put(m.group(2), normalise(body)) != null) {
                                throw new AssertionError("region " + m.group(2) + " is defined twice");
                            }
                        }
                        continue;   // tag lines of nested regions are not part of any region
                    }
                    open.values().forEach(body -> body.add(line));
                }
                if (!open.isEmpty()) {
                    throw new AssertionError(f + ": tag::" + open.keySet() + "[] never ended");
                }
            }
        }
        return out;
    }

    static List<Block> blocks(Path markdown, Path root) throws IOException {
        List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!FENCE_JAVA.matcher(lines.get(i)).matches()) {
                if (FENCE.matcher(lines.get(i)).matches()) {
                    // another language's block: skip to its end so its content is not read as fences
                    int j = i + 1;
                    while (j < lines.size() && !lines.get(j).strip().equals("```")) {
                        j++;
                    }
                    i = j;
                }
                continue;
            }
            Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1)) : null;
            String region = marker != null && marker.matches() ? marker.group(1) : null;
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            out.add(new Block(root.relativize(markdown) + ":" + (i + 1), region,
                    normalise(lines.subList(start, end))));
            i = end;
        }
        return out;
    }

    /** Without trailing spaces, outer blank lines and the indentation all lines share. */
    static String normalise(List<String> lines) {
        List<String> l = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!l.isEmpty() && l.get(0).isEmpty()) {
            l.remove(0);
        }
        while (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        int indent = l.stream().filter(s -> !s.isEmpty()).mapToInt(s -> s.length() - s.stripLeading().length())
                .min().orElse(0);
        return String.join("\n", l.stream().map(s -> s.isEmpty() ? s : s.substring(indent)).toList());
    }
}

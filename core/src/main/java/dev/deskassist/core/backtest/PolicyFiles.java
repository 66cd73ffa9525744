package dev.deskassist.core.backtest;

import dev.deskassist.core.writeback.Output;
import dev.deskassist.core.writeback.OutputRule;
import dev.deskassist.core.writeback.WriteBackPolicy;
import dev.deskassist.core.writeback.WriteMode;
import java.util.Locale;

/**
 * Writes a {@link WriteBackPolicy} in the file format {@link WriteBackPolicy#fromJson(String, String)}
 * reads (the sample {@code writeback-policy.json}), one output and one category override per line so
 * that a reviewer can diff it.
 */
public final class PolicyFiles {

    private PolicyFiles() {
    }

    public static String toJson(WriteBackPolicy p) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"tagPrefix\": ").append(quote(p.tagPrefix())).append(",\n");
        sb.append("  \"noteLanguage\": ").append(quote(p.noteLanguage())).append(",\n");
        sb.append("  \"internalNote\": ").append(p.internalNote()).append(",\n");
        sb.append("  \"allowLowerPriority\": ").append(p.allowLowerPriority()).append(",\n");
        sb.append("  \"outputs\": {\n");
        Output[] outputs = Output.values();
        for (int i = 0; i < outputs.length; i++) {
            OutputRule r = p.rule(outputs[i]);
            String name = outputs[i].name().toLowerCase(Locale.ROOT);
            sb.append("    ").append(String.format(Locale.ROOT, "%-14s", quote(name) + ":"));
            rule(sb, r);
            if (!r.categories().isEmpty()) {
                sb.setLength(sb.length() - 1); // reopen the rule for its overrides, one category per line
                sb.append(", \"categories\": {\n");
                int c = 0;
                for (var e : r.categories().entrySet()) {
                    sb.append(c++ > 0 ? ",\n" : "").append("      ").append(String.format(Locale.ROOT, "%-20s",
                            quote(e.getKey()) + ":"));
                    rule(sb, e.getValue());
                }
                sb.append("\n    }}");
            }
            sb.append(i + 1 < outputs.length ? ",\n" : "\n");
        }
        sb.append("  },\n");
        sb.append("  \"publicReply\": {\n    \"categories\": [");
        int k = 0;
        for (String c : new java.util.TreeSet<>(p.publicReplyCategories())) {
            sb.append(k++ > 0 ? ", " : "").append(quote(c));
        }
        sb.append("],\n");
        sb.append(String.format(Locale.ROOT, "    \"minCategoryConfidence\": %.2f\n", p.publicReplyMinCategoryConfidence()));
        sb.append("  }\n}\n");
        return sb.toString();
    }

    private static void rule(StringBuilder sb, OutputRule r) {
        sb.append("{\"mode\": ").append(quote(r.mode().name()));
        if (r.mode() == WriteMode.AUTO) {
            sb.append(String.format(Locale.ROOT, ", \"threshold\": %.2f", r.autoThreshold()));
        }
        sb.append('}');
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}

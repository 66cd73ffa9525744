package dev.deskassist.core.pipeline.internal;

/**
 * Checks how deeply a JSON body nests, on the raw bytes and before any parser sees it: a body of
 * thousands of opening brackets would otherwise exhaust a recursive parser's stack. Brackets inside
 * strings (escapes included) do not count. It does not validate JSON; the adapter's parser does.
 */
public final class JsonDepth {

    private JsonDepth() {
    }

    /** True when {@code body} opens more than {@code max} arrays or objects inside one another. */
    public static boolean exceeds(byte[] body, int max) {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (byte b : body) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '{', '[' -> {
                    if (++depth > max) {
                        return true;
                    }
                }
                case '}', ']' -> {
                    if (depth > 0) {
                        depth--;
                    }
                }
                default -> {
                    // multi-byte UTF-8 bytes are all >= 0x80 and never match the ASCII cases above
                }
            }
        }
        return false;
    }
}

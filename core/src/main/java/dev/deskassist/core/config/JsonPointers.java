package dev.deskassist.core.config;

import dev.deskassist.core.config.internal.LocatedJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Places problems found after parsing (a category id no taxonomy defines, a field no connection
 * maps) at the line and column of the value a JSON pointer names, so that checks across files
 * report places as exactly as the schema check does.
 */
public final class JsonPointers {

    private JsonPointers() {
    }

    /** A problem at the value {@code pointer} names in {@code json}; without line and column when there is none. */
    public static ConfigFileProblem problemAt(String json, String source, String pointer, String message) {
        LocatedJson.Node n = find(json, source, pointer);
        return n == null ? new ConfigFileProblem(source, 0, 0, pointer, message)
                : new ConfigFileProblem(source, n.line(), n.column(), pointer, message);
    }

    /** The string elements of the array at {@code pointer}: each element's pointer → its value, in order. */
    public static Map<String, String> strings(String json, String pointer) {
        Map<String, String> out = new LinkedHashMap<>();
        LocatedJson.Node n = find(json, "", pointer);
        if (n != null && n.kind() == LocatedJson.Kind.ARRAY) {
            for (LocatedJson.Node item : n.items()) {
                if (item.kind() == LocatedJson.Kind.STRING) {
                    out.put(item.pointer(), (String) item.scalar());
                }
            }
        }
        return out;
    }

    /** Whether {@code json} holds a value at {@code pointer}. */
    public static boolean exists(String json, String pointer) {
        return find(json, "", pointer) != null;
    }

    private static LocatedJson.Node find(String json, String source, String pointer) {
        if (json == null) {
            return null;
        }
        LocatedJson.Node n = LocatedJson.parse(json, source).root();
        if (n == null || pointer.isEmpty()) {
            return n;
        }
        for (String part : pointer.substring(1).split("/", -1)) {
            String key = part.replace("~1", "/").replace("~0", "~");
            if (n.kind() == LocatedJson.Kind.OBJECT) {
                LocatedJson.Member m = n.members().get(key);
                n = m == null ? null : m.value();
            } else if (n.kind() == LocatedJson.Kind.ARRAY && key.matches("[0-9]{1,9}")
                    && Integer.parseInt(key) < n.items().size()) {
                n = n.items().get(Integer.parseInt(key));
            } else {
                return null;
            }
            if (n == null) {
                return null;
            }
        }
        return n;
    }
}

package dev.deskassist.examples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Minimal {@code --name value} / {@code --flag} option parsing for the subcommands. */
public final class Args {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {
    }

    /** Parses args; names in {@code flagNames} take no value. */
    public static Args parse(List<String> args, Set<String> flagNames) {
        Args a = new Args();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.startsWith("--")) {
                String name = s.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    a.values.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (flagNames.contains(name)) {
                    a.flags.add(name);
                } else if (i + 1 < args.size()) {
                    a.values.put(name, args.get(++i));
                } else {
                    throw new UsageException("--" + name + " needs a value");
                }
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    public int intValue(String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, not " + v);
        }
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public List<String> positional() {
        return positional;
    }
}

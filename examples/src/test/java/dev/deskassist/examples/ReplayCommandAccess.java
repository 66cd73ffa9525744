package dev.deskassist.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs {@code replay} with settings from a map instead of a file and the environment (tests). */
public final class ReplayCommandAccess {

    private ReplayCommandAccess() {
    }

    public static int replay(Path file, Map<String, String> settings) throws Exception {
        return new ReplayCommand(settings::get).run(List.of("--dead-letter", file.toString()));
    }
}

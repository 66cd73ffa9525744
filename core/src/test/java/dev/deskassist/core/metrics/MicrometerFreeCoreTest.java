package dev.deskassist.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.pipeline.Pipeline;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Micrometer is optional: core works without it, and only this package may reference it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MicrometerFreeCoreTest {

    private static final byte[] MICROMETER = "io/micrometer/".getBytes(StandardCharsets.UTF_8);

    @Test
    void noClassOutsideTheMetricsPackageReferencesMicrometer() throws Exception {
        Path classes = Path.of(Pipeline.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        int inMetrics = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(f).toString().replace(File.separatorChar, '/');
                boolean refers = contains(Files.readAllBytes(f), MICROMETER);
                if (name.startsWith("dev/deskassist/core/metrics/")) {
                    inMetrics += refers ? 1 : 0;
                } else {
                    scanned++;
                    if (refers) {
                        offenders.add(name);
                    }
                }
            }
        }
        assertTrue(scanned > 100, "scanned core's classes in " + classes);
        assertTrue(inMetrics > 0, "the scan sees the references the metrics package does have");
        assertEquals(List.of(), offenders, "classes outside dev.deskassist.core.metrics that reference Micrometer");
    }

    @Test
    void aPipelineRunsWithoutMicrometerOnTheClassPath(@TempDir Path dir) throws Exception {
        List<URL> urls = new ArrayList<>();
        int dropped = 0;
        for (String entry : testClassPath()) {
            if (entry.contains("micrometer")) {
                dropped++;
                continue;
            }
            urls.add(Path.of(entry).toUri().toURL());
        }
        assertTrue(dropped > 0, "Micrometer was on the test class path and is left out");
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, isolated));
            Class<?> runner = Class.forName("dev.deskassist.core.pipeline.WithoutMicrometer", true, isolated);
            assertFalse(runner.getClassLoader() == getClass().getClassLoader(), "loaded in isolation");
            // JSON-B finds its provider through the context class loader, as in an application
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(isolated);
            try {
                Object result = runner.getMethod("run", Path.class).invoke(null, dir);
                assertEquals("ACCEPTED processed=1 calls=1", result);
            } finally {
                thread.setContextClassLoader(before);
            }
        }
    }

    /** Surefire's test class path (java.class.path may be a manifest-only jar). */
    private static List<String> testClassPath() throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> out = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isBlank() && Files.exists(Path.of(e))) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

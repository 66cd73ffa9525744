package dev.deskassist.examples.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code java -jar <jar> args...} as a child process of the test, on the test's own JVM binary:
 * collects its output (stdout and stderr merged) line by line, waits for a line or a listening
 * port, and ends it with SIGTERM ({@link #terminate}) or SIGKILL ({@link #kill}). Closing kills
 * whatever still runs, so a failed test leaves no process behind.
 *
 * <pre>{@code
 * try (ChildJvm serve = ChildJvm.jar(jar).args("serve").env("DESKASSIST_PORT", "18080").start()) {
 *     serve.awaitLine(l -> l.contains("listening"), Duration.ofSeconds(30));
 *     ...
 *     assertEquals(143, serve.terminate(Duration.ofSeconds(10)));
 * }
 * }</pre>
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread pump;

    private ChildJvm(Process process) {
        this.process = process;
        this.pump = new Thread(this::pump, "child-jvm-output-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    /** A builder for {@code java -jar jar}. */
    public static Builder jar(Path jar) {
        return new Builder(jar);
    }

    /** The {@code java} binary of the JVM running the tests. */
    public static Path javaBinary() {
        Path home = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(home)) {
            return home;
        }
        return ProcessHandle.current().info().command().map(Path::of)
                .orElseThrow(() -> new IllegalStateException("cannot find the java binary of this JVM"));
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the first output line (from the start) that matches; fails with the output so far. */
    public String awaitLine(Predicate<String> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (matching.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !pump.isAlive())) {
                    throw new AssertionError((process.isAlive() ? "no matching line within " + timeout
                            : "process ended (exit " + process.exitValue() + ") without a matching line")
                            + "; output:\n" + String.join("\n", lines));
                }
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
    }

    /** Waits until something accepts connections on {@code host:port}; fails if the process ends first. */
    public void awaitPort(String host, int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 500);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new AssertionError("process ended (exit " + process.exitValue() + ") before listening on "
                            + host + ":" + port + "; output:\n" + output());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("nothing listening on " + host + ":" + port + " within " + timeout
                            + "; output:\n" + output());
                }
                Thread.sleep(100);
            }
        }
    }

    /** Waits for the process to end by itself; its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process still running after " + timeout + "; output:\n" + output());
        }
        pump.join(5000);
        return process.exitValue();
    }

    /** SIGTERM (shutdown hooks run), then waits; the exit code (143 on a plain SIGTERM exit). */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    /** SIGKILL: no shutdown hook, no flush, as in a crash or an OOM kill; the exit code (137). */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return awaitExit(Duration.ofSeconds(30));
    }

    /** Everything printed so far, one line per line. */
    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Kills the process if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException closed) {
            // the process ended
        } finally {
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }

    /** Arguments, environment and working directory of a child JVM. */
    public static final class Builder {
        private final Path jar;
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new HashMap<>();
        private Path workDir;

        private Builder(Path jar) {
            this.jar = Objects.requireNonNull(jar, "jar");
        }

        /** Options for the JVM itself, before {@code -jar} (e.g. {@code -Xmx256m}). */
        public Builder jvmArgs(String... options) {
            jvmArgs.addAll(List.of(options));
            return this;
        }

        /** Program arguments after the jar. */
        public Builder args(String... arguments) {
            args.addAll(List.of(arguments));
            return this;
        }

        /** An environment variable added to (or replacing one of) the test's environment. */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Builder env(Map<String, String> variables) {
            env.putAll(variables);
            return this;
        }

        /** The child's working directory; the test's by default. */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        public ChildJvm start() {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " does not exist: run mvn verify (the jar is built in package)");
            }
            List<String> command = new ArrayList<>();
            command.add(javaBinary().toString());
            command.addAll(jvmArgs);
            command.add("-jar");
            command.add(jar.toAbsolutePath().toString());
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(env);
            Optional.ofNullable(workDir).map(Path::toFile).ifPresent(pb::directory);
            try {
                return new ChildJvm(pb.start());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + command, e);
            }
        }
    }
}

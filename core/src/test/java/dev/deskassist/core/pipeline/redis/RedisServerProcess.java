package dev.deskassist.core.pipeline.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} for tests, started as a child process on a free loopback port with
 * a temporary directory and an append-only file synced before every reply ({@code appendfsync
 * always}: with {@code everysec} a server whose disk is slow postpones the write and may answer
 * before it); {@link #restart()} keeps the directory, so what was acknowledged must come back. Without {@code redis-server} on the PATH (or in
 * {@code DESKASSIST_REDIS_SERVER}) the calling test is skipped with one line saying how to install it.
 */
public final class RedisServerProcess implements AutoCloseable {

    /** Why Redis tests are skipped, as JUnit reports it. */
    public static final String MISSING = "redis-server not found: Redis tests skipped "
            + "(install it with `apt-get install redis-server`, or set DESKASSIST_REDIS_SERVER to its path)";

    private final String binary;
    private final Path dir;
    private final List<String> extra;
    private int port;
    private Process process;

    private RedisServerProcess(String binary, Path dir, List<String> extra) {
        this.binary = binary;
        this.dir = dir;
        this.extra = extra;
    }

    /** Starts a server, or skips the test (JUnit assumption) when {@code redis-server} is missing. */
    public static RedisServerProcess start(String... extraArgs) {
        String binary = find();
        Assumptions.assumeTrue(binary != null, MISSING);
        try {
            RedisServerProcess p = new RedisServerProcess(binary, Files.createTempDirectory("deskassist-redis-"),
                    List.of(extraArgs));
            p.port = freePort();
            p.launch();
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server: " + e.getMessage(), e);
        }
    }

    /** Whether {@code redis-server} can be found. */
    public static boolean available() {
        return find() != null;
    }

    private static String find() {
        String env = System.getenv("DESKASSIST_REDIS_SERVER");
        if (env != null && Files.isExecutable(Path.of(env))) {
            return env;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, "redis-server");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        for (String d : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
            if (Files.isExecutable(Path.of(d, "redis-server"))) {
                return d + "/redis-server";
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void launch() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
                "--protected-mode", "no", "--enable-debug-command", "local",
                "--maxmemory-policy", "noeviction"));
        cmd.addAll(extra);
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + ": " + log());
            }
            if ("+PONG".equals(command("PING"))) {
                return;
            }
            sleep(20);
        }
        throw new IllegalStateException("redis-server did not answer PING within 10 s: " + log());
    }

    private String log() {
        try {
            String s = Files.readString(dir.resolve("redis.log"));
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Sends one inline command (e.g. {@code CONFIG SET maxmemory 1}) and returns the first reply line, or null. */
    public String command(String inline) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** Kills the server the hard way (SIGKILL): no shutdown save, only what the append-only file holds. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the server again on the same port and directory (after {@link #kill()}). */
    public void restart() {
        kill();
        try {
            launch();
        } catch (IOException e) {
            throw new IllegalStateException("cannot restart redis-server: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        kill();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}

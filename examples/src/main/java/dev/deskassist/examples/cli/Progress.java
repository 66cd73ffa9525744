package dev.deskassist.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows how far a long command has come, on standard error so that standard output stays
 * parseable. On a terminal ({@link System#console()} is not {@code null}) it redraws one line
 * with a bar and the estimated time left; otherwise (a pipe, a file, CI) it prints a plain line
 * at every tenth of the work and at least every ten seconds, so that logs stay readable.
 */
public final class Progress implements AutoCloseable {

    static final long PLAIN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long REDRAW_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int BAR = 24;

    private final String what;
    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final long start;
    private long total;
    private long done;
    private int lastTenth;
    private long lastPrinted;
    private int lastWidth;
    private boolean closed;
    private ScheduledExecutorService ticker;

    /**
     * @param what     what is running, the start of every line (for example {@code deskassist train})
     * @param total    units of work in the whole run
     * @param err      where to write; standard error in the program
     * @param terminal whether to redraw one line (a terminal) or print plain lines
     * @param nanos    the clock, {@link System#nanoTime()} in the program
     */
    public Progress(String what, long total, PrintWriter err, boolean terminal, LongSupplier nanos) {
        this.what = what;
        this.total = Math.max(1, total);
        this.err = err;
        this.terminal = terminal;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
        this.lastPrinted = start;
    }

    /** Progress on {@code err}, redrawn when this process has a terminal. */
    public static Progress start(String what, long total, PrintWriter err) {
        return new Progress(what, total, err, System.console() != null, System::nanoTime);
    }

    /**
     * Progress for work whose length is known only in time (benchmarks): moves on by itself once
     * a second towards {@code expectedNanos}, and stops short of the end until closed.
     */
    public static Progress timed(String what, long expectedNanos, PrintWriter err) {
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(expectedNanos));
        Progress p = start(what, millis, err);
        p.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "deskassist-progress");
            t.setDaemon(true);
            return t;
        });
        p.ticker.scheduleAtFixedRate(() -> p.update(Math.min(millis - 1,
                TimeUnit.NANOSECONDS.toMillis(p.nanos.getAsLong() - p.start))), 1, 1, TimeUnit.SECONDS);
        return p;
    }

    /** Changes the amount of work, when it becomes known only after the start. */
    public synchronized void total(long units) {
        total = Math.max(1, units);
    }

    /** One more unit done. */
    public void advance() {
        long next;
        synchronized (this) {
            next = done + 1;
        }
        update(next);
    }

    /** {@code units} of the total are done. */
    public synchronized void update(long units) {
        if (closed) {
            return;
        }
        done = Math.min(units, total);
        long now = nanos.getAsLong();
        int tenth = (int) (done * 10 / total);
        if (terminal) {
            if (now - lastPrinted >= REDRAW_EVERY_NANOS || done == total) {
                redraw(bar() + " " + percent() + eta(now));
                lastPrinted = now;
            }
        } else if ((tenth > lastTenth && tenth < 10) || now - lastPrinted >= PLAIN_EVERY_NANOS) {
            err.println(what + ": " + percent() + " (" + done + "/" + total + ")" + eta(now));
            err.flush();
            lastTenth = tenth;
            lastPrinted = now;
        }
    }

    /** Ends the display with how long the work took; nothing more is shown afterwards. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        String took = "took " + duration(nanos.getAsLong() - start);
        if (terminal) {
            redraw(took);
            err.println();
        } else {
            err.println(what + ": " + took);
        }
        err.flush();
    }

    private void redraw(String text) {
        String line = what + " " + text;
        // pad over the remains of a longer previous line
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        err.flush();
        lastWidth = line.length();
    }

    private String bar() {
        int filled = (int) (done * BAR / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
    }

    private String percent() {
        return String.format(Locale.ROOT, "%3d%%", done * 100 / total);
    }

    private String eta(long now) {
        if (done == 0 || done == total) {
            return "";
        }
        long elapsed = now - start;
        long left = (long) (elapsed * ((double) (total - done) / done));
        return ", about " + duration(left) + " left";
    }

    static String duration(long nanos) {
        long s = Math.round(nanos / 1e9);
        if (nanos < 10_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
        }
        if (s < 60) {
            return s + " s";
        }
        return String.format(Locale.ROOT, "%d:%02d min", s / 60, s % 60);
    }
}

package io.sextant.appliance.cli;

import io.sextant.ingest.job.ProgressListener;
import io.sextant.ingest.store.Outcome;
import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Locale;

/** A one-line live progress bar on a terminal: files, MB, passages, rate and ETA. Silent when not a terminal. */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 24;
    private final PrintWriter err;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private int files;
    private long bytes;
    private int doneFiles;
    private long doneBytes;
    private long passages;
    private long lastDraw;

    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Whether the console is an interactive terminal (JDK 22+ knows; on 21 a console means one). */
    static boolean isTerminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public synchronized void planned(int files, long bytes) {
        this.files += files;
        this.bytes += bytes;
        draw(true);
    }

    @Override
    public synchronized void fileDone(Path file, Outcome outcome, long bytes, int passages, String reason) {
        doneFiles++;
        doneBytes += bytes;
        this.passages += passages;
        draw(false);
    }

    synchronized void finish() {
        if (enabled && lastDraw != 0) {
            draw(true);
            err.println();
            err.flush();
        }
    }

    private void draw(boolean force) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        double secs = Math.max(1e-3, (now - started) / 1e9);
        double mb = doneBytes / 1e6;
        double rate = mb / secs;
        double frac = bytes == 0 ? (files == 0 ? 1 : doneFiles / (double) files) : doneBytes / (double) bytes;
        long eta = frac <= 0 ? -1 : Math.round(secs / frac - secs);
        int filled = (int) Math.round(Math.min(1, frac) * WIDTH);
        err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d files  %.1f/%.1f MB  %d passages  %.2f MB/s  ETA %s   ",
                "#".repeat(filled), ".".repeat(WIDTH - filled), doneFiles, files, mb, bytes / 1e6, passages, rate,
                eta < 0 ? "?" : eta / 60 + "m" + String.format(Locale.ROOT, "%02d", eta % 60) + "s"));
        err.flush();
    }
}

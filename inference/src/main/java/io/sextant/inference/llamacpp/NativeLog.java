package io.sextant.inference.llamacpp;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.LogLevel;
import de.kherud.llama.args.LogFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes llama.cpp's native log (one process-wide callback) into {@link System.Logger}, and records the lines logged
 * while a model loads so that {@link GpuOffload} can read what the library did. Loads are serialised by the caller.
 */
final class NativeLog {

    private static final System.Logger LOG = System.getLogger("io.sextant.inference.llamacpp.native");
    private static final Object LOCK = new Object();
    private static boolean installed;
    private static List<String> capture;

    private NativeLog() {
    }

    /** Installs the callback once per process. */
    static void install() {
        synchronized (LOCK) {
            if (installed) {
                return;
            }
            LlamaModel.setLogger(LogFormat.TEXT, NativeLog::onLine);
            installed = true;
        }
    }

    /** Starts recording lines (for one model load). */
    static void startCapture() {
        synchronized (LOCK) {
            capture = new ArrayList<>();
        }
    }

    /**
     * Stops recording.
     *
     * @return the lines recorded since {@link #startCapture()}
     */
    static List<String> stopCapture() {
        synchronized (LOCK) {
            List<String> lines = capture == null ? List.of() : capture;
            capture = null;
            return lines;
        }
    }

    private static void onLine(LogLevel level, String message) {
        String line = message.stripTrailing();
        synchronized (LOCK) {
            if (capture != null) {
                capture.add(line);
            }
        }
        System.Logger.Level l = switch (level) {
            case ERROR -> System.Logger.Level.ERROR;
            case WARN -> System.Logger.Level.WARNING;
            case INFO -> System.Logger.Level.DEBUG;
            case DEBUG -> System.Logger.Level.TRACE;
        };
        if (!line.isEmpty()) {
            LOG.log(l, line);
        }
    }
}

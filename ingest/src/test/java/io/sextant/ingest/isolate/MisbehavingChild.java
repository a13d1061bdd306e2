package io.sextant.ingest.isolate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsing child that behaves like a broken parser on request: a file named {@code hang*} never returns, {@code
 * crash*} kills the JVM, {@code oom*} exhausts the heap. Everything else is parsed normally.
 */
public final class MisbehavingChild {
    private MisbehavingChild() {
    }

    /**
     * Runs the child loop with the misbehaviour hook.
     *
     * @param args as for {@link ExtractorChild#main}
     * @throws IOException if the pipes break
     */
    public static void main(String[] args) throws IOException {
        ExtractorChild.serve(args, file -> {
            String name = file.getFileName().toString();
            if (name.startsWith("hang")) {
                while (true) {
                    Thread.onSpinWait();
                }
            }
            if (name.startsWith("crash")) {
                Runtime.getRuntime().halt(134);
            }
            if (name.startsWith("oom")) {
                List<long[]> hog = new ArrayList<>();
                while (true) {
                    hog.add(new long[1 << 20]);
                }
            }
        });
    }
}

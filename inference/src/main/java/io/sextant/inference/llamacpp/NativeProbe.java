package io.sextant.inference.llamacpp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the llama.cpp native library loaded into this process can do, read from the process's own memory map (Linux):
 * whether it (or a ggml library beside it) links the CUDA runtime, and which GPU the NVIDIA driver reports.
 *
 * @param library the loaded library's path, or "unknown"
 * @param linksCuda whether a loaded llama/ggml library names the CUDA runtime
 * @param gpuName the first GPU the driver reports, as "CUDA0 (model)"
 */
record NativeProbe(String library, boolean linksCuda, Optional<String> gpuName) {

    private static final byte[][] CUDA_MARKERS = {
        "libcudart.so".getBytes(StandardCharsets.US_ASCII), "libcublas.so".getBytes(StandardCharsets.US_ASCII),
    };

    /**
     * Probes the running process.
     *
     * @return what was found
     */
    static NativeProbe ofThisProcess() {
        List<Path> libs = loadedLlamaLibraries();
        boolean cuda = libs.stream().anyMatch(NativeProbe::namesCuda);
        String lib = libs.stream().filter(p -> p.getFileName().toString().contains("jllama")).findFirst()
                .map(Path::toString).orElse(libs.isEmpty() ? "unknown" : libs.getFirst().toString());
        return new NativeProbe(lib, cuda, driverGpu());
    }

    private static List<Path> loadedLlamaLibraries() {
        List<Path> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                String path = line.substring(slash).replace(" (deleted)", "");
                String name = Path.of(path).getFileName().toString();
                if ((name.contains("llama") || name.contains("ggml")) && !out.contains(Path.of(path))) {
                    out.add(Path.of(path));
                }
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /** Looks for the CUDA runtime's soname in the first 8 MiB (where ELF's dynamic string table lives). */
    private static boolean namesCuda(Path lib) {
        try (InputStream in = Files.newInputStream(lib)) {
            byte[] head = in.readNBytes(8 << 20);
            for (byte[] marker : CUDA_MARKERS) {
                if (indexOf(head, marker) >= 0) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static Optional<String> driverGpu() {
        Path gpus = Path.of("/proc/driver/nvidia/gpus");
        if (!Files.isDirectory(gpus)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(gpus)) {
            for (Path gpu : ds) {
                for (String line : Files.readAllLines(gpu.resolve("information"))) {
                    if (line.startsWith("Model:")) {
                        return Optional.of("CUDA0 (" + line.substring(6).strip() + ")");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

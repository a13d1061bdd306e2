package io.sextant.inference.llamacpp;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a loaded model runs on a GPU: how many layers llama.cpp offloaded and to which device, with the evidence.
 * llama.cpp states it in its load log ("offloaded 33/33 layers to GPU") when the binding forwards that log; java-llama.cpp
 * 4.2.0 prints it straight to the process's stderr instead, so then the state is derived from the requested layers,
 * whether the loaded native library links CUDA, and the GPU the NVIDIA driver reports. Asking for GPU layers on a
 * CPU-only native silently offloads none, which is exactly what this record makes visible.
 *
 * @param layersOffloaded layers on the GPU
 * @param totalLayers layers in the model as llama.cpp counts them (blocks plus the output layer)
 * @param device the GPU, e.g. "CUDA0 (NVIDIA H100 80GB HBM3)", or "CPU"
 * @param evidence how this was determined
 */
public record GpuOffload(int layersOffloaded, int totalLayers, String device, String evidence) {

    private static final Pattern OFFLOADED = Pattern.compile("offloaded (\\d+)/(\\d+) layers to GPU");
    private static final Pattern USING_DEVICE = Pattern.compile("using device (\\S+) \\(([^)]*)\\)");
    private static final Pattern CUDA_DEVICE = Pattern.compile("Device (\\d+): ([^,]+), compute capability");

    /**
     * Whether any layer runs on a GPU.
     *
     * @return true when offload is active
     */
    public boolean active() {
        return layersOffloaded > 0;
    }

    /**
     * A one-line description, e.g. "CUDA0 (NVIDIA H100), 33/33 layers offloaded" or "CPU".
     *
     * @return the description
     */
    public String describe() {
        return active() ? device + ", " + layersOffloaded + "/" + totalLayers + " layers offloaded" : "CPU";
    }

    /**
     * Determines the offload state after a load.
     *
     * @param logLines lines llama.cpp logged through the Java callback while loading (may be empty)
     * @param requestedLayers the GPU layers asked for
     * @param blockCount the model's block count
     * @param natives what the loaded native library supports
     * @return the offload state
     */
    static GpuOffload determine(List<String> logLines, int requestedLayers, int blockCount, NativeProbe natives) {
        int total = blockCount + 1;
        String device = natives.gpuName().orElse(null);
        Integer offloaded = null;
        for (String line : logLines) {
            Matcher m = OFFLOADED.matcher(line);
            if (m.find()) {
                offloaded = Integer.parseInt(m.group(1));
                total = Integer.parseInt(m.group(2));
            }
            Matcher u = USING_DEVICE.matcher(line);
            if (u.find()) {
                device = u.group(1) + " (" + u.group(2).strip() + ")";
            }
            Matcher c = CUDA_DEVICE.matcher(line);
            if (c.find()) {
                device = "CUDA" + c.group(1) + " (" + c.group(2).strip() + ")";
            }
        }
        if (offloaded != null) {
            return new GpuOffload(offloaded, total, offloaded > 0 ? orGpu(device) : "CPU", "llama.cpp load log");
        }
        if (requestedLayers == 0) {
            return new GpuOffload(0, total, "CPU", "no GPU layers requested");
        }
        if (!natives.linksCuda()) {
            return new GpuOffload(0, total, "CPU", "the native library (" + natives.library()
                    + ") has no CUDA support; " + requestedLayers + " GPU layers were requested and ignored");
        }
        if (device == null) {
            return new GpuOffload(0, total, "CPU", "the native library links CUDA but the driver reports no GPU");
        }
        return new GpuOffload(Math.min(requestedLayers, total), total, device,
                "CUDA native library, driver-reported GPU, " + requestedLayers + " layers requested");
    }

    private static String orGpu(String device) {
        return device == null ? "GPU" : device;
    }
}

package io.sextant.inference.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GpuOffloadTest {

    private static final NativeProbe CPU_NATIVE = new NativeProbe("/tmp/x/libjllama.so", false, Optional.empty());
    private static final NativeProbe CUDA_NATIVE =
            new NativeProbe("/opt/n/libjllama.so", true, Optional.of("CUDA0 (NVIDIA H100 80GB HBM3)"));

    @Test
    void believesLlamaCppsOwnLoadLogFirst() {
        GpuOffload o = GpuOffload.determine(List.of(
                "llama_model_load_from_file_impl: using device CUDA0 (NVIDIA H200) - 140000 MiB free",
                "load_tensors: offloading 32 repeating layers to GPU",
                "load_tensors: offloaded 33/33 layers to GPU"), 999, 32, CPU_NATIVE);
        assertThat(o.active()).isTrue();
        assertThat(o.describe()).isEqualTo("CUDA0 (NVIDIA H200), 33/33 layers offloaded");
        assertThat(o.evidence()).isEqualTo("llama.cpp load log");
    }

    @Test
    void readsTheOlderCudaDeviceLine() {
        GpuOffload o = GpuOffload.determine(List.of("ggml_cuda_init: found 1 CUDA devices:",
                "  Device 0: NVIDIA H100 80GB HBM3, compute capability 9.0, VMM: yes",
                "llm_load_tensors: offloaded 20/33 layers to GPU"), 20, 32, CUDA_NATIVE);
        assertThat(o.describe()).isEqualTo("CUDA0 (NVIDIA H100 80GB HBM3), 20/33 layers offloaded");
    }

    @Test
    void withoutALogDerivesTheStateFromTheNativeAndTheDriver() {
        assertThat(GpuOffload.determine(List.of(), 0, 32, CUDA_NATIVE).describe()).isEqualTo("CPU");
        GpuOffload ignored = GpuOffload.determine(List.of(), 99, 32, CPU_NATIVE);
        assertThat(ignored.active()).isFalse();
        assertThat(ignored.evidence()).contains("no CUDA support").contains("99 GPU layers");
        GpuOffload gpu = GpuOffload.determine(List.of(), 999, 32, CUDA_NATIVE);
        assertThat(gpu.describe()).isEqualTo("CUDA0 (NVIDIA H100 80GB HBM3), 33/33 layers offloaded");
        GpuOffload noDriver = GpuOffload.determine(List.of(), 999, 32,
                new NativeProbe("/opt/n/libjllama.so", true, Optional.empty()));
        assertThat(noDriver.active()).isFalse();
        assertThat(noDriver.evidence()).contains("driver reports no GPU");
    }
}

package io.sextant.inference.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.inference.ModelFormatException;
import io.sextant.inference.gguf.testing.TinyLlama;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheMetadataOfAWrittenModel() {
        Path file = TinyLlama.writeTiny(dir);
        GgufMetadata m = GgufReader.read(file);
        assertThat(m.version()).isEqualTo(3);
        assertThat(m.architecture()).isEqualTo("llama");
        assertThat(m.contextLength()).isEqualTo(256);
        assertThat(m.blockCount()).isEqualTo(2);
        assertThat(m.chatTemplate()).contains(TinyLlama.CHATML_TEMPLATE);
        assertThat(m.quantization()).isEqualTo("F32");
        assertThat(m.parameterCount()).isEqualTo(TinyLlama.TINY.parameters());
        assertThat(m.tensors()).hasSize(2 + 2 * 9 + 1);
        assertThat(m.values().get("tokenizer.ggml.tokens"))
                .isEqualTo(new GgufMetadata.ArraySummary(8, 300));
        assertThat(m.dataOffset() % 32).isZero();
    }

    @Test
    void readsQ8Models() {
        TinyLlama.Spec q8 = new TinyLlama.Spec(64, 1, 4, 2, 128, 128, 320, GgmlType.Q8_0, null, 3);
        GgufMetadata m = GgufReader.read(TinyLlama.write(dir.resolve("q8.gguf"), q8));
        assertThat(m.quantization()).isEqualTo("Q8_0");
        assertThat(m.chatTemplate()).isEmpty();
        assertThat(m.parameterCount()).isEqualTo(q8.parameters());
    }

    @Test
    void refusesAFileWithoutTheMagic() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.gguf"), "This is a plain text file, not a model at all.");
        assertThatThrownBy(() -> GgufReader.read(f)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("no GGUF magic").hasMessageContaining("at byte 0");
    }

    @Test
    void refusesATruncatedModel() throws IOException {
        byte[] whole = Files.readAllBytes(TinyLlama.writeTiny(dir));
        Path cut = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(whole, whole.length - 1000));
        assertThatThrownBy(() -> GgufReader.read(cut)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("truncated");
        Path header = Files.write(dir.resolve("header.gguf"), Arrays.copyOf(whole, 100));
        assertThatThrownBy(() -> GgufReader.read(header)).isInstanceOf(ModelFormatException.class);
    }

    @Test
    void refusesHugeLengthsWithoutAllocating() throws IOException {
        byte[] whole = Files.readAllBytes(TinyLlama.writeTiny(dir));
        byte[] bad = Arrays.copyOf(whole, whole.length);
        // the first key's length field starts at byte 24: claim an 8 EiB key
        for (int i = 24; i < 32; i++) {
            bad[i] = (byte) 0x7f;
        }
        Path f = Files.write(dir.resolve("bad.gguf"), bad);
        assertThatThrownBy(() -> GgufReader.read(f)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("out of bounds");
    }

    @Test
    void refusesAnUnknownVersion() throws IOException {
        byte[] whole = Files.readAllBytes(TinyLlama.writeTiny(dir));
        whole[4] = 9;
        Path f = Files.write(dir.resolve("v9.gguf"), whole);
        assertThatThrownBy(() -> GgufReader.read(f)).hasMessageContaining("unsupported GGUF version 9");
    }
}

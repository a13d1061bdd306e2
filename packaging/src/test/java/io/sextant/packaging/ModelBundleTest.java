package io.sextant.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sextant-model-bundle}: packing a GGUF model for an air-gapped site, and unpacking and verifying it there. */
class ModelBundleTest {

    @TempDir
    Path tmp;

    private static String script() {
        return System.getProperty("sextant.scripts.dir", "src/main/scripts") + "/sextant-model-bundle";
    }

    private Command bundle(String... args) {
        String[] cmd = new String[args.length + 2];
        cmd[0] = "bash";
        cmd[1] = script();
        System.arraycopy(args, 0, cmd, 2, args.length);
        return Command.run(Map.of(), false, cmd);
    }

    @Test
    void packsTheModelItsDigestTheSignatureAndAManifestReadFromTheGgufHeader() throws Exception {
        Path model = tinyGguf(tmp.resolve("Tiny Model.gguf"), true);
        Path sig = Files.write(tmp.resolve("model.sig"), new byte[] {1, 2, 3, 4});
        Path tar = tmp.resolve("out.tar");

        bundle("create", "--name", "tiny-q4", "--signature", sig.toString(), "-o", tar.toString(), model.toString())
                .ok();

        assertThat(Command.run("tar", "-tf", tar.toString()).ok().lines()).containsExactly(
                "tiny-q4/manifest.properties", "tiny-q4/tiny-q4.gguf.sha256", "tiny-q4/tiny-q4.gguf.sig",
                "tiny-q4/tiny-q4.gguf");
        String sha256 = sha256(Files.readAllBytes(model));
        Properties manifest = new Properties();
        manifest.load(new java.io.StringReader(
                Command.run("tar", "-xOf", tar.toString(), "tiny-q4/manifest.properties").ok().stdout()));
        assertThat(manifest).containsEntry("format", "sextant-model-bundle/1").containsEntry("name", "tiny-q4")
                .containsEntry("file", "tiny-q4.gguf").containsEntry("sha256", sha256)
                .containsEntry("size", String.valueOf(Files.size(model)))
                .containsEntry("signature", "tiny-q4.gguf.sig").containsEntry("architecture", "llama")
                .containsEntry("quantization", "Q4_K_M")
                .containsEntry("import", "sextant models import tiny-q4.gguf --name tiny-q4 --signature tiny-q4.gguf.sig");
        assertThat(Command.run("tar", "-xOf", tar.toString(), "tiny-q4/tiny-q4.gguf.sha256").ok().stdout())
                .isEqualTo(sha256 + "  tiny-q4.gguf\n");
        assertThat(Command.run("tar", "-xOf", tar.toString(), "tiny-q4/tiny-q4.gguf.sig").ok().stdout())
                .isEqualTo(new String(new byte[] {1, 2, 3, 4}, StandardCharsets.ISO_8859_1));
    }

    @Test
    void unpackVerifiesTheDigestAndPrintsTheImportCommand() throws Exception {
        Path model = tinyGguf(tmp.resolve("tiny.gguf"), true);
        Path tar = tmp.resolve("tiny.tar");
        bundle("create", "-o", tar.toString(), model.toString()).ok();

        Command unpack = bundle("unpack", tar.toString(), tmp.resolve("site").toString()).ok();
        assertThat(unpack.stdout().strip()).isEqualTo("cd " + tmp.resolve("site/tiny") + " && sextant models import "
                + "tiny.gguf --name tiny");
        assertThat(tmp.resolve("site/tiny/tiny.gguf")).hasSameBinaryContentAs(model);

        // One flipped byte in the model: refused.
        Path altered = tmp.resolve("altered");
        Files.createDirectories(altered);
        Command.run("tar", "-xf", tar.toString(), "-C", altered.toString()).ok();
        byte[] bytes = Files.readAllBytes(altered.resolve("tiny/tiny.gguf"));
        bytes[bytes.length - 1] ^= 1;
        Files.write(altered.resolve("tiny/tiny.gguf"), bytes);
        Path alteredTar = tmp.resolve("altered.tar");
        Command.run("tar", "-cf", alteredTar.toString(), "-C", altered.toString(), "tiny").ok();
        Command refused = bundle("unpack", alteredTar.toString(), tmp.resolve("site2").toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.stderr()).contains("SHA-256 mismatch for tiny.gguf");
    }

    @Test
    void unpackRefusesArchivesThatCouldWriteOutsideTheirDirectory() throws Exception {
        Path evil = Files.createDirectories(tmp.resolve("evil/a"));
        Files.writeString(evil.resolve("x"), "x");
        Files.createSymbolicLink(evil.resolve("link"), Path.of("/etc/passwd"));
        Path withLink = tmp.resolve("link.tar");
        Command.run("tar", "-cf", withLink.toString(), "-C", tmp.resolve("evil").toString(), "a").ok();
        assertThat(bundle("unpack", withLink.toString(), tmp.resolve("o1").toString()).stderr())
                .contains("holds something other than regular files");

        Path absolute = tmp.resolve("absolute.tar");
        Command.run("tar", "-P", "-cf", absolute.toString(), evil.resolve("x").toString()).ok();
        assertThat(bundle("unpack", absolute.toString(), tmp.resolve("o2").toString()).stderr())
                .contains("unexpected member");
        assertThat(tmp.resolve("o1")).doesNotExist();
        assertThat(tmp.resolve("o2")).doesNotExist();
    }

    @Test
    void refusesWhatIsNotAGgufModelOrASignature() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.gguf"), "not a model");
        assertThat(bundle("create", text.toString()).stderr()).contains("is not a GGUF file");

        Path model = tinyGguf(tmp.resolve("m.gguf"), true);
        assertThat(bundle("create", "--signature", tmp.resolve("missing.sig").toString(), model.toString()).stderr())
                .contains("cannot read the signature file");
        Path empty = Files.createFile(tmp.resolve("empty.sig"));
        assertThat(bundle("create", "--signature", empty.toString(), model.toString()).stderr())
                .contains("signature file").contains("is empty");
        Command badName = bundle("create", "--name", "../x", model.toString());
        assertThat(badName.exit()).isEqualTo(2);
        assertThat(badName.stderr()).contains("the name '../x' must be");
    }

    @Test
    void leavesUnknownMetadataEmptyUnlessGivenOnTheCommandLine() throws Exception {
        Path model = tinyGguf(tmp.resolve("vocab-first.gguf"), false);
        Path tar = tmp.resolve("v.tar");
        bundle("create", "-o", tar.toString(), model.toString()).ok();
        String manifest = Command.run("tar", "-xOf", tar.toString(), "vocab-first/manifest.properties").ok().stdout();
        assertThat(manifest).contains("\narchitecture=\n", "\nquantization=\n");

        Path tar2 = tmp.resolve("v2.tar");
        bundle("create", "--architecture", "qwen2", "--quantization", "Q8_0", "-o", tar2.toString(), model.toString())
                .ok();
        assertThat(Command.run("tar", "-xOf", tar2.toString(), "vocab-first/manifest.properties").ok().stdout())
                .contains("\narchitecture=qwen2\n", "\nquantization=Q8_0\n");
    }

    /**
     * Writes the header of a GGUF v3 file (no tensors needed for bundling): metadata of each value kind the reader
     * must step over, with general.architecture and general.file_type either before the tokenizer's vocabulary (as
     * llama.cpp writes them) or after it, where the reader stops.
     */
    private static Path tinyGguf(Path file, boolean generalFirst) throws IOException {
        ByteArrayOutputStream kv = new ByteArrayOutputStream();
        int count = 0;
        if (!generalFirst) {
            stringArray(kv, "tokenizer.ggml.tokens", "<unk>", "<s>", "</s>");
            count++;
        }
        string(kv, "general.architecture", "llama");
        key(kv, "llama.context_length");
        kv.writeBytes(le(8).putInt(4).putInt(256).array());
        key(kv, "llama.rope.freq_base");
        kv.writeBytes(le(8).putInt(6).putFloat(10000f).array());
        key(kv, "llama.some_ints");
        kv.writeBytes(le(28).putInt(9).putInt(5).putLong(3).putInt(1).putInt(2).putInt(3).array());
        key(kv, "general.file_type");
        kv.writeBytes(le(8).putInt(4).putInt(15).array());
        count += 5;
        if (generalFirst) {
            stringArray(kv, "tokenizer.ggml.tokens", "<unk>", "<s>", "</s>");
            count++;
        }
        ByteBuffer header = le(24).put("GGUF".getBytes(StandardCharsets.US_ASCII)).putInt(3).putLong(0).putLong(count);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(header.array());
        all.writeBytes(kv.toByteArray());
        all.writeBytes(new byte[64]);
        return Files.write(file, all.toByteArray());
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void key(ByteArrayOutputStream out, String key) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(le(8).putLong(b.length).array());
        out.writeBytes(b);
    }

    private static void string(ByteArrayOutputStream out, String key, String value) {
        key(out, key);
        out.writeBytes(le(4).putInt(8).array());
        key(out, value);
    }

    private static void stringArray(ByteArrayOutputStream out, String key, String... values) {
        key(out, key);
        out.writeBytes(le(16).putInt(9).putInt(8).putLong(values.length).array());
        for (String v : values) {
            key(out, v);
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

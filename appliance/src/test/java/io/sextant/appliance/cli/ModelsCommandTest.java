package io.sextant.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.inference.gguf.testing.TinyLlama;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelsCommandTest {

    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private Run run(String... args) {
        CommandLine cl = SextantCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = tmp.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return new Run(cl.execute(all), out.toString(), err.toString());
    }

    @Test
    void importsListsSetsTheDefaultAndRemoves() {
        Path model = TinyLlama.writeTiny(tmp);
        Run imported = run("models", "import", model.toString(), "--name", "tiny");
        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported tiny: llama, F32").contains("unsigned");
        assertThat(run("models", "import", model.toString(), "--name", "other").status()).isZero();
        Run list = run("models", "list");
        assertThat(list.out()).contains("* tiny").contains("  other").contains("CHATML");
        assertThat(run("models", "default", "other").out()).contains("default model: other");
        assertThat(run("models", "remove", "other").out()).contains("removed other");
        assertThat(run("models", "default").out()).contains("no default model");
        assertThat(run("models", "list").out()).doesNotContain("other");
    }

    @Test
    void refusesANonGgufFileOrADuplicateWithStatus1AndAClearMessage() throws Exception {
        Path text = Files.writeString(tmp.resolve("x.gguf"), "hello");
        Run bad = run("models", "import", text.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("sextant models import:").contains("not a usable GGUF model");
        Path model = TinyLlama.writeTiny(tmp);
        run("models", "import", model.toString(), "--name", "tiny");
        Run dup = run("models", "import", model.toString(), "--name", "tiny");
        assertThat(dup.status()).isEqualTo(1);
        assertThat(dup.err()).contains("already registered");
        assertThat(run("models", "remove", "nope").err()).contains("no model named 'nope'");
    }

    @Test
    void verifiesASignatureWithTheSitesKeyAndRefusesUnsignedModelsWhenRequired() throws Exception {
        Path model = TinyLlama.writeTiny(tmp);
        var kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path config = Files.createDirectories(tmp.resolve("data/config"));
        Files.writeString(config.resolve("model-signing.pub"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(kp.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        Files.writeString(config.resolve("model-signing-required"), "");
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(kp.getPrivate());
        s.update(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model)));
        Path sig = Files.write(tmp.resolve("tiny.sig"), s.sign());
        Run unsigned = run("models", "import", model.toString());
        assertThat(unsigned.status()).isEqualTo(1);
        assertThat(unsigned.err()).contains("requires signed models");
        Run signed = run("models", "import", model.toString(), "--signature", sig.toString());
        assertThat(signed.status()).as(signed.err()).isZero();
        assertThat(signed.out()).contains("signature verified (Ed25519)");
    }
}

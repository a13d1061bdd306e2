package io.sextant.inference.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.inference.ModelFormatException;
import io.sextant.inference.ModelRegistryException;
import io.sextant.inference.gguf.testing.TinyLlama;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    @TempDir
    Path tmp;
    Path data;
    Path model;

    @BeforeEach
    void setUp() {
        data = tmp.resolve("data");
        model = TinyLlama.writeTiny(tmp.resolve("incoming"));
    }

    private Path configKey(KeyPair kp) throws Exception {
        return SigningKeys.writePublicPem(kp, data.resolve("config").resolve(SigningPolicy.KEY_FILE));
    }

    private void requireSigning() throws Exception {
        Files.createDirectories(data.resolve("config"));
        Files.writeString(data.resolve("config").resolve(SigningPolicy.REQUIRED_MARKER), "");
    }

    private Path sig(KeyPair kp, Path file) throws Exception {
        return Files.write(tmp.resolve("model.sig"), SigningKeys.sign(kp, file));
    }

    @Test
    void importsAGgufWithItsDigestAndMetadataAndMakesTheFirstOneTheDefault() throws Exception {
        ModelRegistry r = ModelRegistry.forDataDir(data);
        ModelManifest m = r.importModel(model, "tiny", null, false);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(model)));
        assertThat(m.sha256()).isEqualTo(expected);
        assertThat(m.architecture()).isEqualTo("llama");
        assertThat(m.contextLength()).isEqualTo(256);
        assertThat(m.quantization()).isEqualTo("F32");
        assertThat(m.parameterCount()).isEqualTo(TinyLlama.TINY.parameters());
        assertThat(m.chatTemplate()).isEqualTo("CHATML");
        assertThat(m.signed()).isFalse();
        assertThat(r.list()).containsExactly(m);
        assertThat(r.defaultName()).contains("tiny");
        assertThat(r.modelFile(null)).hasSameBinaryContentAs(model);
        assertThat(Files.readString(data.resolve("models/tiny/manifest.json"))).contains("\"sha256\" : \"" + expected);
    }

    @Test
    void derivesANameFromTheFileAndSwitchesTheDefault() {
        ModelRegistry r = ModelRegistry.forDataDir(data);
        r.importModel(model, null, null, false);
        r.importModel(model, "second", null, true);
        assertThat(r.list()).extracting(ModelManifest::name).containsExactly("second", "tiny-llama");
        assertThat(r.defaultName()).contains("tiny-llama");
        r.setDefault("second");
        assertThat(r.defaultName()).contains("second");
        r.remove("second");
        assertThat(r.defaultName()).isEmpty();
        assertThat(r.list()).extracting(ModelManifest::name).containsExactly("tiny-llama");
        assertThatThrownBy(() -> r.modelFile(null)).isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("no default model");
        assertThatThrownBy(() -> r.remove("second")).isInstanceOf(ModelRegistryException.class);
    }

    @Test
    void refusesAFileThatIsNotGgufAndLeavesNothingBehind() throws Exception {
        Path text = Files.writeString(tmp.resolve("weights.gguf"), "definitely not a model");
        ModelRegistry r = ModelRegistry.forDataDir(data);
        assertThatThrownBy(() -> r.importModel(text, "x", null, false)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not a usable GGUF model");
        assertThat(r.list()).isEmpty();
        assertThat(data.resolve("models")).satisfiesAnyOf(d -> assertThat(d).doesNotExist(),
                d -> assertThat(d).isEmptyDirectory());
    }

    @Test
    void refusesADuplicateOrInvalidName() {
        ModelRegistry r = ModelRegistry.forDataDir(data);
        r.importModel(model, "tiny", null, false);
        assertThatThrownBy(() -> r.importModel(model, "tiny", null, false))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("already registered");
        assertThatThrownBy(() -> r.importModel(model, "../escape", null, false))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("not a valid model name");
    }

    @Test
    void verifiesEd25519AndEcdsaP384Signatures() throws Exception {
        KeyPair ed = SigningKeys.ed25519();
        configKey(ed);
        requireSigning();
        ModelManifest m = ModelRegistry.forDataDir(data).importModel(model, "ed", sig(ed, model), false);
        assertThat(m.signature()).isEqualTo("Ed25519");
        assertThat(m.signingKey()).hasSize(64);

        KeyPair p384 = SigningKeys.ec("secp384r1");
        configKey(p384);
        Path b64 = Files.writeString(tmp.resolve("model.sig.b64"),
                Base64.getEncoder().encodeToString(SigningKeys.sign(p384, model)) + "\n");
        assertThat(ModelRegistry.forDataDir(data).importModel(model, "ec", b64, false).signature())
                .isEqualTo("ECDSA P-384");
    }

    @Test
    void refusesABadSignature() throws Exception {
        KeyPair ed = SigningKeys.ed25519();
        configKey(ed);
        Path other = TinyLlama.write(tmp.resolve("other.gguf"), TinyLlama.TINY.withSeed(99));
        Path wrongFile = sig(ed, other);
        assertThatThrownBy(() -> ModelRegistry.forDataDir(data).importModel(model, "t", wrongFile, false))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("does not verify");
        Path otherKey = sig(SigningKeys.ed25519(), model);
        assertThatThrownBy(() -> ModelRegistry.forDataDir(data).importModel(model, "t", otherKey, false))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("does not verify");
        byte[] flipped = SigningKeys.sign(ed, model);
        flipped[10] ^= 1;
        Path corrupt = Files.write(tmp.resolve("corrupt.sig"), flipped);
        assertThatThrownBy(() -> ModelRegistry.forDataDir(data).importModel(model, "t", corrupt, false))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("does not verify");
        assertThat(ModelRegistry.forDataDir(data).list()).isEmpty();
    }

    @Test
    void refusesKeysOfTheWrongType() throws Exception {
        for (KeyPair wrong : new KeyPair[] {SigningKeys.rsa(), SigningKeys.ec("secp256r1")}) {
            configKey(wrong);
            Path s = sig(wrong, model);
            assertThatThrownBy(() -> ModelRegistry.forDataDir(data).importModel(model, "t", s, false))
                    .isInstanceOf(ModelRegistryException.class).hasMessageContaining("wrong type")
                    .hasMessageContaining("Ed25519 or ECDSA P-384");
        }
    }

    @Test
    void refusesUnsignedModelsWhenSigningIsRequired() throws Exception {
        configKey(SigningKeys.ed25519());
        ModelRegistry optional = ModelRegistry.forDataDir(data);
        assertThat(optional.importModel(model, "unsigned-ok", null, false).signed()).isFalse();
        requireSigning();
        assertThatThrownBy(() -> ModelRegistry.forDataDir(data).importModel(model, "t", null, false))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("requires signed models");
        Files.delete(data.resolve("config").resolve(SigningPolicy.KEY_FILE));
        assertThatThrownBy(() -> ModelRegistry.forDataDir(data).importModel(model, "t", null, false))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("no model-signing public key");
    }

    @Test
    void refusesASignatureItCannotVerify() throws Exception {
        Path s = sig(SigningKeys.ed25519(), model);
        assertThatThrownBy(() -> ModelRegistry.forDataDir(data).importModel(model, "t", s, false))
                .isInstanceOf(ModelRegistryException.class).hasMessageContaining("cannot be verified");
    }
}

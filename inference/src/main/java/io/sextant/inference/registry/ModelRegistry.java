package io.sextant.inference.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sextant.inference.ModelRegistryException;
import io.sextant.inference.gguf.GgufMetadata;
import io.sextant.inference.gguf.GgufReader;
import io.sextant.inference.prompt.ChatTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The models directory ({@code <data-dir>/models/}): one sub-directory per registered model with its GGUF file and a
 * JSON manifest, plus a {@code DEFAULT} file naming the model requests get when they name none. An import copies the
 * file into a private staging directory first and checks that copy (GGUF structure, SHA-256, signature), so what is
 * registered is exactly what was verified; it then appears atomically under its name.
 */
public final class ModelRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String MODEL_FILE = "model.gguf";
    private static final String MANIFEST = "manifest.json";
    private static final String DEFAULT = "DEFAULT";

    private final Path dir;
    private final SigningPolicy policy;

    /**
     * A registry.
     *
     * @param modelsDir the models directory (created on first import)
     * @param policy the signing policy
     */
    public ModelRegistry(Path modelsDir, SigningPolicy policy) {
        this.dir = modelsDir;
        this.policy = policy;
    }

    /**
     * The registry of a data directory, with its configured signing policy.
     *
     * @param dataDir the data directory
     * @return the registry of {@code <dataDir>/models}
     */
    public static ModelRegistry forDataDir(Path dataDir) {
        return new ModelRegistry(dataDir.resolve("models"), SigningPolicy.fromDataDir(dataDir));
    }

    /**
     * Imports a GGUF file.
     *
     * @param source the file
     * @param requestedName the name, or null to derive one from the file name
     * @param signature the detached signature, or null
     * @param hardLink link instead of copying (same file system only; the source must then never change)
     * @return the new manifest
     * @throws ModelRegistryException when the name is taken or invalid, or the signature is missing or bad
     * @throws io.sextant.inference.ModelFormatException when the file is not a GGUF model
     */
    public ModelManifest importModel(Path source, String requestedName, Path signature, boolean hardLink) {
        String name = requestedName != null ? requestedName : deriveName(source);
        if (!NAME.matcher(name).matches()) {
            throw new ModelRegistryException("'" + name + "' is not a valid model name: use 1-64 lower-case letters,"
                    + " digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (Files.exists(dir.resolve(name))) {
            throw new ModelRegistryException("a model named '" + name + "' is already registered; remove it first "
                    + "or choose another --name");
        }
        if (!Files.isRegularFile(source)) {
            throw new ModelRegistryException(source + " is not a readable file");
        }
        SignatureVerifier verifier = verifierFor(signature);
        GgufReader.read(source); // refuse a non-GGUF file by its own name before copying anything
        Path staging = dir.resolve(".import-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            Path copy = staging.resolve(MODEL_FILE);
            stage(source, copy, hardLink);
            GgufMetadata meta = GgufReader.read(copy);
            byte[] digest = sha256(copy);
            if (verifier != null) {
                verifier.verify(digest, signature);
            }
            ModelManifest m = new ModelManifest(name, MODEL_FILE, HexFormat.of().formatHex(digest), Files.size(copy),
                    meta.architecture(), meta.contextLength(), meta.quantization(), meta.parameterCount(),
                    ChatTemplate.detect(meta.chatTemplate()).name(),
                    verifier == null ? "unsigned" : verifier.algorithm(),
                    verifier == null ? "" : verifier.fingerprint(), Instant.now().toString(),
                    source.toAbsolutePath().toString());
            JSON.writeValue(staging.resolve(MANIFEST).toFile(), m);
            try {
                Files.move(staging, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                throw new ModelRegistryException("a model named '" + name + "' was registered meanwhile", e);
            }
            if (defaultName().isEmpty()) {
                setDefault(name);
            }
            return m;
        } catch (IOException e) {
            throw new ModelRegistryException("cannot import " + source + ": " + e.getMessage(), e);
        } finally {
            deleteTree(staging);
        }
    }

    private SignatureVerifier verifierFor(Path signature) {
        if (policy.publicKey() == null) {
            if (policy.required()) {
                throw new ModelRegistryException("model signing is required but no model-signing public key is "
                        + "configured (config/" + SigningPolicy.KEY_FILE + ")");
            }
            if (signature != null) {
                throw new ModelRegistryException("a signature was given but no model-signing public key is "
                        + "configured (config/" + SigningPolicy.KEY_FILE + "), so it cannot be verified");
            }
            return null;
        }
        SignatureVerifier v = SignatureVerifier.load(policy.publicKey());
        if (signature == null) {
            if (policy.required()) {
                throw new ModelRegistryException("this site requires signed models: pass the model's detached "
                        + "signature with --signature FILE.sig");
            }
            return null;
        }
        return v;
    }

    private static void stage(Path source, Path copy, boolean hardLink) throws IOException {
        if (hardLink) {
            Files.createLink(copy, source);
        } else {
            Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /**
     * The registered models.
     *
     * @return manifests sorted by name
     */
    public List<ModelManifest> list() {
        List<ModelManifest> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> !p.getFileName().toString()
                .startsWith(".") && Files.isRegularFile(p.resolve(MANIFEST)))) {
            for (Path p : ds) {
                out.add(JSON.readValue(p.resolve(MANIFEST).toFile(), ModelManifest.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(ModelManifest::name));
        return out;
    }

    /**
     * One model's manifest.
     *
     * @param name the name
     * @return the manifest
     * @throws ModelRegistryException when no such model is registered
     */
    public ModelManifest get(String name) {
        Path m = dir.resolve(checkedName(name)).resolve(MANIFEST);
        if (!Files.isRegularFile(m)) {
            throw new ModelRegistryException("no model named '" + name + "' is registered");
        }
        try {
            return JSON.readValue(m.toFile(), ModelManifest.class);
        } catch (IOException e) {
            throw new ModelRegistryException("the manifest of '" + name + "' is unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * The GGUF file of a model, or of the default model.
     *
     * @param name the model's name, or null for the default
     * @return the file's path
     * @throws ModelRegistryException when the model is unknown or there is no default
     */
    public Path modelFile(String name) {
        String n = name != null ? name : defaultName().orElseThrow(() -> new ModelRegistryException(
                "no default model is set; register one with 'sextant models import'"));
        return dir.resolve(checkedName(n)).resolve(get(n).file());
    }

    /**
     * Unregisters a model and deletes its files.
     *
     * @param name the name
     * @throws ModelRegistryException when no such model is registered
     */
    public void remove(String name) {
        get(name);
        if (defaultName().filter(name::equals).isPresent()) {
            try {
                Files.deleteIfExists(dir.resolve(DEFAULT));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        deleteTree(dir.resolve(checkedName(name)));
    }

    /**
     * Makes a model the default.
     *
     * @param name the name
     * @throws ModelRegistryException when no such model is registered
     */
    public void setDefault(String name) {
        get(name);
        try {
            Path tmp = dir.resolve(DEFAULT + ".tmp");
            Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(DEFAULT), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The default model's name.
     *
     * @return the name, when one is set and still registered
     */
    public Optional<String> defaultName() {
        try {
            Path f = dir.resolve(DEFAULT);
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            String n = Files.readString(f, StandardCharsets.UTF_8).strip();
            return NAME.matcher(n).matches() && Files.isRegularFile(dir.resolve(n).resolve(MANIFEST))
                    ? Optional.of(n) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String checkedName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ModelRegistryException("no model named '" + name + "' is registered");
        }
        return name;
    }

    private static String deriveName(Path source) {
        String n = source.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gguf$", "")
                .replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
        return n.length() > 64 ? n.substring(0, 64) : n;
    }

    static byte[] sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buf = new byte[1 << 20];
            while (in.read(buf) >= 0) {
                // reading feeds the digest
            }
            return ((DigestInputStream) in).getMessageDigest().digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

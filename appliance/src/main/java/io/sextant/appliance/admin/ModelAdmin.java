package io.sextant.appliance.admin;

import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.grounding.Engines;
import io.sextant.inference.InferenceException;
import io.sextant.inference.registry.ModelManifest;
import io.sextant.inference.registry.ModelRegistry;
import java.nio.file.Path;
import java.util.List;

/**
 * The model registry as administered from the web: list, import a GGUF file already on the server, set the default
 * (which reloads the engines). Every change, refused or done, is audited as ADMIN_CHANGE.
 */
public final class ModelAdmin {

    private final Path dataDir;
    private final Engines engines;
    private final AuditLog audit;

    /**
     * @param dataDir the data directory (its {@code models/} registry)
     * @param engines the engines to reload when the default changes
     * @param audit the audit log
     */
    public ModelAdmin(Path dataDir, Engines engines, AuditLog audit) {
        this.dataDir = dataDir;
        this.engines = engines;
        this.audit = audit;
    }

    private ModelRegistry registry() {
        return ModelRegistry.forDataDir(dataDir);
    }

    /** @return the registered models, with the default and the loaded one flagged */
    public List<ModelView> list() {
        ModelRegistry r = registry();
        String def = r.defaultName().orElse("");
        String loaded = engines.status().model().orElse("");
        return r.list().stream().map(m -> ModelView.of(m, def, loaded)).toList();
    }

    /** @return the engine status */
    public Engines.Status status() {
        return engines.status();
    }

    /**
     * Imports a GGUF file from the server's file system (copied into the registry). The first model becomes the
     * default, and the engines then reload.
     *
     * @param file the path on the server
     * @param name the registry name, or null/blank to derive it from the file name
     * @param signature a detached signature file, or null/blank
     * @param actor the admin
     * @param remote the client address
     * @return the imported model
     * @throws InferenceException when the registry refuses it (message fit for the admin)
     */
    public ModelManifest importModel(String file, String name, String signature, String actor, String remote) {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("give the path of a GGUF file on the server");
        }
        Path source = Path.of(file.strip());
        try {
            ModelRegistry r = registry();
            String before = r.defaultName().orElse("");
            ModelManifest m = r.importModel(source, blankToNull(name),
                    signature == null || signature.isBlank() ? null : Path.of(signature.strip()), false);
            boolean becameDefault = !before.equals(r.defaultName().orElse(""));
            audit.append(new AuditEvent(AuditEventType.ADMIN_CHANGE, Outcome.OK, actor, "model:" + m.name(),
                    "import sha256=" + m.sha256() + " signature=" + m.signature()
                            + (becameDefault ? " (the first model: now the default)" : ""), null, remote));
            if (becameDefault) {
                engines.reload();
            }
            return m;
        } catch (InferenceException | IllegalArgumentException e) {
            audit.append(new AuditEvent(AuditEventType.ADMIN_CHANGE, Outcome.FAILED, actor,
                    "model:" + (blankToNull(name) == null ? source.getFileName() : name.strip()),
                    "import refused: " + e.getMessage(), null, remote));
            throw e;
        }
    }

    /**
     * Makes a registered model the default and reloads the engines.
     *
     * @param name the model
     * @param actor the admin
     * @param remote the client address
     * @return the engine status after the reload
     * @throws InferenceException when no such model is registered
     */
    public Engines.Status setDefault(String name, String actor, String remote) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name the model to make the default");
        }
        String n = name.strip();
        ModelRegistry r = registry();
        String before = r.defaultName().orElse("none");
        try {
            r.setDefault(n);
        } catch (InferenceException e) {
            audit.append(new AuditEvent(AuditEventType.ADMIN_CHANGE, Outcome.FAILED, actor, "model:" + n,
                    "set default refused: " + e.getMessage(), null, remote));
            throw e;
        }
        engines.reload();
        Engines.Status st = engines.status();
        audit.append(new AuditEvent(AuditEventType.ADMIN_CHANGE, Outcome.OK, actor, "model:" + n,
                "default " + before + " -> " + n + "; engine " + st.info().kind()
                        + st.reason().map(x -> " (" + x + ")").orElse(""), null, remote));
        return st;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

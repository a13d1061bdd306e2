package io.sextant.appliance.admin;

import io.micronaut.serde.annotation.Serdeable;
import io.sextant.inference.registry.ModelManifest;

/**
 * A registered model as the admin pages and API show it.
 *
 * @param name registry name
 * @param architecture model architecture
 * @param quantization weight type
 * @param parameterCount parameters
 * @param contextLength trained context
 * @param sizeBytes file size
 * @param signature "unsigned" or the verifying algorithm
 * @param sha256 the file's SHA-256
 * @param importedAt when imported
 * @param isDefault whether it is the registry's default
 * @param loaded whether the server answers with it now
 */
@Serdeable
public record ModelView(String name, String architecture, String quantization, long parameterCount,
                        int contextLength, long sizeBytes, String signature, String sha256, String importedAt,
                        boolean isDefault, boolean loaded) {

    static ModelView of(ModelManifest m, String defaultName, String loadedName) {
        return new ModelView(m.name(), m.architecture(), m.quantization(), m.parameterCount(), m.contextLength(),
                m.sizeBytes(), m.signature(), m.sha256(), m.importedAt(), m.name().equals(defaultName),
                m.name().equals(loadedName));
    }
}

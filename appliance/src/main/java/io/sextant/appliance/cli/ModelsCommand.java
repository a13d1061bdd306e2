package io.sextant.appliance.cli;

import io.sextant.inference.InferenceException;
import io.sextant.inference.registry.ModelManifest;
import io.sextant.inference.registry.ModelRegistry;
import io.sextant.inference.registry.SigningPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sextant models}: the GGUF model registry under {@code <data-dir>/models}. Refusals (not GGUF, bad or missing
 * signature, duplicate name) exit with status 1 and one clear line on stderr.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Manage the local GGUF models under <data-dir>/models.",
        subcommands = {ModelsCommand.Import.class, ModelsCommand.ListModels.class, ModelsCommand.Remove.class,
            ModelsCommand.Default.class})
final class ModelsCommand implements Runnable {

    @ParentCommand
    private SextantCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    ModelRegistry registry(Path signingKey) {
        Path data = root.dataDir();
        SigningPolicy policy = SigningPolicy.fromDataDir(data);
        return new ModelRegistry(data.resolve("models"), signingKey == null ? policy : policy.withKey(signingKey));
    }

    static int refuse(CommandSpec spec, InferenceException e) {
        spec.commandLine().getErr().println("sextant models " + spec.name() + ": " + e.getMessage());
        spec.commandLine().getErr().flush();
        return 1;
    }

    /** {@code sextant models import FILE.gguf [--name NAME] [--signature FILE.sig]}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Check a GGUF file (format, SHA-256, signature when the site configured a key) and register"
                    + " it. Signatures cover the raw SHA-256 digest of the file (see docs/inference.md).")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        private ModelsCommand models;
        @Spec
        private CommandSpec spec;
        @Parameters(paramLabel = "FILE.gguf", description = "The model file.")
        private Path file;
        @Option(names = "--name", paramLabel = "NAME", description = "Registry name (default: from the file name).")
        private String name;
        @Option(names = "--signature", paramLabel = "FILE.sig", description = "Detached signature (raw or Base64).")
        private Path signature;
        @Option(names = "--signing-key", paramLabel = "KEY.pem",
                description = "Model-signing public key (default: <data-dir>/config/model-signing.pub).")
        private Path signingKey;
        @Option(names = "--link", description = "Hard-link instead of copying (same file system; the source must "
                + "never change afterwards).")
        private boolean link;

        @Override
        public Integer call() {
            try {
                ModelManifest m = models.registry(signingKey).importModel(file, name, signature, link);
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "imported %s: %s, %s, %,d parameters, context %d, template %s, %s, sha256 %s%n",
                        m.name(), m.architecture(), m.quantization(), m.parameterCount(), m.contextLength(),
                        m.chatTemplate(), m.signed() ? "signature verified (" + m.signature() + ")" : "unsigned",
                        m.sha256());
                out.flush();
                return 0;
            } catch (InferenceException e) {
                return refuse(spec, e);
            }
        }
    }

    /** {@code sextant models list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the registered models.")
    static final class ListModels implements Callable<Integer> {
        @ParentCommand
        private ModelsCommand models;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            ModelRegistry r = models.registry(null);
            List<ModelManifest> all = r.list();
            String def = r.defaultName().orElse("");
            PrintWriter out = spec.commandLine().getOut();
            if (all.isEmpty()) {
                out.println("no models registered; add one with 'sextant models import FILE.gguf'");
            }
            for (ModelManifest m : all) {
                out.printf(Locale.ROOT, "%s %-24s %-8s %-8s %,15d params  ctx %-6d %-8s %-11s %s%n",
                        m.name().equals(def) ? "*" : " ", m.name(), m.architecture(), m.quantization(),
                        m.parameterCount(), m.contextLength(), m.chatTemplate(), m.signature(),
                        m.sha256().substring(0, 16));
            }
            out.flush();
            return 0;
        }
    }

    /** {@code sextant models remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Unregister a model and delete its file.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        private ModelsCommand models;
        @Spec
        private CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        private String name;

        @Override
        public Integer call() {
            try {
                models.registry(null).remove(name);
                spec.commandLine().getOut().println("removed " + name);
                spec.commandLine().getOut().flush();
                return 0;
            } catch (InferenceException e) {
                return refuse(spec, e);
            }
        }
    }

    /** {@code sextant models default [NAME]}. */
    @Command(name = "default", mixinStandardHelpOptions = true,
            description = "Show the default model, or make NAME the default.")
    static final class Default implements Callable<Integer> {
        @ParentCommand
        private ModelsCommand models;
        @Spec
        private CommandSpec spec;
        @Parameters(paramLabel = "NAME", arity = "0..1")
        private String name;

        @Override
        public Integer call() {
            try {
                ModelRegistry r = models.registry(null);
                if (name != null) {
                    r.setDefault(name);
                }
                spec.commandLine().getOut().println(r.defaultName().map(n -> "default model: " + n)
                        .orElse("no default model"));
                spec.commandLine().getOut().flush();
                return 0;
            } catch (InferenceException e) {
                return refuse(spec, e);
            }
        }
    }
}

package io.sextant.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled runtime covers what the appliance's class path needs: jdeps over every class of every jar that the RPM
 * ships, against the modules in the jlink image. When a new library needs another JDK module, this fails and names it.
 */
class JlinkModulesIT {

    /**
     * Modules that jdeps finds referenced but that no path of the appliance reaches, each with the reason. Anything
     * else jdeps reports must be in the runtime.
     */
    private static final Map<String, String> NOT_NEEDED = Map.of(
            "java.instrument", "H2's profiler agent and javassist's hot swap: Java agents, never attached",
            "jdk.attach", "javassist's hot swap agent: attaches to a running JVM, never done",
            "jdk.jdi", "javassist's HotSwapper: a debugger client, never used",
            "java.security.jgss", "POI's signature output stream (creating OOXML signatures): ingest only reads");

    @Test
    void theRuntimeHasEveryModuleTheClassPathUses(@TempDir Path tmp) throws IOException {
        Packaging.builtRpm();
        Set<String> runtime = runtimeModules();
        assertThat(runtime).as("the configured jlink.modules")
                .containsAll(Arrays.asList(Packaging.property("jlink.modules").split(",")));

        // Modular jars name modules that are not all on the class path; jdeps resolves the classes as one unnamed
        // module instead, from directories without module-info files. jdeps runs on one core: split the jars into
        // one share per core and run the shares side by side.
        int shares = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        List<Path> jars;
        try (Stream<Path> list = Files.list(Path.of(Packaging.property("rpm.lib")))) {
            jars = list.filter(j -> j.toString().endsWith(".jar")).sorted().toList();
        }
        long start = System.nanoTime();
        List<CompletableFuture<Command>> runs = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(shares);
        for (int i = 0; i < shares; i++) {
            Path classes = Files.createDirectory(tmp.resolve("classes" + i));
            List<String> share = new ArrayList<>(List.of("bash", "-c", "d=$1; shift; for j in \"$@\"; do "
                    + "unzip -qq -o \"$j\" '*.class' -x '*module-info.class' -d \"$d\" 2>/dev/null || true; done",
                    "extract", classes.toString()));
            for (int j = i; j < jars.size(); j += shares) {
                share.add(jars.get(j).toString());
            }
            runs.add(CompletableFuture.supplyAsync(() -> {
                Command.run(share.toArray(String[]::new)).ok();
                return Command.run(Packaging.property("java.home") + "/bin/jdeps", "--print-module-deps",
                        "--ignore-missing-deps", "-q", classes.toString()).ok();
            }, pool));
        }
        pool.shutdown();
        Set<String> used = new TreeSet<>();
        for (CompletableFuture<Command> run : runs) {
            Arrays.stream(run.join().stdout().strip().split(",")).map(String::strip).filter(m -> !m.isEmpty())
                    .forEach(used::add);
        }
        System.out.printf("jdeps over %d jars in %d shares: %.1f s%n", jars.size(), shares,
                (System.nanoTime() - start) / 1e9);
        System.out.println("jdeps: the class path uses " + used + "; the runtime has " + runtime);

        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(runtime);
        missing.removeAll(NOT_NEEDED.keySet());
        assertThat(missing).as("modules the class path uses that the runtime lacks: add them to jlink.modules in "
                + "packaging/pom.xml (or, if no path of the appliance reaches them, to NOT_NEEDED with the reason)")
                .isEmpty();
    }

    @Test
    void theRuntimeKeepsWhatJdepsCannotSee() {
        Packaging.builtRpm();
        assertThat(runtimeModules()).contains("jdk.management", "jdk.incubator.vector", "jdk.charsets",
                "jdk.crypto.ec", "jdk.zipfs", "java.net.http");
    }

    private static Set<String> runtimeModules() {
        Path release = Path.of(Packaging.property("rpm.work"), "runtime", "release");
        try {
            String line = Files.readAllLines(release).stream().filter(l -> l.startsWith("MODULES=")).findFirst()
                    .orElseThrow(() -> new AssertionError("no MODULES line in " + release));
            return new TreeSet<>(Arrays.asList(line.substring(8).replace("\"", "").split(" ")));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + release, e);
        }
    }
}

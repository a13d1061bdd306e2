package io.sextant.appliance.bench;

import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.testing.ConsoleRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark (not a test): N simulated analysts, half US and half British, each searching and asking (extractive
 * engine) in a loop against a real server process on this machine. Reports throughput and p95 latency per N, the
 * server's peak resident memory, whether it stayed up, and any response that crossed users: a British analyst
 * receiving NOFORN text, or a conversation readable by anyone but its owner.
 *
 * <p>Run from the repository root after {@code ./mvnw -pl appliance -am test-compile}:
 * {@code appliance/bin/loadbench [seconds-per-level] [levels]}, e.g. {@code appliance/bin/loadbench 30 1,10,50}.
 */
public final class LoadBench {

    private static final String[] QUESTIONS = {
        "What is the population of Yemen?", "Which countries border Ukraine?", "Where did the convoy move?",
        "What are the main exports of Venezuela?", "Describe the terrain of Afghanistan.",
        "What is the capital of Syria?", "Which route did the trucks take toward the border?",
        "What is the government type of Iran?", "What natural resources does Russia have?",
        "What is the climate of North Korea?", "What did port authorities announce about the harbor?",
        "What is China's population growth rate?", "Were fuel trucks seen following the convoy?",
    };
    private static final Pattern CONVERSATION = Pattern.compile("\"conversation(?:Id)?\"\\s*:\\s*\"?([A-Za-z0-9-]+)");

    private LoadBench() {
    }

    /**
     * @param args seconds per level (default 30), comma-separated levels (default 1,10,50)
     * @throws Exception on setup failure
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int[] levels = java.util.Arrays.stream((args.length > 1 ? args[1] : "1,10,50").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int users = java.util.Arrays.stream(levels).max().orElse(1);
        Path data = Files.createTempDirectory("sextant-load-");
        Path shared = Path.of(System.getProperty("sextant.shared.dir", "../shared"));
        System.out.println("data dir " + data);

        List<String> ingest = new ArrayList<>(List.of("ingest", "--marking", "(U)", "--collection", "factbook"));
        try (var files = Files.list(shared.resolve("eval/corpus"))) {
            files.filter(p -> p.getFileName().toString().startsWith("factbook_")).sorted()
                    .forEach(p -> ingest.add(p.toString()));
        }
        check(ConsoleRun.run(data, ingest.toArray(String[]::new)), "ingest factbook");
        check(ConsoleRun.run(data, "ingest", "--marking", "(U)", "--collection", "reports",
                MarkedCorpus.write(data.resolve("marked-docs")).toString()), "ingest marked reports");

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String country = i % 2 == 0 ? "USA" : "GBR";
            check(ConsoleRun.run(data, "users", "add", "analyst" + i, "--role", "analyst", "--clearance",
                    "level=S;country=" + country), "add user");
            ConsoleRun t = check(ConsoleRun.run(data, "users", "token", "analyst" + i), "token");
            String[] lines = t.out().strip().split("\n");
            tokens.add(lines[lines.length - 1].strip());
        }

        int port = freePort();
        String javaCmd = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(javaCmd, "-Xmx1g", "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "io.sextant.appliance.Sextant", "--data-dir", data.toString(), "serve", "--plain-http", "--port",
                Integer.toString(port)).redirectErrorStream(true).start();
        BufferedReader console = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line; (line = console.readLine()) != null; ) {
            if (line.contains("listening on")) {
                break;
            }
        }
        Thread drainer = new Thread(() -> {
            try {
                while (console.readLine() != null) {
                    // keep the pipe empty
                }
            } catch (IOException ignored) {
                // the server stopped
            }
        });
        drainer.setDaemon(true);
        drainer.start();
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        System.out.println("server pid " + server.pid() + " on " + base + "; " + users + " analysts; "
                + seconds + " s per level");
        System.out.println();
        System.out.println("| analysts | searches/s | search p95 | asks/s | ask p95 | errors | crossed | peak RSS |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        try {
            for (int n : levels) {
                runLevel(http, base, tokens, n, seconds, server.pid());
                if (!server.isAlive()) {
                    System.out.println("SERVER DIED at level " + n);
                    break;
                }
            }
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println();
            System.out.println("server alive after the run: " + server.isAlive() + ", health " + health.statusCode()
                    + " " + health.body());
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void runLevel(HttpClient http, String base, List<String> tokens, int n, int seconds, long pid)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> search = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> ask = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger crossed = new AtomicInteger();
        AtomicLong peakRss = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(n);
        for (int u = 0; u < n; u++) {
            int user = u;
            Thread.ofPlatform().start(() -> {
                boolean foreign = user % 2 == 1;
                String token = tokens.get(user);
                String other = tokens.get((user + 1) % tokens.size());
                java.util.Random r = new java.util.Random(user);
                int round = 0;
                try {
                    while (System.nanoTime() < deadline) {
                        String q = QUESTIONS[r.nextInt(QUESTIONS.length)];
                        long t0 = System.nanoTime();
                        HttpResponse<String> s = send(http, HttpRequest.newBuilder(URI.create(base + "/api/search?q="
                                + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&k=10")).header("Authorization",
                                "Bearer " + token).GET().build());
                        search.add(System.nanoTime() - t0);
                        errors.addAndGet(s.statusCode() == 200 ? 0 : 1);
                        crossed.addAndGet(foreign && leaks(s.body()) ? 1 : 0);

                        String nonce = "[q" + user + "-" + round++ + "]";
                        long t1 = System.nanoTime();
                        HttpResponse<String> a = send(http, HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + q + " " + nonce
                                        + "\"}")).build());
                        ask.add(System.nanoTime() - t1);
                        boolean ok = a.statusCode() == 200 && (a.body().contains("event: final")
                                || a.body().contains("event: refused") || a.body().contains("event:final")
                                || a.body().contains("event:refused"));
                        errors.addAndGet(ok ? 0 : 1);
                        crossed.addAndGet(foreign && leaks(a.body()) ? 1 : 0);
                        Matcher m = CONVERSATION.matcher(a.body());
                        if (m.find() && round % 5 == 1 && n > 1) {
                            HttpResponse<String> peek = send(http, HttpRequest.newBuilder(URI.create(base
                                    + "/api/conversations/" + m.group(1))).header("Authorization", "Bearer " + other)
                                    .GET().build());
                            crossed.addAndGet(peek.statusCode() == 200 && peek.body().contains(nonce) ? 1 : 0);
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!stop.get()) {
                peakRss.accumulateAndGet(rssKb(pid), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        done.await();
        stop.set(true);
        sampler.interrupt();
        System.out.printf(Locale.ROOT, "| %d | %.1f | %.0f ms | %.2f | %.0f ms | %d | %d | %d MB |%n", n,
                search.size() / (double) seconds, p95(search), ask.size() / (double) seconds, p95(ask), errors.get(),
                crossed.get(), peakRss.get() / 1024);
    }

    private static boolean leaks(String body) {
        return body.contains(MarkedCorpus.HIDDEN_FACT) || body.contains("NOFORN") || body.contains("S//NF")
                || body.contains("Fuel trucks");
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest r) throws IOException, InterruptedException {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static double p95(ConcurrentLinkedQueue<Long> nanos) {
        List<Long> l = new ArrayList<>(nanos);
        if (l.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(l);
        return l.get(Math.min(l.size() - 1, (int) Math.ceil(l.size() * 0.95) - 1)) / 1e6;
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static ConsoleRun check(ConsoleRun r, String what) {
        if (r.status() != 0) {
            throw new IllegalStateException(what + " failed: " + r.err() + r.out());
        }
        return r;
    }

    private static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

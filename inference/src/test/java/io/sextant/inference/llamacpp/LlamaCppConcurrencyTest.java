package io.sextant.inference.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.inference.Cancellation;
import io.sextant.inference.Completion;
import io.sextant.inference.EngineBusyException;
import io.sextant.inference.EngineUnavailableException;
import io.sextant.inference.FinishReason;
import io.sextant.inference.GenerationRequest;
import io.sextant.inference.GenerationSettings;
import io.sextant.inference.gguf.testing.TinyLlama;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Parallel slots, FIFO queueing, the busy bound and unloading under load, on the real java-llama.cpp. */
@Timeout(120)
class LlamaCppConcurrencyTest {

    @TempDir
    static Path dir;
    static Path model;

    static final GenerationSettings GREEDY = GenerationSettings.DEFAULTS.withTemperature(0).withMaxTokens(24);

    @BeforeAll
    static void write() {
        model = TinyLlama.writeTiny(dir);
    }

    @Test
    void servesSeveralRequestsAtOnceThroughTheParallelSlots() throws Exception {
        try (LlamaCppEngine engine = LlamaCppEngine.load(LlamaSettings.cpu(model).withSlots(4, 1024));
                ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Completion>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                GenerationRequest r = GenerationRequest.of("Request number " + i, GREEDY.withSeed(i));
                futures.add(pool.submit(() -> engine.generate(r)));
            }
            for (Future<Completion> f : futures) {
                Completion c = f.get(60, TimeUnit.SECONDS);
                assertThat(c.finishReason()).isIn(FinishReason.LENGTH, FinishReason.END_OF_TURN);
            }
            assertThat(futures.stream().mapToInt(f -> f.resultNow().completionTokens()).sum()).isPositive();
        }
    }

    @Test
    void refusesWithBusyWhenTheQueueIsFullAndServesTheQueuedOnesInOrder() throws Exception {
        LlamaSettings s = LlamaSettings.cpu(model).withSlots(1, 256).withQueue(2, Duration.ofSeconds(30));
        try (LlamaCppEngine engine = LlamaCppEngine.load(s); ExecutorService pool = Executors.newFixedThreadPool(4)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<String> order = new CopyOnWriteArrayList<>();
            Future<Completion> first = pool.submit(() -> engine.generate(
                    GenerationRequest.of("first", GREEDY.withMaxTokens(200)), p -> {
                        holding.countDown();
                        await(release);
                    }, Cancellation.create()));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Completion> second = pool.submit(() -> {
                Completion c = engine.generate(GenerationRequest.of("second", GREEDY));
                order.add("second");
                return c;
            });
            waitForQueue(engine, 1);
            Future<Completion> third = pool.submit(() -> {
                Completion c = engine.generate(GenerationRequest.of("third", GREEDY));
                order.add("third");
                return c;
            });
            waitForQueue(engine, 2);
            assertThatThrownBy(() -> engine.generate(GenerationRequest.of("fourth", GREEDY)))
                    .isInstanceOf(EngineBusyException.class).hasMessageContaining("busy");
            release.countDown();
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
            third.get(60, TimeUnit.SECONDS);
            assertThat(order).containsExactly("second", "third");
        }
    }

    @Test
    void aCancelledRequestLeavesTheQueue() throws Exception {
        LlamaSettings s = LlamaSettings.cpu(model).withSlots(1, 256).withQueue(1, Duration.ofSeconds(30));
        try (LlamaCppEngine engine = LlamaCppEngine.load(s); ExecutorService pool = Executors.newFixedThreadPool(2)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Completion> first = pool.submit(() -> engine.generate(
                    GenerationRequest.of("first", GREEDY.withMaxTokens(200)), p -> {
                        holding.countDown();
                        await(release);
                    }, Cancellation.create()));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            Cancellation cancel = Cancellation.create();
            Future<Completion> queued = pool.submit(() -> engine.generate(GenerationRequest.of("q", GREEDY),
                    p -> { }, cancel));
            waitForQueue(engine, 1);
            cancel.cancel();
            assertThat(queued.get(10, TimeUnit.SECONDS).finishReason()).isEqualTo(FinishReason.CANCELLED);
            assertThat(engine.queued()).isZero();
            release.countDown();
            first.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void unloadingFailsQueuedRequestsAndStopsRunningOnes() throws Exception {
        LlamaSettings s = LlamaSettings.cpu(model).withSlots(1, 256).withQueue(4, Duration.ofSeconds(30));
        LlamaCppEngine engine = LlamaCppEngine.load(s);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Completion> running = CompletableFuture.supplyAsync(() -> engine.generate(
                GenerationRequest.of("long", GREEDY.withMaxTokens(200)), p -> {
                    holding.countDown();
                    sleep(5);
                }, Cancellation.create()), pool);
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Completion> queued = CompletableFuture.supplyAsync(
                () -> engine.generate(GenerationRequest.of("queued", GREEDY)), pool);
        waitForQueue(engine, 1);
        engine.close();
        assertThat(running.get(30, TimeUnit.SECONDS).finishReason()).isIn(FinishReason.CANCELLED,
                FinishReason.END_OF_TURN, FinishReason.LENGTH);
        assertThatThrownBy(() -> queued.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(EngineUnavailableException.class);
        pool.shutdown();
    }

    private static void waitForQueue(LlamaCppEngine engine, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (engine.queued() < n) {
            assertThat(System.nanoTime()).as("queue never reached %d", n).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

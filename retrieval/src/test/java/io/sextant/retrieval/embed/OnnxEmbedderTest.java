package io.sextant.retrieval.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one test that runs the real model: a handful of texts, so it stays fast. */
class OnnxEmbedderTest {

    private static OnnxEmbedder embedder;
    private static final List<String> TEXTS = List.of(
            "The frigate entered the harbor at dawn and anchored near the northern pier.",
            "Quarterly wheat prices rose because of a drought in the southern provinces.",
            "Short.",
            "A long passage about naval logistics, resupply at sea, fuel consumption of escorts, and the scheduling "
                    + "of replenishment ships across several weeks of continuous operations in contested waters.");

    @BeforeAll
    static void load() {
        embedder = new OnnxEmbedder(2, 512, 4096);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void vectors_are_unit_length_and_independent_of_batching() {
        List<float[]> batch = embedder.embedPassages(TEXTS);
        assertThat(batch).hasSize(TEXTS.size());
        for (int i = 0; i < TEXTS.size(); i++) {
            float[] single = embedder.embedPassages(List.of(TEXTS.get(i))).get(0);
            assertThat(single).hasSize(384);
            assertThat(VectorMath.dot(single, single)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
            // The model is dynamically quantised: activation scales are computed per batch, so batch-mates move a
            // vector very slightly (measured cos >= 0.996); padding itself is masked out.
            assertThat(VectorMath.dot(single, batch.get(i))).as("batching must barely change a vector")
                    .isGreaterThan(0.99f);
        }
    }

    @Test
    void agrees_with_langchain4j_on_the_same_model_and_ranks_the_relevant_passage_first() {
        BgeSmallEnV15QuantizedEmbeddingModel reference = new BgeSmallEnV15QuantizedEmbeddingModel();
        for (int i = 0; i < TEXTS.size(); i++) {
            float[] ours = embedder.embedPassages(List.of(TEXTS.get(i))).get(0);
            float[] theirs = reference.embed(TextSegment.from(TEXTS.get(i))).content().vector();
            assertThat(VectorMath.dot(ours, VectorMath.normalize(theirs))).isGreaterThan(0.9999f);
        }
        List<float[]> ours = embedder.embedPassages(TEXTS);
        float[] q = embedder.embedQuery("where did the warship dock?");
        assertThat(VectorMath.dot(q, ours.get(0))).isGreaterThan(VectorMath.dot(q, ours.get(1)));
    }

    @Test
    void the_disk_cache_serves_identical_vectors_without_the_model(@TempDir Path cache) {
        float[] first;
        CachingEmbedder c = new CachingEmbedder(embedder, 8, cache);
        first = c.embedPassages(List.of(TEXTS.get(0))).get(0);
        Embedder failing = new Embedder() {
            @Override
            public int dimension() {
                return 384;
            }

            @Override
            public String modelId() {
                return embedder.modelId();
            }

            @Override
            public List<float[]> embedPassages(List<String> passages) {
                throw new AssertionError("cache miss for " + passages);
            }

            @Override
            public float[] embedQuery(String query) {
                throw new AssertionError("cache miss");
            }
        };
        CachingEmbedder reopened = new CachingEmbedder(failing, 8, cache);
        assertThat(reopened.embedPassages(List.of(TEXTS.get(0))).get(0)).containsExactly(first);
    }
}

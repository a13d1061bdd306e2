package io.sextant.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.testing.ConsoleRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntitiesCommandTest {

    @TempDir
    Path tmp;

    private static List<String> names(JsonNode listing) {
        List<String> out = new ArrayList<>();
        listing.get("entities").forEach(e -> out.add(e.get("name").asText()));
        return out;
    }

    @Test
    void console_ingest_extracts_entities_and_the_listing_is_trimmed_to_the_named_user() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(ConsoleRun.run(data, "ingest", "--marking", "(U)", MarkedCorpus.write(tmp.resolve("docs"))
                .toString()).status()).isZero();
        assertThat(ConsoleRun.run(data, "users", "add", "alice", "--role", "analyst", "--clearance",
                "level=S;country=USA").status()).isZero();
        assertThat(ConsoleRun.run(data, "users", "add", "bob", "--role", "analyst", "--clearance",
                "level=S;country=GBR").status()).isZero();

        ConsoleRun alice = ConsoleRun.run(data, "entities", "--user", "alice", "--json");
        assertThat(alice.status()).as(alice.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(alice.out());
        assertThat(a.get("marking").asText()).isEqualTo("SECRET//NOFORN");
        assertThat(names(a)).contains("11th Guards Brigade", "Route 7", "truck");

        ConsoleRun bob = ConsoleRun.run(data, "entities", "--user", "bob", "--json");
        assertThat(bob.status()).as(bob.err()).isZero();
        JsonNode b = new ObjectMapper().readTree(bob.out());
        assertThat(b.get("marking").asText()).isEqualTo("UNCLASSIFIED");
        assertThat(names(b)).doesNotContain("11th Guards Brigade", "truck").contains("Route 7");
        assertThat(bob.out()).doesNotContain("NOFORN").doesNotContain("Guards");

        ConsoleRun anonymous = ConsoleRun.run(data, "entities");
        assertThat(anonymous.status()).isZero();
        assertThat(anonymous.out()).startsWith("UNCLASSIFIED").doesNotContain("Guards");

        ConsoleRun reindex = ConsoleRun.run(data, "entities", "reindex");
        assertThat(reindex.status()).as(reindex.err()).isZero();
        assertThat(reindex.out()).contains("from 2 documents");
        assertThat(names(new ObjectMapper().readTree(ConsoleRun.run(data, "entities", "--user", "alice", "--json")
                .out()))).containsAll(names(a));

        assertThat(ConsoleRun.run(data, "entities", "--user", "nobody").status()).isEqualTo(2);
        assertThat(ConsoleRun.run(data, "audit", "tail", "-n", "3").out()).contains("ENTITIES");
    }
}

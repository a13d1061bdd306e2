package io.sextant.appliance.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upload over the site's file size limit is refused with 413 and leaves nothing staged. */
class LibraryLimitsTest {

    @TempDir
    Path dir;

    @Test
    void anOversizedFileIsRefusedAndNothingIsKept() throws Exception {
        Path data = dir.resolve("data");
        try (TestServer server = TestServer.start(data, true, """
                micronaut:
                  server:
                    multipart:
                      max-file-size: 4KB
                """)) {
            LibraryClient usa = new LibraryClient(server,
                    server.signedInAs("usa", Role.ANALYST, "level=S;country=USA", "correct horse battery"));
            byte[] big = new byte[64 * 1024];
            java.util.Arrays.fill(big, (byte) 'a');
            LibraryClient.Json r = usa.upload(Map.of("marking", "(U)"), List.of(new LibraryClient.Part("big.txt", big)));
            assertThat(r.status()).isEqualTo(413);
            LibraryClient.Json ok = usa.upload(Map.of("marking", "(U)"),
                    List.of(new LibraryClient.Part("small.txt", "(U) small".getBytes())));
            assertThat(ok.status()).isEqualTo(202);
            assertThat(usa.awaitJob(ok.json().path("jobId").asText()).path("state").asText()).isEqualTo("done");
            try (var s = Files.list(data.resolve("uploads"))) {
                assertThat(s.toList()).hasSize(1);
            }
        }
    }
}

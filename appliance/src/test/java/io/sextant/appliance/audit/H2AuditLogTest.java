package io.sextant.appliance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.platform.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash-chained audit log on a real H2 file: verification, tamper detection, append-only, concurrency. */
class H2AuditLogTest {

    @TempDir
    Path dir;

    Database db;
    H2AuditLog log;

    @BeforeEach
    void open() {
        db = Database.open(new DataDir(dir));
        log = new H2AuditLog(db.dataSource(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void appendFive() {
        for (int i = 1; i <= 5; i++) {
            log.append(new AuditEvent(AuditEventType.LOGIN, i % 2 == 0 ? Outcome.FAILED : Outcome.OK, "user" + i,
                    null, "n=" + i, i == 3 ? "SECRET//NOFORN" : null, "127.0.0.1"));
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void anUntouchedChainVerifiesAndLinksEachRowToThePrevious() {
        appendFive();
        ChainStatus status = log.verify();
        assertThat(status).isInstanceOf(ChainStatus.Intact.class);
        assertThat(((ChainStatus.Intact) status).rows()).isEqualTo(5);
        List<AuditRecord> rows = log.tail(5);
        assertThat(rows.get(0).prevHash()).isEqualTo(AuditRecord.GENESIS);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).prevHash()).isEqualTo(rows.get(i - 1).hash());
        }
        assertThat(rows.get(2).event().markings()).isEqualTo("SECRET//NOFORN");
    }

    @Test
    void anEmptyLogIsIntact() {
        assertThat(log.verify()).isEqualTo(new ChainStatus.Intact(0, AuditRecord.GENESIS));
    }

    @Test
    void updatesAndDeletesAreRefusedByTheDatabase() {
        appendFive();
        assertThatThrownBy(() -> sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM audit_log WHERE seq = 2"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(log.verify()).isInstanceOf(ChainStatus.Intact.class);
    }

    @Test
    void anEditedRowIsNamed() throws SQLException {
        appendFive();
        sql("DROP TRIGGER audit_log_append_only");
        sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3");
        assertThat(log.verify()).isEqualTo(new ChainStatus.Broken(3, "content does not match its hash"));
    }

    @Test
    void anEditedRowWithARecomputedHashBreaksTheNextLink() throws SQLException {
        appendFive();
        AuditRecord r = log.tail(5).get(1);
        AuditEvent forged = new AuditEvent(r.event().type(), Outcome.OK, "mallory", null, null, null, null);
        String hash = AuditRecord.computeHash(2, r.at(), forged, r.prevHash());
        sql("DROP TRIGGER audit_log_append_only");
        sql("UPDATE audit_log SET actor = 'mallory', outcome = 'OK', detail = NULL, remote = NULL, hash = '" + hash
                + "' WHERE seq = 2");
        assertThat(log.verify()).isEqualTo(
                new ChainStatus.Broken(3, "previous-hash link does not match row 2"));
    }

    @Test
    void aDeletedRowIsNamed() throws SQLException {
        appendFive();
        sql("DROP TRIGGER audit_log_append_only");
        sql("DELETE FROM audit_log WHERE seq = 4");
        ChainStatus s = log.verify();
        assertThat(s).isInstanceOf(ChainStatus.Broken.class);
        assertThat(((ChainStatus.Broken) s).seq()).isEqualTo(4);
    }

    @Test
    void controlCharactersCannotForgeLines() {
        AuditRecord r = log.append(new AuditEvent(AuditEventType.LOGIN, Outcome.FAILED, "x\nLOGIN OK admin", null,
                null, null, null));
        assertThat(r.event().actor()).isEqualTo("x?LOGIN OK admin");
    }

    @Test
    void concurrentWritersKeepOneUnbrokenChain() throws Exception {
        H2AuditLog second = new H2AuditLog(db.dataSource(), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                H2AuditLog writer = t % 2 == 0 ? log : second;
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        writer.append(AuditEvent.of(AuditEventType.SEARCH, Outcome.OK, "t" + thread, null));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(log.verify()).isInstanceOf(ChainStatus.Intact.class);
        assertThat(((ChainStatus.Intact) log.verify()).rows()).isEqualTo(100);
    }
}

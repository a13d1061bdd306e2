package io.sextant.appliance.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.appliance.platform.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** ACH matrices in the appliance database, each visible to its owner only. */
public final class AchStore {

    /**
     * What is stored of a matrix: no passage text, only ids, so every view re-reads passages as the analyst.
     *
     * @param hypotheses the hypotheses
     * @param evidence   the passage ids, one per column
     * @param ratings    [hypothesis][evidence] consistent / inconsistent / not_applicable
     * @param edited     [hypothesis][evidence] whether the analyst set the rating
     */
    public record Matrix(List<String> hypotheses, List<String> evidence, List<List<String>> ratings,
            List<List<Boolean>> edited) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DataSource dataSource;

    private AchStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Migrates the table (its own Flyway history) and opens the store.
     *
     * @param dataSource the appliance database
     * @return the store
     */
    public static AchStore open(DataSource dataSource) {
        Jdbc.migrate(dataSource, AchStore.class, "flyway_analysis_history", "classpath:db/migration/analysis");
        return new AchStore(dataSource);
    }

    void save(String id, String username, Matrix m) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("MERGE INTO ach_matrix (id, username, created, body) "
                     + "KEY (id) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, username);
            ps.setObject(3, Instant.now().atOffset(ZoneOffset.UTC));
            ps.setString(4, JSON.writeValueAsString(m));
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("saving the ACH matrix failed", e);
        }
    }

    Optional<Matrix> load(String id, String username) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT body FROM ach_matrix WHERE id = ? AND username = ?")) {
            ps.setString(1, id);
            ps.setString(2, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(JSON.readValue(rs.getString(1), Matrix.class)) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("reading the ACH matrix failed", e);
        }
    }
}

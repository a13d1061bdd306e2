package io.sextant.appliance.platform;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import io.sextant.ingest.store.DatabaseAccess;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The appliance's H2 file database under {@code <data-dir>/db/sextant}, opened with {@code AUTO_SERVER=TRUE} so the
 * console commands and a running server share it, with the access details every process uses ({@link DatabaseAccess}). The appliance's own tables are migrated by a Flyway instance with its own history table, so other
 * modules can run their own Flyway on the same database.
 */
public final class Database implements AutoCloseable {

    /** Flyway history table of the appliance module. */
    public static final String HISTORY_TABLE = "flyway_appliance_history";
    /** Where the appliance's migrations live. */
    public static final String MIGRATIONS = "classpath:db/migration/appliance";

    private final JdbcConnectionPool pool;
    private final String url;

    private Database(JdbcConnectionPool pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /**
     * Opens (creating on first use) the database of a data directory and brings the appliance's tables up to date.
     *
     * @param dataDir the data directory
     * @return the open database; close it when done
     */
    public static Database open(DataDir dataDir) {
        dataDir.ensure(dataDir.db());
        if (System.getProperty("h2.bindAddress") == null) {
            // AUTO_SERVER listens on the first non-loopback address otherwise: keep it on this machine.
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        DatabaseAccess access = DatabaseAccess.forDataDir(dataDir.root());
        String url = access.url();
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, access.user(), access.password());
        pool.setMaxConnections(32);
        Database db = new Database(pool, url);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .table(HISTORY_TABLE)
                    .locations(MIGRATIONS)
                    // Other modules may have created their tables first: start our history at version 0.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return db;
    }

    /** @return the pooled data source; connections must be closed by the caller */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * @return a connection from the pool (auto-commit on)
     * @throws SQLException when the database cannot be reached
     */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** @return the JDBC URL (it holds no secret) */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}

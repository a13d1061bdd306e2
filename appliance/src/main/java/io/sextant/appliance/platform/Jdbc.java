package io.sextant.appliance.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The two things every feature store does with the appliance database: migrate its own tables under its own Flyway
 * history (so features evolve their schemas independently in one H2 file), and run a unit of work in one
 * transaction that commits or rolls back as a whole and hands the connection back in auto-commit mode.
 */
public final class Jdbc {

    private Jdbc() {
    }

    /**
     * A unit of work on one connection.
     *
     * @param <T> its result
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param c the connection, in a transaction
         * @return the result
         * @throws SQLException on database errors (the transaction is rolled back)
         */
        T run(Connection c) throws SQLException;
    }

    /**
     * Brings one feature's tables up to date. Other features' tables are already in the database, so the history
     * starts at version 0 when the feature's history table is new.
     *
     * @param dataSource   the appliance database
     * @param owner        a class of the feature (its class loader finds the migrations)
     * @param historyTable the feature's Flyway history table
     * @param location     where its migrations are, e.g. {@code classpath:db/jobs}
     */
    public static void migrate(DataSource dataSource, Class<?> owner, String historyTable, String location) {
        Flyway.configure(owner.getClassLoader())
                .dataSource(Objects.requireNonNull(dataSource, "dataSource"))
                .table(historyTable)
                .locations(location)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws. Runtime exceptions pass
     * through unchanged (they carry the caller's meaning); a database failure becomes {@code failure}'s exception.
     *
     * @param dataSource the database
     * @param work       the work
     * @param failure    what a database failure becomes
     * @param <T>        the result type
     * @return the work's result
     */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work,
            Function<SQLException, ? extends RuntimeException> failure) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                // The connection goes back to a shared pool whose other users expect auto-commit.
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }
}

package io.sextant.appliance.security;

import io.sextant.appliance.platform.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Plain JDBC access to the {@code accounts} table. */
final class AccountRepository {

    private static final String COLUMNS =
            "id, username, role, clearance, must_change_password, locked, failed_logins, locked_until";

    private final DataSource ds;

    AccountRepository(DataSource ds) {
        this.ds = ds;
    }

    long count() {
        try (Connection c = ds.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM accounts")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AccountException("cannot read accounts", e);
        }
    }

    Account insert(String username, Role role, String clearance, String hash, boolean mustChange, Instant now) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO accounts (username, role, clearance, password_hash, must_change_password, created_at,"
                             + " password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, username);
            ps.setString(2, role.name());
            ps.setString(3, clearance);
            ps.setString(4, hash);
            ps.setBoolean(5, mustChange);
            ps.setObject(6, ts(now));
            ps.setObject(7, ts(now));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Account(keys.getLong(1), username, role, clearance, mustChange, false, 0, null);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new AccountException("an account named '" + username + "' already exists", e);
            }
            throw new AccountException("cannot create the account", e);
        }
    }

    Optional<Account> byName(String username) {
        return one("SELECT " + COLUMNS + " FROM accounts WHERE username = ?", username);
    }

    Optional<Account> byId(long id) {
        return one("SELECT " + COLUMNS + " FROM accounts WHERE id = ?", id);
    }

    Optional<String> passwordHash(long id) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM accounts WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new AccountException("cannot read the account", e);
        }
    }

    List<Account> all() {
        List<Account> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM accounts ORDER BY username");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        } catch (SQLException e) {
            throw new AccountException("cannot read accounts", e);
        }
        return out;
    }

    /** Records a failure; when it reaches {@code max}, starts a lockout until {@code until} and resets the count. */
    boolean recordFailure(long id, int max, Instant until) {
        return Jdbc.inTransaction(ds, c -> {
            int failures;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT failed_logins FROM accounts WHERE id = ? FOR UPDATE")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    failures = rs.getInt(1) + 1;
                }
            }
            boolean lock = failures >= max;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE accounts SET failed_logins = ?, locked_until = ? WHERE id = ?")) {
                ps.setInt(1, lock ? 0 : failures);
                ps.setObject(2, lock ? ts(until) : null);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            return lock;
        }, e -> new AccountException("cannot record a failed sign-in", e));
    }

    void update(long id, String setClause, Object... values) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE accounts SET " + setClause + " WHERE id = ?")) {
            int i = 1;
            for (Object v : values) {
                ps.setObject(i++, v instanceof Instant t ? ts(t) : v);
            }
            ps.setLong(i, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new AccountException("cannot update the account", e);
        }
    }

    private Optional<Account> one(String sql, Object key) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new AccountException("cannot read the account", e);
        }
    }

    private static Account read(ResultSet rs) throws SQLException {
        OffsetDateTime until = rs.getObject("locked_until", OffsetDateTime.class);
        return new Account(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
                rs.getString("clearance"), rs.getBoolean("must_change_password"), rs.getBoolean("locked"),
                rs.getInt("failed_logins"), until == null ? null : until.toInstant());
    }

    static OffsetDateTime ts(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}

package io.sextant.appliance.admin;

import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.platform.Jdbc;
import io.sextant.appliance.security.Account;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import javax.sql.DataSource;

/**
 * Maps client-certificate subjects to accounts (mutual TLS, PKI/CAC sign-in). Subjects are compared in the
 * canonical RFC 2253 form, so attribute spelling, case and spacing do not matter. The TLS layer has already checked
 * that the certificate chains to a configured CA and is in date; this class only answers whose it is.
 */
public final class CertificateAccounts {

    /** Flyway history table of these tables. */
    public static final String HISTORY_TABLE = "flyway_mtls_history";
    /** Where the migrations live. */
    public static final String MIGRATIONS = "classpath:db/migration/mtls";

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;

    private CertificateAccounts(DataSource dataSource, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Brings the table up to date and opens the mapping.
     *
     * @param dataSource the appliance database
     * @param audit the audit log
     * @param clock the time source
     * @return the mapping
     */
    public static CertificateAccounts open(DataSource dataSource, AuditLog audit, Clock clock) {
        Jdbc.migrate(dataSource, CertificateAccounts.class, HISTORY_TABLE, MIGRATIONS);
        return new CertificateAccounts(dataSource, audit, clock);
    }

    /**
     * @param subject a distinguished name such as {@code CN=Ann Analyst,OU=J2,O=Example}
     * @return its canonical form
     * @throws IllegalArgumentException when it is not a distinguished name
     */
    public static String canonical(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("give the certificate's subject, e.g. --subject \"CN=Ann Analyst,O=Example\"");
        }
        return new X500Principal(subject.strip()).getName(X500Principal.CANONICAL);
    }

    /**
     * Maps a subject to an account, replacing the account's previous subject; audited as ADMIN_CHANGE.
     *
     * @param account the account
     * @param subject the subject DN
     * @param actor who does it
     * @param remote the client address, or null on the console
     * @return the canonical subject stored
     * @throws IllegalArgumentException when the subject is not a DN or already maps to another account
     */
    public String set(Account account, String subject, String actor, String remote) {
        String dn = canonical(subject);
        return Jdbc.inTransaction(dataSource, c -> {
            Optional<Long> owner = lookup(c, dn);
            if (owner.isPresent() && owner.get() != account.id()) {
                throw new IllegalArgumentException("that subject is already mapped to another account");
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM account_certificates WHERE account_id = ?")) {
                ps.setLong(1, account.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO account_certificates (subject, account_id, set_at, set_by) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, dn);
                ps.setLong(2, account.id());
                ps.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                ps.setString(4, actor);
                ps.executeUpdate();
            }
            audit.append(new AuditEvent(AuditEventType.ADMIN_CHANGE, Outcome.OK, actor,
                    "account:" + account.username(), "client certificate subject set: " + dn, null, remote));
            return dn;
        }, e -> new IllegalStateException("cannot store the certificate mapping", e));
    }

    /**
     * @param account an account
     * @return its mapped subject, if any
     */
    public Optional<String> subjectOf(Account account) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT subject FROM account_certificates WHERE account_id = ?")) {
            ps.setLong(1, account.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the certificate mappings", e);
        }
    }

    /**
     * @param certificate the client's certificate from the TLS session
     * @return the account id its subject maps to
     */
    public Optional<Long> accountFor(Certificate certificate) {
        if (!(certificate instanceof X509Certificate x509)) {
            return Optional.empty();
        }
        String dn = x509.getSubjectX500Principal().getName(X500Principal.CANONICAL);
        try (Connection c = dataSource.getConnection()) {
            return lookup(c, dn);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the certificate mappings", e);
        }
    }

    private static Optional<Long> lookup(Connection c, String dn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT account_id FROM account_certificates WHERE subject = ?")) {
            ps.setString(1, dn);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }
}

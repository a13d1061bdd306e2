package io.sextant.appliance.security;

import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * API tokens for scripts and batch clients: {@code sxt_<id>_<secret>} with a 256-bit random secret. Only the SHA-256 of
 * the whole token is stored (a token has full entropy, so a slow hash adds nothing); the id lets an administrator
 * revoke one token without ever seeing it again.
 */
public final class ApiTokens {

    private static final Pattern FORMAT = Pattern.compile("sxt_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");

    private final DataSource ds;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param ds the appliance database
     * @param audit the audit log
     * @param clock the time source
     */
    public ApiTokens(DataSource ds, AuditLog audit, Clock clock) {
        this.ds = ds;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param id the token id (safe to show and log)
     * @param token the token itself, to be shown once
     */
    public record Issued(String id, String token) {
    }

    /**
     * @param account whose token
     * @param actor who issues it
     * @return the new token, shown once
     */
    public Issued issue(Account account, String actor) {
        byte[] idBytes = new byte[8];
        byte[] secret = new byte[32];
        random.nextBytes(idBytes);
        random.nextBytes(secret);
        String id = HexFormat.of().formatHex(idBytes);
        String token = "sxt_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO api_tokens (token_id, account_id, token_hash, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setLong(2, account.id());
            ps.setString(3, sha256(token));
            ps.setObject(4, AccountRepository.ts(clock.instant()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new AccountException("cannot store the token", e);
        }
        audit.append(AuditEvent.of(AuditEventType.TOKEN_ISSUED, Outcome.OK, actor, account.username())
                .withDetail("token-id=" + id));
        return new Issued(id, token);
    }

    /**
     * @param token a bearer token as presented
     * @return the id of the account it belongs to, when it is well-formed, known and not revoked
     */
    public Optional<Long> accountFor(String token) {
        var m = FORMAT.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT account_id, token_hash FROM api_tokens WHERE token_id = ? AND revoked_at IS NULL")) {
            ps.setString(1, m.group(1));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && MessageDigest.isEqual(rs.getString(2).getBytes(StandardCharsets.US_ASCII),
                        sha256(token).getBytes(StandardCharsets.US_ASCII))) {
                    return Optional.of(rs.getLong(1));
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new AccountException("cannot check the token", e);
        }
    }

    /**
     * Revokes one token by id, or every token of an account by its name.
     *
     * @param accountOrTokenId an account name or a token id
     * @param accounts to resolve account names
     * @param actor who revokes
     * @return how many tokens were revoked
     */
    public int revoke(String accountOrTokenId, Accounts accounts, String actor) {
        Optional<Account> owner = accounts.byName(accountOrTokenId);
        String sql = owner.isPresent()
                ? "UPDATE api_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL"
                : "UPDATE api_tokens SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL";
        int n;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, AccountRepository.ts(clock.instant()));
            if (owner.isPresent()) {
                ps.setLong(2, owner.get().id());
            } else {
                ps.setString(2, accountOrTokenId);
            }
            n = ps.executeUpdate();
        } catch (SQLException e) {
            throw new AccountException("cannot revoke", e);
        }
        if (n > 0) {
            audit.append(AuditEvent.of(AuditEventType.TOKEN_REVOKED, Outcome.OK, actor,
                    owner.map(Account::username).orElse(null))
                    .withDetail(owner.isPresent() ? "all-tokens;count=" + n : "token-id=" + accountOrTokenId));
        }
        return n;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}

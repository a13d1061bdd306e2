package io.sextant.appliance.security;

import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.Outcome;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Local accounts: creation, sign-in with lockout, clearances, locks and password changes. Every change and every
 * sign-in attempt is audited here, so the web UI and the console commands cannot forget to.
 */
public final class Accounts {

    /** Shortest password accepted. */
    public static final int MIN_PASSWORD = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private final AccountRepository repo;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final LockoutPolicy lockout;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param ds the appliance database
     * @param hasher the password hasher
     * @param audit the audit log
     * @param lockout the lockout policy
     * @param clock the time source
     */
    public Accounts(DataSource ds, PasswordHasher hasher, AuditLog audit, LockoutPolicy lockout, Clock clock) {
        this.repo = new AccountRepository(ds);
        this.hasher = hasher;
        this.audit = audit;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** The outcome of a sign-in attempt. */
    public sealed interface SignIn {
        /** @param account who signed in */
        record Ok(Account account) implements SignIn {
        }

        /** Wrong name or password, or a locked account: the caller must not say which. */
        record Refused() implements SignIn {
        }
    }

    /**
     * @param account the new account
     * @param oneTimePassword the generated password to hand over once, or null when the caller supplied one
     */
    public record Created(Account account, String oneTimePassword) {
    }

    /**
     * Creates an account. Without a password a one-time password is generated. Either way the password was chosen by
     * someone else than the owner, who must change it at the first sign-in on the web UI.
     *
     * @param username the sign-in name (lower case letters, digits, {@code . _ -})
     * @param role its role
     * @param clearance its clearance (any form {@link ClearanceText} accepts)
     * @param password the password, or null to generate a one-time password
     * @param actor who creates it
     * @param remote the client address, or null on the console
     * @return the account and the one-time password if one was generated
     */
    public Created create(String username, Role role, String clearance, char[] password, String actor,
                          String remote) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new AccountException("invalid user name: use 1-64 lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter");
        }
        String canonical = canonicalClearance(clearance);
        String generated = password == null ? generatePassword() : null;
        char[] pw = password == null ? generated.toCharArray() : password;
        checkPassword(pw);
        Account a = repo.insert(username, role, canonical, hasher.hash(pw), true, clock.instant());
        audit.append(new AuditEvent(AuditEventType.USER_CREATED, Outcome.OK, actor, username,
                "role=" + role.name() + ";clearance=" + canonical, null, remote));
        return new Created(a, generated);
    }

    /**
     * Creates the first administrator when there are no accounts at all.
     *
     * @return the one-time password to print once, or empty when accounts exist
     */
    public synchronized Optional<String> createFirstAdmin() {
        if (repo.count() > 0) {
            return Optional.empty();
        }
        return Optional.of(create("admin", Role.ADMIN, "level=U;country=USA", null, "system", null).oneTimePassword());
    }

    /**
     * Checks a password, counting failures towards a lockout. Unknown names cost the same time as known ones.
     *
     * @param username the name given
     * @param password the password given
     * @param remote the client address
     * @return the result; {@link SignIn.Refused} says nothing about why
     */
    public SignIn signIn(String username, char[] password, String remote) {
        String actor = username != null && USERNAME.matcher(username).matches() ? username : "(invalid name)";
        Optional<Account> found = username == null ? Optional.empty() : repo.byName(username);
        Instant now = clock.instant();
        if (found.isEmpty() || password.length > PasswordHasher.MAX_LENGTH) {
            hasher.verifyDummy(new char[] {'x'});
            audit.append(new AuditEvent(AuditEventType.LOGIN, Outcome.FAILED, actor, null, "reason=bad-credentials",
                    null, remote));
            return new SignIn.Refused();
        }
        Account a = found.get();
        if (a.isLockedAt(now)) {
            audit.append(new AuditEvent(AuditEventType.LOGIN, Outcome.DENIED, actor, null,
                    a.locked() ? "reason=locked" : "reason=lockout", null, remote));
            return new SignIn.Refused();
        }
        if (!hasher.verify(password, repo.passwordHash(a.id()).orElseThrow())) {
            boolean locked = repo.recordFailure(a.id(), lockout.maxFailures(), now.plus(lockout.duration()));
            audit.append(new AuditEvent(AuditEventType.LOGIN, Outcome.FAILED, actor, null, "reason=bad-credentials",
                    null, remote));
            if (locked) {
                audit.append(new AuditEvent(AuditEventType.ACCOUNT_LOCKED, Outcome.OK, "system", a.username(),
                        "reason=" + lockout.maxFailures() + "-failures;minutes=" + lockout.duration().toMinutes(),
                        null, remote));
            }
            return new SignIn.Refused();
        }
        if (a.failedLogins() > 0 || a.lockedUntil() != null) {
            repo.update(a.id(), "failed_logins = 0, locked_until = NULL");
        }
        audit.append(new AuditEvent(AuditEventType.LOGIN, Outcome.OK, actor, null, null, null, remote));
        return new SignIn.Ok(repo.byId(a.id()).orElseThrow());
    }

    /**
     * Replaces a password after checking the current one.
     *
     * @param accountId whose
     * @param current the current password
     * @param replacement the new password
     * @param remote the client address
     * @return true when changed, false when the current password was wrong
     */
    public boolean changePassword(long accountId, char[] current, char[] replacement, String remote) {
        Account a = repo.byId(accountId).orElseThrow(() -> new AccountException("no such account"));
        if (!hasher.verify(current, repo.passwordHash(accountId).orElseThrow())) {
            audit.append(new AuditEvent(AuditEventType.PASSWORD_CHANGED, Outcome.FAILED, a.username(), a.username(),
                    "reason=bad-current-password", null, remote));
            return false;
        }
        checkPassword(replacement);
        if (hasher.verify(replacement, repo.passwordHash(accountId).orElseThrow())) {
            throw new AccountException("the new password must differ from the current one");
        }
        repo.update(accountId, "password_hash = ?, must_change_password = FALSE, password_changed_at = ?",
                hasher.hash(replacement), clock.instant());
        audit.append(new AuditEvent(AuditEventType.PASSWORD_CHANGED, Outcome.OK, a.username(), a.username(), null,
                null, remote));
        return true;
    }

    /**
     * @param username whose
     * @param clearance the new clearance
     * @param actor the administrator
     * @param remote the client address, or null
     * @return the canonical clearance stored
     */
    public String setClearance(String username, String clearance, String actor, String remote) {
        Account a = require(username);
        String canonical = canonicalClearance(clearance);
        repo.update(a.id(), "clearance = ?", canonical);
        audit.append(new AuditEvent(AuditEventType.CLEARANCE_SET, Outcome.OK, actor, username,
                "from=" + a.clearance() + ";to=" + canonical, null, remote));
        return canonical;
    }

    /**
     * Locks or unlocks an account; unlocking also clears an automatic lockout and the failure count.
     *
     * @param username whose
     * @param lock true to lock
     * @param actor the administrator
     * @param remote the client address, or null
     */
    public void setLocked(String username, boolean lock, String actor, String remote) {
        Account a = require(username);
        if (lock && a.username().equals(actor)) {
            throw new AccountException("administrators cannot lock their own account");
        }
        if (lock) {
            repo.update(a.id(), "locked = TRUE");
        } else {
            repo.update(a.id(), "locked = FALSE, failed_logins = 0, locked_until = NULL");
        }
        audit.append(new AuditEvent(lock ? AuditEventType.ACCOUNT_LOCKED : AuditEventType.ACCOUNT_UNLOCKED,
                Outcome.OK, actor, username, "reason=administrator", null, remote));
    }

    /**
     * @param id account id
     * @return the account
     */
    public Optional<Account> byId(long id) {
        return repo.byId(id);
    }

    /**
     * @param username name
     * @return the account
     */
    public Optional<Account> byName(String username) {
        return repo.byName(username);
    }

    /** @return every account by name */
    public List<Account> list() {
        return repo.all();
    }

    private Account require(String username) {
        return repo.byName(username).orElseThrow(() -> new AccountException("no account named '" + username + "'"));
    }

    private static String canonicalClearance(String clearance) {
        try {
            return ClearanceText.canonical(clearance);
        } catch (IllegalArgumentException e) {
            throw new AccountException(e.getMessage());
        }
    }

    private static void checkPassword(char[] pw) {
        if (pw.length < MIN_PASSWORD) {
            throw new AccountException("passwords need at least " + MIN_PASSWORD + " characters");
        }
        if (pw.length > PasswordHasher.MAX_LENGTH) {
            throw new AccountException("passwords may have at most " + PasswordHasher.MAX_LENGTH + " characters");
        }
    }

    private String generatePassword() {
        char[] out = new char[20];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}

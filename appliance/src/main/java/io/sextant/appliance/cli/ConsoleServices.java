package io.sextant.appliance.cli;

import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.H2AuditLog;
import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.platform.Database;
import io.sextant.appliance.security.Accounts;
import io.sextant.appliance.security.ApiTokens;
import io.sextant.appliance.security.LockoutPolicy;
import io.sextant.appliance.security.PasswordHasher;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The appliance services for console commands, without the server: they open the same H2 database (shared with a
 * running server through AUTO_SERVER) and audit as {@code cli:<os-user>}.
 *
 * @param database the open database
 * @param audit the audit log
 * @param accounts accounts
 * @param tokens API tokens
 */
record ConsoleServices(Database database, AuditLog audit, Accounts accounts, ApiTokens tokens)
        implements AutoCloseable {

    static ConsoleServices open(Path dataDir) {
        Database db = Database.open(new DataDir(dataDir));
        Clock clock = Clock.systemUTC();
        AuditLog audit = new H2AuditLog(db.dataSource(), clock);
        return new ConsoleServices(db, audit,
                new Accounts(db.dataSource(), new PasswordHasher(), audit, LockoutPolicy.DEFAULT, clock),
                new ApiTokens(db.dataSource(), audit, clock));
    }

    /** @return the audit actor for this console user */
    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    @Override
    public void close() {
        database.close();
    }
}

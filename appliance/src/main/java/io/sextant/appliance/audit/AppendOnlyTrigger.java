package io.sextant.appliance.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger that refuses every UPDATE and DELETE on the audit log. It stops mistakes and ordinary clients; someone
 * who can drop the trigger can also edit rows, and the hash chain is what catches that.
 */
public final class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("the audit log is append-only", "42000");
    }
}

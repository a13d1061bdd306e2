package io.sextant.appliance.platform;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.sql.Connection;
import java.sql.SQLException;

/** {@code GET /api/health}: public, status only — nothing about content, users or versions. */
@Controller("/api/health")
final class HealthController {

    private final Database db;

    HealthController(Database db) {
        this.db = db;
    }

    /** @param status UP or DOWN */
    @Serdeable
    record Health(String status) {
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Health> health() {
        try (Connection c = db.connection()) {
            if (c.isValid(2)) {
                return HttpResponse.ok(new Health("UP"));
            }
        } catch (SQLException e) {
            // falls through to DOWN; the cause is in the server log of the database, not in this public answer
        }
        return HttpResponse.<Health>status(HttpStatus.SERVICE_UNAVAILABLE).body(new Health("DOWN"));
    }
}

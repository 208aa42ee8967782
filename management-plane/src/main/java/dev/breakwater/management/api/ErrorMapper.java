package dev.breakwater.management.api;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.management.store.InUseException;
import dev.breakwater.management.store.MissingException;
import jakarta.ws.rs.WebApplicationException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps failures to statuses in one place: a document or policy the gateway could not compile
 * is 400 with the compiler's message; what does not exist is 404; a deletion of what subscriptions
 * still hang on is 409; a store that cannot be reached (PostgreSQL down or restarting) is 503, so
 * that a client retries, with the cause logged once per failure, not sent; any other failure is 500.
 */
public final class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof InUseException) {
            return Responses.error(409, failure.getMessage());
        }
        if (failure instanceof ConfigException || failure instanceof IllegalArgumentException) {
            return Responses.error(400, failure.getMessage());
        }
        if (failure instanceof MissingException) {
            return Responses.error(404, failure.getMessage());
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return Responses.error(status, web.getMessage() == null ? Response.Status.fromStatusCode(status).toString()
                    : web.getMessage());
        }
        if (failure instanceof SQLException sql && unreachable(sql)) {
            LOG.warn("request failed: the store cannot be reached: {}", sql.getMessage());
            return Responses.error(503, "the management plane's store (database) cannot be reached; the change was "
                    + "not confirmed: check with a read and retry once the database is back");
        }
        LOG.error("request failed", failure);
        return Responses.error(500, "the management plane failed to handle the request; see its log");
    }

    /**
     * A connection that could not be made or broke (SQL state class 08), a server shutting down
     * or starting (57P01..57P03), or what the driver calls transient or recoverable.
     */
    static boolean unreachable(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}

package dev.breakwater.management.api;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.management.store.InUseException;
import dev.breakwater.management.store.MissingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps failures to statuses in one place: a document or policy the gateway could not compile
 * is 400 with the compiler's message; what does not exist is 404; a deletion of what subscriptions
 * still hang on is 409; a store failure is 500 with
 * the cause logged, not sent.
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
        LOG.error("request failed", failure);
        return Responses.error(500, "the management plane failed to handle the request; see its log");
    }
}

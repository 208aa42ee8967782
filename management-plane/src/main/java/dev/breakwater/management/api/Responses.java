package dev.breakwater.management.api;

import dev.breakwater.gateway.config.StrictJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/** The management plane's responses: JSON written by {@link StrictJson}, errors in the gateway's format. */
public final class Responses {

    /** Every write answers with the configuration revision it produced. */
    public static final String REVISION_HEADER = "Breakwater-Revision";

    private static final StrictJson JSON = new StrictJson();

    private Responses() {
    }

    public static Response json(int status, Object value) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(JSON.write(value)).build();
    }

    public static Response ok(Object value) {
        return json(200, value);
    }

    /** A stored change: 201 when it created something, else 200, with the new revision. */
    public static Response changed(boolean created, Object value, long revision) {
        return Response.fromResponse(json(created ? 201 : 200, value)).header(REVISION_HEADER, revision).build();
    }

    public static Response deleted(long revision) {
        return Response.noContent().header(REVISION_HEADER, revision).build();
    }

    public static Response xml(String xml) {
        return Response.ok(xml.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_XML_TYPE).build();
    }

    /** {@code {"statusCode": 400, "message": "..."}}, as the gateway writes its errors. */
    public static Response error(int status, String message) {
        return json(status, new ErrorBody(status, message));
    }

    /** The error format. */
    public record ErrorBody(int statusCode, String message) {
    }
}

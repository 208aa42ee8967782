package dev.breakwater.management.api;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.ConfigLimits;
import dev.breakwater.gateway.config.StrictJson;
import jakarta.ws.rs.WebApplicationException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Reads request bodies strictly, and checks that an id in the body agrees with the path. */
final class Bodies {

    private static final StrictJson JSON = new StrictJson();

    private Bodies() {
    }

    static <T> T read(byte[] body, Class<T> type) throws ConfigException {
        return JSON.read(body, type);
    }

    static boolean hasProperty(byte[] body, String property) {
        return JSON.hasProperty(body, property);
    }

    /** The id from the path; a body that names another is an error. */
    static String sameId(String pathId, String bodyId, String what) {
        if (bodyId != null && !Objects.equals(pathId, bodyId)) {
            throw new IllegalArgumentException("the body's id '" + bodyId + "' is not the " + what + " '" + pathId
                    + "' of the path");
        }
        return pathId;
    }

    /**
     * Policy XML as sent; a blank body is an error rather than a silent removal (use DELETE), and
     * one larger than a policy document may be is 413.
     */
    static String policy(byte[] body) {
        if (body.length > ConfigLimits.MAX_POLICY_BYTES) {
            throw new WebApplicationException("the policy document has " + body.length + " bytes; one may have at most "
                    + ConfigLimits.MAX_POLICY_BYTES + " (256 KiB)", 413);
        }
        String xml = new String(body, StandardCharsets.UTF_8);
        if (xml.isBlank()) {
            throw new IllegalArgumentException("the policy is empty; DELETE removes a policy");
        }
        return xml;
    }
}

package dev.breakwater.gateway.config;

import java.util.List;

/**
 * A response an operation documents (APIM's operation responses): its status and the representations
 * it may come in. mock-response answers with one of them.
 *
 * @param statusCode      the HTTP status, 100 to 599
 * @param description     free text, or {@code null}
 * @param representations the bodies it may have, each with its content type; may be empty
 */
public record ResponseDefinition(int statusCode, String description, List<RepresentationDefinition> representations) {

    public ResponseDefinition {
        representations = representations == null ? List.of() : List.copyOf(representations);
    }
}

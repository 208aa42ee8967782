package dev.breakwater.gateway.config;

/**
 * One representation of a documented response: a content type and, optionally, an example body
 * (APIM's sample), sent as it is written here.
 *
 * @param contentType a media type such as {@code application/json}
 * @param example     the example body as text, or {@code null} when there is none
 */
public record RepresentationDefinition(String contentType, String example) {
}

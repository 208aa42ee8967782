package dev.breakwater.gateway.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * JSON as Breakwater reads it: strictly. An unknown property, a duplicate key, a string where
 * a number belongs or trailing garbage is an error with its JSON path and line, never silently
 * ignored (see {@link JsonMessages}). Times are ISO-8601 strings. No string may be longer than
 * {@link ConfigLimits#MAX_STRING_CHARS}: the gateway and the management plane parse with this
 * one class, so they accept the same documents.
 */
public final class StrictJson {

    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(ConfigLimits.MAX_STRING_CHARS).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a missing number is 0 (an optional revision), rather than "Cannot map null into long"
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // 1.5 is not a revision
            .withCoercionConfig(LogicalType.Textual, strings -> strings // 5 is not a name
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** Reads a configuration document. */
    public ConfigDocument read(byte[] json) throws ConfigException {
        return read(json, ConfigDocument.class);
    }

    /** Reads a JSON value of the given type; empty input is an error too. */
    public <T> T read(byte[] json, Class<T> type) throws ConfigException {
        if (new String(json, StandardCharsets.UTF_8).isBlank()) {
            throw new ConfigException("the document is empty");
        }
        // our own parser, still open when a value fails: it names the value found
        try (JsonParser parser = mapper.createParser(json)) {
            return read(parser, type);
        } catch (IOException e) {
            throw new ConfigException("cannot read the configuration document: " + e.getMessage(), e);
        }
    }

    private <T> T read(JsonParser parser, Class<T> type) throws ConfigException {
        try {
            T value = mapper.readValue(parser, type);
            if (value == null) {
                throw new ConfigException("the document is empty");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : "; known properties: " + e.getKnownPropertyIds()
                    .stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
            throw new ConfigException("unknown property '" + e.getPropertyName() + "' at "
                    + JsonMessages.path(e.getPath()) + JsonMessages.where(e.getLocation()) + known);
        } catch (MismatchedInputException e) {
            throw new ConfigException(JsonMessages.mismatch(e, parser));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamConstraintsException) {
                throw tooLong(JsonMessages.path(e.getPath()), parser.currentLocation());
            }
            if (e.getCause() instanceof StreamReadException malformed) {
                throw malformed(malformed);
            }
            throw new ConfigException("invalid value at " + JsonMessages.path(e.getPath())
                    + JsonMessages.where(e.getLocation()) + ": " + JsonMessages.firstLine(
                    e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                            : e.getOriginalMessage()));
        } catch (StreamConstraintsException e) {
            throw tooLong(null, parser.currentLocation());
        } catch (StreamReadException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new ConfigException("cannot read the configuration document: " + e.getMessage(), e);
        }
    }

    /** Whether a JSON object has a property at its top level (read leniently: only for that question). */
    public boolean hasProperty(byte[] json, String property) {
        try {
            JsonNode tree = mapper.readTree(json);
            return tree != null && tree.has(property);
        } catch (IOException e) {
            return false;
        }
    }

    /** A value as compact JSON, in the format {@link #read} accepts; null properties are left out. */
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a " + value.getClass().getSimpleName() + " could not be written", e);
        }
    }

    private static ConfigException malformed(StreamReadException e) {
        return new ConfigException("malformed JSON" + JsonMessages.where(e.getLocation()) + ": "
                + JsonMessages.firstLine(e.getOriginalMessage()));
    }

    private static ConfigException tooLong(String path, JsonLocation location) {
        return new ConfigException((path == null ? "a string" : "the string at " + path) + JsonMessages.where(location)
                + " is longer than " + ConfigLimits.MAX_STRING_CHARS + " characters, the most a document may hold "
                + "(one policy document may have at most 256 KiB)");
    }
}

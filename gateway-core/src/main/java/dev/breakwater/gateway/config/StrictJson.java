package dev.breakwater.gateway.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * JSON as Breakwater reads it: strictly. An unknown property, a duplicate key, a string where
 * a number belongs or trailing garbage is an error with its JSON path and line, never silently
 * ignored. Times are ISO-8601 strings.
 */
public final class StrictJson {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a missing number is 0 (an optional revision), rather than "Cannot map null into long"
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
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
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw new ConfigException("the document is empty");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : "; known properties: " + e.getKnownPropertyIds()
                    .stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
            throw new ConfigException("unknown property '" + e.getPropertyName() + "' at "
                    + path(e.getPath()) + where(e.getLocation()) + known);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException malformed) {
                throw malformed(malformed);
            }
            throw new ConfigException("invalid value at " + path(e.getPath()) + where(e.getLocation()) + ": "
                    + firstLine(e.getOriginalMessage()));
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
        return new ConfigException("malformed JSON" + where(e.getLocation()) + ": " + firstLine(e.getOriginalMessage()));
    }

    /** Jackson's messages go on about their source; the first clause is the useful part. */
    private static String firstLine(String message) {
        int cut = message.indexOf(" (for ");
        cut = cut < 0 ? message.indexOf('\n') : cut;
        return cut < 0 ? message : message.substring(0, cut);
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

}

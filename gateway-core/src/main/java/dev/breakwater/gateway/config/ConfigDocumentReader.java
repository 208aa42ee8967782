package dev.breakwater.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads configuration documents strictly: an unknown property, a duplicate key, a string
 * where a number belongs or trailing garbage is an error with its JSON path and line, never
 * silently ignored.
 */
public final class ConfigDocumentReader {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    public ConfigDocument read(byte[] json) throws ConfigException {
        if (new String(json, StandardCharsets.UTF_8).isBlank()) {
            throw new ConfigException("the configuration document is empty");
        }
        try {
            ConfigDocument document = mapper.readValue(json, ConfigDocument.class);
            if (document == null) {
                throw new ConfigException("the configuration document is empty");
            }
            return document;
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

    /** The document as JSON, in the same format {@link #read} accepts. */
    public byte[] write(ConfigDocument document) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a configuration document could not be written", e);
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

package dev.breakwater.gateway.policy.liquid;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

import javax.xml.stream.XMLStreamException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Binds the message body to {@code body} by its Content-Type, as APIM documents: JSON for
 * {@code application/json}, {@code text/json} and any {@code +json} type; XML ({@link XmlBody}) for
 * {@code application/xml}, {@code text/xml} and any {@code +xml} type. Any other type, no type or
 * an empty body leaves {@code body} unbound (nil), so {@code {{body.x}}} writes nothing. A body
 * that does not parse as its type is an error: a template must not quietly turn it into nothing.
 */
final class BodyBinder {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private BodyBinder() {
    }

    /** The value of {@code body}, or null when it is not bound. */
    static Object bind(byte[] body, String contentType, BodyBinding binding) throws LiquidException {
        if (body == null || body.length == 0 || contentType == null) {
            return null;
        }
        String mediaType = mediaType(contentType);
        if (isJson(mediaType)) {
            try {
                Charset charset = charset(contentType);
                var tree = charset == null ? JSON.readTree(body) : JSON.readTree(new String(body, charset));
                return JsonBody.toModel(tree, binding.parseDates());
            } catch (JsonProcessingException bad) {
                throw new LiquidException("the body is not valid JSON (" + mediaType + "): " + bad.getOriginalMessage());
            } catch (IOException unreadable) {
                throw new LiquidException("the body could not be read as JSON: " + unreadable.getMessage());
            }
        }
        if (isXml(mediaType)) {
            try {
                return XmlBody.read(body, binding);
            } catch (XMLStreamException bad) {
                throw new LiquidException("the body is not valid XML (" + mediaType + "): " + bad.getMessage());
            }
        }
        return null;
    }

    static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.equals("text/json") || mediaType.endsWith("+json");
    }

    static boolean isXml(String mediaType) {
        return mediaType.equals("application/xml") || mediaType.equals("text/xml") || mediaType.endsWith("+xml");
    }

    /** {@code "Application/JSON; charset=utf-8"} → {@code "application/json"}. */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The charset parameter when it names one other than UTF-8 (which JSON detects on its own). */
    private static Charset charset(String contentType) throws LiquidException {
        for (String parameter : contentType.split(";")) {
            String[] nameValue = parameter.split("=", 2);
            if (nameValue.length == 2 && nameValue[0].trim().equalsIgnoreCase("charset")) {
                String name = nameValue[1].trim().replace("\"", "");
                try {
                    Charset charset = Charset.forName(name);
                    return charset.equals(StandardCharsets.UTF_8) ? null : charset;
                } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                    throw new LiquidException("the body's charset '" + name + "' is not supported");
                }
            }
        }
        return null;
    }
}

package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.transform.ConversionException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * What json-to-xml and xml-to-json share: whether the conversion applies to this message
 * ({@code apply="always"} or only when the message's Content-Type says the source format;
 * {@code consider-accept-header}: only when the request's Accept header asks for the target format),
 * then converting the body and setting the Content-Type. An empty body is left alone. A body that does
 * not convert fails the request: 400 for a request body (the client sent it), 500 for a response body.
 */
final class BodyConversion {

    /** The conversion itself, with its attributes evaluated for the request. */
    interface Converter {
        String convert(byte[] body, PolicyContext context) throws ConversionException, PolicyException;
    }

    private final String policy;
    private final BodyTarget target;
    private final Choice apply;
    private final Value<Boolean> considerAcceptHeader;
    private final Predicate<String> isSourceType;
    private final Predicate<Iterable<String>> acceptsResult;
    private final String resultType;
    private final Converter converter;

    /**
     * @param isSourceType  whether a Content-Type names the format converted from
     * @param acceptsResult whether the Accept header values ask for the format converted to
     * @param resultType    the Content-Type of the result
     */
    BodyConversion(String policy, BodyTarget target, Choice apply, Value<Boolean> considerAcceptHeader,
                   Predicate<String> isSourceType, Predicate<Iterable<String>> acceptsResult, String resultType,
                   Converter converter) {
        this.policy = policy;
        this.target = target;
        this.apply = apply;
        this.considerAcceptHeader = considerAcceptHeader;
        this.isSourceType = isSourceType;
        this.acceptsResult = acceptsResult;
        this.resultType = resultType;
        this.converter = converter;
    }

    Outcome run(PolicyContext context) throws PolicyException {
        if (!apply.get(context).equals("always") && !isSourceType.test(target.headers(context).first("Content-Type"))) {
            return Outcome.CONTINUE;
        }
        if (Boolean.TRUE.equals(considerAcceptHeader.get(context))
                && !acceptsResult.test(context.request().headers().all("Accept"))) {
            return Outcome.CONTINUE;
        }
        byte[] content = target.content(context);
        if (content.length == 0) {
            return Outcome.CONTINUE;
        }
        String converted;
        try {
            converted = converter.convert(content, context);
        } catch (ConversionException e) {
            boolean request = target == BodyTarget.REQUEST;
            throw new PolicyException(policy, request ? "InvalidRequestBody" : "InvalidResponseBody", request ? 400 : 500,
                    policy + ": " + (request ? "the request body" : "the response body") + " cannot be converted: "
                            + e.getMessage());
        }
        target.replace(context, converted.getBytes(StandardCharsets.UTF_8), resultType);
        return Outcome.CONTINUE;
    }
}

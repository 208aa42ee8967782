package dev.breakwater.gateway.policy.expression.context;

/**
 * A message body (APIM's IMessageBody). APIM's {@code As<T>(preserveContent)} reads the original body
 * stream and, unless {@code preserveContent} is true, leaves the body unavailable afterwards: later
 * reads, and the message forwarded, see it empty. The implementation keeps that rule.
 */
public interface MessageBody {
    /**
     * The body's bytes. With {@code preserveContent} false the body is consumed: later calls return an
     * empty array and the message goes on without a body.
     */
    byte[] read(boolean preserveContent);
}

package dev.breakwater.gateway.policy.runtime.views;

import dev.breakwater.gateway.policy.expression.context.MessageBody;
import dev.breakwater.gateway.policy.runtime.Body;

/** A message body as expressions read it; the engine buffered it before any expression that reads it runs. */
record BodyView(Body body) implements MessageBody {

    @Override
    public byte[] read(boolean preserveContent) {
        return body.read(preserveContent);
    }
}

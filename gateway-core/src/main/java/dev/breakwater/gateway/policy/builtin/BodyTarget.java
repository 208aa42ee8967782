package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.runtime.Body;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;

/**
 * The message whose body a transformation policy works on where it stands: the request on its way to
 * the backend in inbound and backend, the client's response in outbound and on-error.
 */
enum BodyTarget {
    REQUEST, RESPONSE;

    static BodyTarget of(Section section) {
        return section.actsOnRequest() ? REQUEST : RESPONSE;
    }

    /** What the policy declares so that the gateway buffers this body (bounded) before it runs. */
    Trait readsBody() {
        return this == REQUEST ? Trait.READS_REQUEST_BODY : Trait.READS_RESPONSE_BODY;
    }

    Body body(PolicyContext context) {
        return this == REQUEST ? context.request().body() : context.response().body();
    }

    Headers headers(PolicyContext context) {
        return this == REQUEST ? context.request().headers() : context.response().headers();
    }

    /**
     * The content as the next hop would get it: the gateway's default error rendered as the JSON the
     * client would see. Empty when there is no body, or none was buffered.
     */
    byte[] content(PolicyContext context) {
        Body body = body(context);
        if (this == RESPONSE && body.isDefaultError()) {
            ResponseMessage response = context.response();
            return response.bodyToSend();
        }
        return body.read(true);
    }

    /** Replaces the content and says what it now is. */
    void replace(PolicyContext context, byte[] content, String contentType) {
        body(context).set(content);
        if (contentType != null) {
            headers(context).set("Content-Type", contentType);
        }
    }
}

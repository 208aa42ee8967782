package dev.breakwater.gateway.policy.runtime.views;

import dev.breakwater.gateway.policy.expression.context.MessageBody;
import dev.breakwater.gateway.policy.expression.context.ResponseView;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;

/** {@code context.Response}, and a response a call-out stored in a variable. */
record ResponseViewImpl(ResponseMessage response) implements ResponseView {

    @Override
    public MessageBody body() {
        return new BodyView(response.body());
    }

    @Override
    public Map<String, String[]> headers() {
        return new HeaderMap(response.headers());
    }

    @Override
    public int statusCode() {
        return response.status();
    }

    @Override
    public String statusReason() {
        String reason = response.reason();
        return reason != null ? reason : HttpStatus.getMessage(response.status());
    }
}

package dev.breakwater.gateway.policy.runtime.views;

import dev.breakwater.gateway.certificate.PresentedChain;
import dev.breakwater.gateway.certificate.TrustedCertificates;
import dev.breakwater.gateway.policy.expression.context.CertificateView;
import dev.breakwater.gateway.policy.expression.context.MessageBody;
import dev.breakwater.gateway.policy.expression.context.RequestView;
import dev.breakwater.gateway.policy.expression.context.UrlView;
import dev.breakwater.gateway.policy.runtime.ClientRequest;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.RequestMessage;
import java.util.Map;

/**
 * {@code context.Request}: the request as policies have made it so far. {@code Url} is the URL it
 * will be forwarded to (the backend's base with the current path and query), or the client's URL
 * with them while no backend is known; {@code OriginalUrl} is what the client sent.
 */
final class RequestViewImpl implements RequestView {

    private final PolicyContext context;

    RequestViewImpl(PolicyContext context) {
        this.context = context;
    }

    @Override
    public MessageBody body() {
        RequestMessage request = context.request();
        boolean none = !context.client().hasBody() && !request.body().isChanged() && request.body().bytes() == null;
        return none ? null : new BodyView(request.body());
    }

    @Override
    public CertificateView certificate() {
        PresentedChain presented = context.get(PresentedChain.KEY);
        if (presented == null) {
            return null;
        }
        TrustedCertificates trusted = context.get(TrustedCertificates.KEY);
        return new ClientCertificateView(presented, trusted == null ? TrustedCertificates.NONE : trusted,
                context.clock());
    }

    @Override
    public Map<String, String[]> headers() {
        return new HeaderMap(context.request().headers());
    }

    @Override
    public String ipAddress() {
        return context.client().ipAddress();
    }

    @Override
    public Map<String, String> matchedParameters() {
        return context.templateValues().decoded();
    }

    @Override
    public String method() {
        return context.request().method();
    }

    @Override
    public UrlView originalUrl() {
        ClientRequest client = context.client();
        return new UrlParts(client.scheme(), client.host(), client.port(), client.rawPath(), client.rawQuery());
    }

    @Override
    public UrlView url() {
        RequestMessage request = context.request();
        String backend = request.backendUrl();
        if (backend != null) {
            return UrlParts.of(backend);
        }
        ClientRequest client = context.client();
        return new UrlParts(client.scheme(), client.host(), client.port(), request.path(), request.rawQuery());
    }
}

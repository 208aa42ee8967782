package dev.breakwater.runner;

import dev.breakwater.gateway.tls.HostPatterns;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSession;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * 421 Misdirected Request for a request to a host name that negotiates a client certificate on a
 * connection whose SNI named another host, which was not asked for one. HTTP/2 clients reuse a
 * connection for every name its certificate covers (connection coalescing), so without this a
 * browser's request to {@code mtls.example.com} could ride a connection made for
 * {@code www.example.com} and reach the policies without its certificate; 421 tells the client to
 * open a connection of its own (RFC 9110, 15.5.20). Connections without SNI are let through: their
 * clients cannot ask better, and the policies see no certificate.
 */
final class MisdirectedHostCheck implements HttpConfiguration.Customizer {

    private final HostPatterns hosts;

    MisdirectedHostCheck(HostPatterns hosts) {
        this.hosts = hosts;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (!(request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData tls)) {
            return request;
        }
        String sni = sni(tls.sslSession());
        if (sni == null || hosts.matches(sni)) {
            return request; // no SNI, or a connection that was asked for a certificate
        }
        if (hosts.matches(Request.getServerName(request))) {
            throw new BadMessageException(421, "Misdirected Request: this host name asks for a client certificate "
                    + "on a connection of its own");
        }
        return request;
    }

    private static String sni(SSLSession session) {
        if (session instanceof ExtendedSSLSession extended) {
            List<SNIServerName> names = extended.getRequestedServerNames();
            for (SNIServerName name : names) {
                if (name instanceof SNIHostName host) {
                    return host.getAsciiName();
                }
            }
        }
        return null;
    }
}

package dev.breakwater.gateway.tls;

import dev.breakwater.gateway.settings.Setting;
import dev.breakwater.gateway.settings.SettingCheck;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The settings of an HTTPS listener, shared by the gateway runner and the management plane so that
 * both read certificates the same way. The keystore's password is no setting: it is read only from
 * the environment variable {@value #KEYSTORE_PASSWORD_VARIABLE}, so it is never in a file, on a
 * command line or in a process listing.
 */
public final class HttpsSettings {

    public static final String PORT = "server.https.port";
    public static final String HOST = "server.https.host";
    public static final String CERTIFICATE = "server.https.certificate";
    public static final String KEY = "server.https.key";
    public static final String KEYSTORE = "server.https.keystore";
    public static final String PROTOCOLS = "server.https.protocols";
    public static final String CIPHER_SUITES = "server.https.cipher.suites";
    public static final String RELOAD_INTERVAL = "server.https.reload.interval";
    public static final String HTTP2 = "server.http2.enabled";
    /** The gateway's hostnames that negotiate a client certificate (APIM's negotiateClientCertificate). */
    public static final String CLIENT_CERTIFICATE_HOSTS = "server.https.client.certificate.hosts";
    /** The environment variable of the keystore's password (never a setting). */
    public static final String KEYSTORE_PASSWORD_VARIABLE = "SERVER_HTTPS_KEYSTORE_PASSWORD";

    /**
     * The settings, for a program's list.
     *
     * @param plainHostSetting names the plain listener's address setting
     * @param gateway          the gateway's listener: HTTP/2 (the setting {@value #HTTP2}) and client
     *                         certificates ({@value #CLIENT_CERTIFICATE_HOSTS})
     */
    public static List<Setting> settings(String plainHostSetting, boolean gateway) {
        List<Setting> settings = List.of(
                new Setting(PORT, null, "port of the HTTPS listener (off when unset; 0 picks a free one)",
                        SettingCheck.integer(0, 65535)),
                new Setting(HOST, null, "address the HTTPS listener binds to (default: as " + plainHostSetting + ")"),
                new Setting(CERTIFICATE, null, "PEM files of the HTTPS certificates, comma-separated, each with its "
                        + "chain; the first is served when no other matches the client's SNI host name"),
                new Setting(KEY, null, "PEM files of their private keys (unencrypted: PKCS#8, PKCS#1 RSA or SEC 1 EC), "
                        + "comma-separated, in the order of " + CERTIFICATE),
                new Setting(KEYSTORE, null, "instead of " + CERTIFICATE + " and " + KEY + ": a PKCS#12 file with the "
                        + "certificates and keys (the first entry is the default); its password only in the environment "
                        + "variable " + KEYSTORE_PASSWORD_VARIABLE),
                new Setting(PROTOCOLS, "TLSv1.3,TLSv1.2", "TLS versions the HTTPS listener accepts, comma-separated",
                        HttpsSettings::protocols),
                new Setting(CIPHER_SUITES, null, "cipher suites the HTTPS listener accepts, comma-separated (default: "
                        + "the JDK's, minus Jetty's weak exclusions: no RSA key exchange, SHA-1, MD5, NULL, anonymous)",
                        HttpsSettings::cipherSuites),
                new Setting(RELOAD_INTERVAL, "5s", "how often the certificate and key files are checked for changes; a "
                        + "changed set is served to new connections without a restart", SettingCheck.duration(
                                Duration.ofMillis(10))));
        if (!gateway) {
            return settings;
        }
        return Stream.concat(settings.stream(), Stream.of(new Setting(HTTP2, "true",
                "HTTP/2 on the HTTPS listener, chosen by ALPN (HTTP/1.1 stays available)", SettingCheck.bool()),
                new Setting(CLIENT_CERTIFICATE_HOSTS, null, "SNI host names, comma-separated, for which the HTTPS "
                        + "listener requests a client certificate without requiring one (APIM's "
                        + "negotiateClientCertificate); '*.example.com' matches one label, '*' every connection; any "
                        + "certificate is accepted by TLS and policies check it (validate-client-certificate)",
                        HostPatterns::problem)))
                .toList();
    }

    /** A check: only TLS versions this stack offers; SSLv3 and TLS 1.0/1.1 are refused. */
    private static String protocols(String value) {
        for (String protocol : value.split(",")) {
            String name = protocol.trim();
            if (!name.equals("TLSv1.3") && !name.equals("TLSv1.2")) {
                return "must list TLSv1.3 and/or TLSv1.2 (older versions are broken), not '" + name + "'";
            }
        }
        return null;
    }

    /**
     * A check: every listed suite (Jetty reads each as a pattern) names a suite this runtime offers
     * and Jetty's weak exclusions leave in; Jetty would otherwise drop it without a word, and a list
     * with nothing left would fail every handshake.
     */
    private static String cipherSuites(String value) {
        List<String> supported;
        List<Pattern> excluded;
        try {
            supported = List.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
            excluded = Arrays.stream(new SslContextFactory.Server().getExcludeCipherSuites()).map(Pattern::compile)
                    .toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM's TLS context cannot be read: " + e.getMessage(), e);
        }
        for (String item : value.split(",")) {
            String name = item.trim();
            if (name.isEmpty()) {
                continue;
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(name);
            } catch (PatternSyntaxException e) {
                return "lists '" + name + "', which is no cipher suite name";
            }
            List<String> matching = supported.stream().filter(suite -> pattern.matcher(suite).matches()).toList();
            if (matching.isEmpty()) {
                return "lists '" + name + "', a cipher suite this Java runtime does not offer";
            }
            if (matching.stream().allMatch(suite -> excluded.stream().anyMatch(weak -> weak.matcher(suite).matches()))) {
                return "lists '" + name + "', a weak cipher suite that is always excluded (RSA key exchange, SHA-1, "
                        + "MD5, NULL or anonymous)";
            }
        }
        return null;
    }

    private HttpsSettings() {
    }
}

package dev.breakwater.gateway.tls;

import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * An HTTPS listener's settings, read and checked together: where it listens, where its
 * certificates come from (PEM pairs or one PKCS#12 keystore), and what TLS it speaks.
 * {@link #toString()} never shows the keystore's password.
 *
 * @param clientCertificateHosts the SNI host names for which a client certificate is requested
 *                               (never required); none on the management plane
 */
public record HttpsOptions(int port, String host, CertificateSource certificates, List<String> protocols,
                           List<String> cipherSuites, Duration reloadInterval, boolean http2,
                           HostPatterns clientCertificateHosts) {

    /**
     * The options, or {@code null} when {@value HttpsSettings#PORT} is unset (no HTTPS listener).
     *
     * @param plainHost the plain listener's address: the default of {@value HttpsSettings#HOST}
     * @param gateway   the gateway's listener: it has the settings {@value HttpsSettings#HTTP2} (else HTTP/1.1
     *                  only) and {@value HttpsSettings#CLIENT_CERTIFICATE_HOSTS}
     */
    public static HttpsOptions from(Settings settings, String plainHost, boolean gateway) throws SettingsException {
        if (settings.get(HttpsSettings.PORT) == null) {
            return null;
        }
        String host = settings.get(HttpsSettings.HOST);
        return new HttpsOptions(settings.integer(HttpsSettings.PORT, 0, 65535), host == null ? plainHost : host,
                source(settings), list(settings.get(HttpsSettings.PROTOCOLS)),
                list(settings.get(HttpsSettings.CIPHER_SUITES)), settings.duration(HttpsSettings.RELOAD_INTERVAL),
                gateway && settings.bool(HttpsSettings.HTTP2), gateway
                        ? new HostPatterns(list(settings.get(HttpsSettings.CLIENT_CERTIFICATE_HOSTS))) : HostPatterns.NONE);
    }

    private static CertificateSource source(Settings settings) throws SettingsException {
        List<Path> certificates = paths(settings.get(HttpsSettings.CERTIFICATE));
        List<Path> keys = paths(settings.get(HttpsSettings.KEY));
        String keystore = settings.get(HttpsSettings.KEYSTORE);
        if (keystore != null) {
            if (!certificates.isEmpty() || !keys.isEmpty()) {
                throw new SettingsException("setting '" + HttpsSettings.KEYSTORE + "' excludes '"
                        + HttpsSettings.CERTIFICATE + "' and '" + HttpsSettings.KEY + "': give one or the other");
            }
            String password = settings.environment(HttpsSettings.KEYSTORE_PASSWORD_VARIABLE);
            if (password == null) {
                throw new SettingsException("setting '" + HttpsSettings.KEYSTORE + "' needs the keystore's password in "
                        + "the environment variable " + HttpsSettings.KEYSTORE_PASSWORD_VARIABLE);
            }
            return new CertificateSource(List.of(), List.of(), Path.of(keystore), password.toCharArray());
        }
        if (certificates.isEmpty() || keys.isEmpty()) {
            throw new SettingsException("setting '" + HttpsSettings.PORT + "' needs certificates: '"
                    + HttpsSettings.CERTIFICATE + "' and '" + HttpsSettings.KEY + "' (PEM files), or '"
                    + HttpsSettings.KEYSTORE + "' (PKCS#12)");
        }
        if (certificates.size() != keys.size()) {
            throw new SettingsException("settings '" + HttpsSettings.CERTIFICATE + "' and '" + HttpsSettings.KEY
                    + "' pair files in order, but list " + certificates.size() + " and " + keys.size() + " files");
        }
        return new CertificateSource(certificates, keys, null, null);
    }

    private static List<Path> paths(String value) {
        return list(value).stream().map(Path::of).toList();
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::trim)
                .filter(item -> !item.isEmpty()).toList();
    }

    /**
     * Where the certificates are read from: PEM files paired in order, or a PKCS#12 keystore.
     *
     * @param keystorePassword only with a keystore; never shown
     */
    public record CertificateSource(List<Path> certificateFiles, List<Path> keyFiles, Path keystore,
                                    char[] keystorePassword) {

        /** Every file whose change reloads the certificates. */
        public List<Path> files() {
            if (keystore != null) {
                return List.of(keystore);
            }
            return Stream.concat(certificateFiles.stream(), keyFiles.stream()).toList();
        }

        @Override
        public String toString() {
            return keystore != null ? "keystore " + keystore : "certificates " + certificateFiles + " keys " + keyFiles;
        }
    }
}

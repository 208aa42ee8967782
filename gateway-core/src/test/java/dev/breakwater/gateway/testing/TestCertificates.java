package dev.breakwater.gateway.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates for TLS tests, made with the JDK's own {@code keytool} (no other tool, no new
 * dependency), once per test JVM: a CA, a server certificate for 127.0.0.1 and localhost signed by
 * it, and two client certificates signed by it, one with an EC key, the other with an RSA key; for
 * client certificate checks also an expired one from the CA, and one from another CA that nothing
 * trusts. Files live in a temp directory removed when the JVM exits.
 */
public final class TestCertificates {

    /** The password of every key store here. */
    public static final String PASSWORD = "test-store-pass";
    public static final String CLIENT_SUBJECT = "CN=orders-client,O=Breakwater Test";
    public static final String OTHER_CLIENT_SUBJECT = "CN=billing-client,O=Breakwater Test";

    private static TestCertificates made;
    /** Makes every {@link #serverPem} name unique. */
    private int serial;

    public final Path dir;
    /** The CA's certificate, PEM: what a gateway trusts for backends (backend.tls.trust) and backends for clients. */
    public final Path caPem;
    /** PKCS#12 with the server's key and chain, for a TLS backend. */
    public final Path serverStore;
    public final Path clientStore;
    public final Path otherClientStore;
    /** A client certificate from the CA whose validity ended 30 days ago. */
    public final Path expiredClientStore;
    /** A client certificate from another CA ({@link #otherCaPem}), which no test trusts by default. */
    public final Path foreignClientStore;
    public final Path otherCaPem;
    /** The DNS name in the client certificate's subject alternative names. */
    public static final String CLIENT_DNS_NAME = "orders.client.test";
    /** PKCS#12 of a self-signed server certificate for 127.0.0.1 and localhost: no CA vouches for it. */
    public final Path selfSignedStore;
    /** PKCS#12 of a server certificate from the CA that names only {@code wrong.example}, not 127.0.0.1. */
    public final Path wrongNameStore;

    private TestCertificates(Path dir) {
        this.dir = dir;
        this.caPem = dir.resolve("ca.pem");
        this.serverStore = dir.resolve("server.p12");
        this.clientStore = dir.resolve("client.p12");
        this.otherClientStore = dir.resolve("other-client.p12");
        this.selfSignedStore = dir.resolve("self-signed.p12");
        this.wrongNameStore = dir.resolve("wrong-name.p12");
        this.expiredClientStore = dir.resolve("expired-client.p12");
        this.foreignClientStore = dir.resolve("foreign-client.p12");
        this.otherCaPem = dir.resolve("other-ca.pem");
    }

    /** The certificates, made on the first call. */
    public static synchronized TestCertificates get() throws IOException, InterruptedException {
        if (made == null) {
            Path dir = Files.createTempDirectory("breakwater-certs");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            TestCertificates certificates = new TestCertificates(dir);
            certificates.make();
            made = certificates;
        }
        return made;
    }

    private void make() throws IOException, InterruptedException {
        // EC keys where the kind does not matter: they are made in a fraction of an RSA key's time
        keytool("-genkeypair", "-alias", "ca", "-dname", "CN=Breakwater Test CA", "-keyalg", "EC", "-groupname",
                "secp256r1", "-validity", "30", "-ext", "bc:c", "-keystore", "ca.p12");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
        signed("server", "CN=localhost", "EC", "san=ip:127.0.0.1,dns:localhost", "serverAuth");
        signed("client", CLIENT_SUBJECT.replace(",", ", "), "EC", "san=dns:" + CLIENT_DNS_NAME, "clientAuth");
        signed("other-client", OTHER_CLIENT_SUBJECT.replace(",", ", "), "RSA", null, "clientAuth");
        signed("wrong-name", "CN=wrong.example", "EC", "san=dns:wrong.example", "serverAuth");
        keytool("-genkeypair", "-alias", "self-signed", "-dname", "CN=localhost", "-keyalg", "EC", "-groupname",
                "secp256r1", "-validity", "30", "-ext", "san=ip:127.0.0.1,dns:localhost", "-keystore", "self-signed.p12");
        signed("expired-client", "CN=expired-client, O=Breakwater Test", "EC", null, "clientAuth", "ca", "-60d");
        keytool("-genkeypair", "-alias", "other-ca", "-dname", "CN=Other Test CA", "-keyalg", "EC", "-groupname",
                "secp256r1", "-validity", "30", "-ext", "bc:c", "-keystore", "other-ca.p12");
        keytool("-exportcert", "-rfc", "-alias", "other-ca", "-keystore", "other-ca.p12", "-file", "other-ca.pem");
        signed("foreign-client", "CN=foreign-client, O=Elsewhere", "EC", null, "clientAuth", "other-ca", null);
    }

    /** A key pair in {@code <name>.p12} with its certificate signed by the CA and the CA's certificate in the chain. */
    private void signed(String name, String subject, String keyAlgorithm, String san, String usage)
            throws IOException, InterruptedException {
        signed(name, subject, keyAlgorithm, san, usage, "ca", null);
    }

    /**
     * As above, signed by the CA {@code ca} (key store {@code <ca>.p12}, certificate {@code <ca>.pem});
     * {@code startDate} in keytool's form ({@code -60d}) or {@code null} for now.
     */
    private void signed(String name, String subject, String keyAlgorithm, String san, String usage, String ca,
                        String startDate) throws IOException, InterruptedException {
        String store = name + ".p12";
        keytool("-genkeypair", "-alias", name, "-dname", subject, "-keyalg", keyAlgorithm, "-keysize",
                keyAlgorithm.equals("EC") ? "256" : "2048", "-validity", "30", "-keystore", store);
        keytool("-certreq", "-alias", name, "-keystore", store, "-file", name + ".csr");
        List<String> sign = new ArrayList<>(List.of("-gencert", "-alias", ca, "-keystore", ca + ".p12", "-infile",
                name + ".csr", "-outfile", name + ".pem", "-rfc", "-validity", "30", "-ext", "eku=" + usage));
        if (san != null) {
            sign.addAll(List.of("-ext", san));
        }
        if (startDate != null) {
            sign.addAll(List.of("-startdate", startDate));
        }
        keytool(sign.toArray(String[]::new));
        keytool("-importcert", "-noprompt", "-alias", ca, "-file", ca + ".pem", "-keystore", store);
        keytool("-importcert", "-alias", name, "-file", name + ".pem", "-keystore", store);
    }

    private void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC")); // a short run: start fast
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storepass", PASSWORD, "-storetype", "PKCS12"));
        Path log = dir.resolve("keytool.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("keytool did not finish within 60 s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (" + process.exitValue() + "): " + command + "\n"
                    + Files.readString(log));
        }
    }

    /** A server certificate as PEM files: the certificate then the CA's, and its private key (PKCS#8). */
    public record ServerPem(Path certificate, Path key, Path keystore) {
    }

    /**
     * A new server certificate signed by the CA for these DNS names (a leading {@code *.} is a
     * wildcard), with a fresh EC key, written as PEM files {@code <name>-cert.pem} and
     * {@code <name>-key.pem} and as PKCS#12 {@code <name>.p12} (password {@link #PASSWORD}); a name
     * used again makes a new key and certificate in new files.
     */
    public synchronized ServerPem serverPem(String name, String... dnsNames) throws Exception {
        String unique = name + "-" + (++serial);
        StringBuilder san = new StringBuilder("san=");
        for (String dnsName : dnsNames) {
            san.append(san.length() > 4 ? "," : "").append("dns:").append(dnsName);
        }
        signed(unique, "CN=" + dnsNames[0].replace("*", "star") + ", O=Breakwater Test", "EC", san.toString(),
                "serverAuth");
        Path store = dir.resolve(unique + ".p12");
        KeyStore keys = load(store);
        PrivateKey key = (PrivateKey) keys.getKey(unique, PASSWORD.toCharArray());
        StringBuilder chain = new StringBuilder();
        for (Certificate certificate : keys.getCertificateChain(unique)) {
            chain.append(block("CERTIFICATE", certificate.getEncoded()));
        }
        Path certificate = dir.resolve(unique + "-cert.pem");
        Path keyFile = dir.resolve(unique + "-key.pem");
        Files.writeString(certificate, chain);
        Files.writeString(keyFile, block("PRIVATE KEY", key.getEncoded()));
        return new ServerPem(certificate, keyFile, store);
    }

    /** The client certificate's PKCS#12 file, base64, as a configuration's {@code data} gives it. */
    public String clientData() throws IOException {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(clientStore));
    }

    public String otherClientData() throws IOException {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(otherClientStore));
    }

    /** The client certificate (EC) as PEM: its key (PKCS#8) first, then its certificate and the CA's. */
    public String clientPem() throws Exception {
        return pem(clientStore, "client");
    }

    /** The other client certificate (RSA) as PEM, in the same order. */
    public String otherClientPem() throws Exception {
        return pem(otherClientStore, "other-client");
    }

    private static String pem(Path file, String alias) throws Exception {
        KeyStore store = load(file);
        PrivateKey key = (PrivateKey) store.getKey(alias, PASSWORD.toCharArray());
        StringBuilder pem = new StringBuilder(block("PRIVATE KEY", key.getEncoded()));
        for (Certificate certificate : store.getCertificateChain(alias)) {
            pem.append(block("CERTIFICATE", certificate.getEncoded()));
        }
        return pem.toString();
    }

    /** The CA's certificate alone, PEM: a certificate without a private key. */
    public String caCertificatePem() throws IOException {
        return Files.readString(caPem);
    }

    /** A key store's certificate chain (its only key entry's), the client certificate first. */
    public static java.util.List<java.security.cert.X509Certificate> chain(Path store) throws Exception {
        KeyStore keys = load(store);
        for (String alias : java.util.Collections.list(keys.aliases())) {
            if (keys.isKeyEntry(alias)) {
                java.util.List<java.security.cert.X509Certificate> chain = new ArrayList<>();
                for (Certificate certificate : keys.getCertificateChain(alias)) {
                    chain.add((java.security.cert.X509Certificate) certificate);
                }
                return chain;
            }
        }
        throw new IllegalArgumentException(store + " holds no key");
    }

    /** A context presenting this store's key and certificate and trusting the test CA (for the gateway's listener). */
    public SSLContext clientContext(Path store) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(store), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(caTrustStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    /** The client certificate's SHA-1 thumbprint, upper-case hex. */
    public String clientThumbprint() throws Exception {
        return thumbprint(clientStore, "client");
    }

    public String otherClientThumbprint() throws Exception {
        return thumbprint(otherClientStore, "other-client");
    }

    /** The CA's certificates as a trust store, for a backend that checks clients. */
    public KeyStore caTrustStore() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(caPem))));
        return trust;
    }

    private static String thumbprint(Path store, String alias) throws Exception {
        byte[] der = load(store).getCertificate(alias).getEncoded();
        return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(der));
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp directory: the system cleans it up eventually
        }
    }
}

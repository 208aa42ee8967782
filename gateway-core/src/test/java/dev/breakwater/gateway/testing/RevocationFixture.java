package dev.breakwater.gateway.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CA that publishes a certificate revocation list, made with {@code openssl} (keytool makes no
 * CRLs): a good client certificate and a revoked one that both name the CRL's address, and the CRL
 * served over HTTP on a loopback port (the JDK's own small server), counting how often it is fetched.
 * {@link #available()} says whether openssl is installed; tests skip visibly without it.
 */
public final class RevocationFixture implements AutoCloseable {

    public final Path dir;
    public final X509Certificate ca;
    public final List<X509Certificate> good;
    public final List<X509Certificate> revoked;
    public final String caPem;
    /** How many times the CRL was fetched. */
    public final AtomicInteger fetches = new AtomicInteger();
    private final HttpServer server;

    /** Whether {@code openssl} runs here. */
    public static boolean available() {
        try {
            Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public RevocationFixture(Path dir) throws Exception {
        this.dir = dir;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ca.crl", exchange -> {
            fetches.incrementAndGet();
            byte[] crl = Files.readAllBytes(dir.resolve("ca.crl"));
            exchange.getResponseHeaders().set("Content-Type", "application/pkix-crl");
            exchange.sendResponseHeaders(200, crl.length);
            exchange.getResponseBody().write(crl);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ca.crl";
        Files.writeString(dir.resolve("ca.cnf"), "[ ca ]\ndefault_ca = own\n[ own ]\ndatabase = index.txt\n"
                + "default_md = sha256\ndefault_crl_days = 1\n");
        Files.writeString(dir.resolve("index.txt"), "");
        Files.writeString(dir.resolve("client.ext"), "crlDistributionPoints = URI:" + url
                + "\nextendedKeyUsage = clientAuth\n");
        openssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ca.key");
        openssl("req", "-x509", "-new", "-key", "ca.key", "-subj", "/CN=Revocation Test CA", "-days", "30",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-out", "ca.pem");
        client("good", "01");
        client("revoked", "02");
        openssl("ca", "-config", "ca.cnf", "-keyfile", "ca.key", "-cert", "ca.pem", "-revoke", "revoked.pem");
        openssl("ca", "-config", "ca.cnf", "-keyfile", "ca.key", "-cert", "ca.pem", "-gencrl", "-out", "ca.crl");
        caPem = Files.readString(dir.resolve("ca.pem"));
        ca = read("ca.pem");
        good = List.of(read("good.pem"), ca);
        revoked = List.of(read("revoked.pem"), ca);
    }

    private void client(String name, String serial) throws Exception {
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                name + ".key", "-subj", "/CN=" + name + "-client", "-out", name + ".csr");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", serial,
                "-days", "30", "-extfile", "client.ext", "-out", name + ".pem");
    }

    private X509Certificate read(String file) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(dir.resolve(file))));
    }

    private void openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Path log = dir.resolve("openssl.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("openssl did not finish within 60 s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("openssl failed (" + process.exitValue() + "): " + command + "\n"
                    + Files.readString(log));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

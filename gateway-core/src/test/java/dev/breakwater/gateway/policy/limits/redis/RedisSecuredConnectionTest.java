package dev.breakwater.gateway.policy.limits.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.breakwater.gateway.testing.RedisServer;
import dev.breakwater.gateway.testing.TestCertificates;
import dev.breakwater.gateway.tls.TrustFile;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * redis.url's password and TLS against a real redis-server that asks for a password and serves TLS
 * with a certificate of the tests' private CA: the right password works, a wrong one or none
 * leaves Redis unreachable (requests then count as counters.redis.unavailable says); rediss://
 * works with the CA given as redis.tls.trust, and is refused without it (the JVM's CAs do not
 * know the private CA).
 */
class RedisSecuredConnectionTest {

    private static final String PASSWORD = "redis-test-password-0123";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    static RedisServer redis;
    static List<X509Certificate> testCa;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates made = TestCertificates.get();
        TestCertificates.ServerPem server = made.serverPem("redis", "localhost");
        testCa = TrustFile.certificates(made.caPem, "redis.tls.trust");
        redis = RedisServer.startSecured(PASSWORD, server.certificate(), server.key());
    }

    @AfterAll
    static void stop() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    private static String ping(RedisConnector connector) throws Exception {
        return connector.commands().ping().get(5, TimeUnit.SECONDS);
    }

    @Test
    void thePasswordFromTheSettingOrTheUrlOpensTheConnection() throws Exception {
        try (RedisConnector fromSetting = new RedisConnector(redis.url(), PASSWORD, null, TIMEOUT, Clock.systemUTC());
             RedisConnector fromUrl = new RedisConnector(redis.url().replace("redis://", "redis://:" + PASSWORD + "@"),
                     null, null, TIMEOUT, Clock.systemUTC())) {
            assertEquals("PONG", ping(fromSetting));
            assertEquals("PONG", ping(fromUrl));
        }
    }

    @Test
    void aWrongPasswordOrNoneLeavesRedisUnreachable() {
        try (RedisConnector wrong = new RedisConnector(redis.url(), "not-the-password", null, TIMEOUT,
                Clock.systemUTC());
             RedisConnector none = new RedisConnector(redis.url(), null, null, TIMEOUT, Clock.systemUTC())) {
            assertNull(wrong.commands(), "no connection with a wrong password");
            assertNull(none.commands(), "no connection without the password");
        }
    }

    @Test
    void tlsWorksWithThePrivateCaAndIsRefusedWithoutIt() throws Exception {
        try (RedisConnector trusting = new RedisConnector(redis.tlsUrl(), PASSWORD, testCa, TIMEOUT,
                Clock.systemUTC());
             RedisConnector jvmCas = new RedisConnector(redis.tlsUrl(), PASSWORD, null, TIMEOUT, Clock.systemUTC())) {
            assertEquals("PONG", ping(trusting));
            assertNull(jvmCas.commands(), "the JVM's CAs do not trust the private CA: no connection");
        }
    }
}

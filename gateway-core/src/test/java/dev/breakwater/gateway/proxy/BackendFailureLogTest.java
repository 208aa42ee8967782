package dev.breakwater.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackendFailureLogTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final BackendFailureLog log = new BackendFailureLog(clock, Duration.ofSeconds(10));
    private final IOException refused = new IOException("Connection refused");

    @Test
    void aFailingBackendIsWarnedAboutOncePerInterval() {
        assertTrue(log.failed("a:80", "r1", refused), "the first failure is warned about at once");
        for (int i = 0; i < 100; i++) {
            assertFalse(log.failed("a:80", "r" + i, refused), "later ones within the interval are only counted");
        }
        assertTrue(log.failed("b:80", "r", refused), "another backend has an outage of its own");
        now.set(now.get().plusSeconds(10));
        assertTrue(log.failed("a:80", "r", refused), "after the interval, one summary");
        assertFalse(log.failed("a:80", "r", refused));
    }

    @Test
    void aSuccessEndsTheOutageSoTheNextFailureIsWarnedAboutAgain() {
        assertTrue(log.failed("a:80", "r1", refused));
        assertFalse(log.failed("a:80", "r2", refused));
        log.succeeded("a:80");
        assertTrue(log.failed("a:80", "r3", refused));
    }
}

package dev.breakwater.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/a/../b", "/a/./b", "/..", "/a/..", "/a/%2e%2e/b", "/a/%2E./b", "/a/.%2e", "/a/..;x=1/b",
        "/a/%2e"})
    void dotSegmentsAreFound(String path) {
        assertTrue(RequestPaths.hasDotSegment(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a/b", "/a/...", "/a/.hidden", "/a/b.c", "/a/..b", "/a/%2e%2e%2e", "/a/%2", "/a/%"})
    void ordinaryPathsPass(String path) {
        assertFalse(RequestPaths.hasDotSegment(path), path);
    }
}

package dev.breakwater.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/a/../b", "/a/./b", "/..", "/a/..", "/a/%2e%2e/b", "/a/%2E./b", "/a/.%2e", "/a/..;x=1/b",
        "/a/%2e", "/a/..%3b/b", "/a/..%3Bx/b", "/a/%2e%2e%3b/b", "/a/%2e%2e;/b", "/a/..%2fb", "/a/x%2F..%2Fb",
        "/a/x%5c..", "/a\\..\\b", "/a/.;"})
    void dotSegmentsAreFound(String path) {
        assertTrue(RequestPaths.hasDotSegment(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a/b", "/a/...", "/a/.hidden", "/a/b.c", "/a/..b", "/a/%2e%2e%2e", "/a/%2", "/a/%",
        "/a/b;..", "/a/x%3b..", "/a/%2fx", "/a/..x%2f", "/a%2F", "/a/%3"})
    void ordinaryPathsPass(String path) {
        assertFalse(RequestPaths.hasDotSegment(path), path);
    }
}

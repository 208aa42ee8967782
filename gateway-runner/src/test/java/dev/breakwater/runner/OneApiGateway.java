package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;

import dev.breakwater.gateway.testing.TestBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The setup of an IT about one policy document: a real backend and the in-process gateway serving one
 * API (id and path alike) in front of it. Registered as {@code @RegisterExtension static final}, it starts
 * both before the class's tests and closes them after, so each IT keeps only its policy and its checks.
 */
final class OneApiGateway implements BeforeAllCallback, AfterAllCallback {

    /** An on-error section that tells {@code context.LastError.Reason} in the header X-Error-Reason. */
    static final String ON_ERROR_REASON = "<on-error><base/><set-header name=\"X-Error-Reason\" "
            + "exists-action=\"override\"><value>@(context.LastError.Reason)</value></set-header></on-error>";

    private final String apiId;
    private final String policy;
    private Path dir;
    private TestBackend backend;
    private InProcessGateway gateway;

    OneApiGateway(String apiId, String policy) {
        this.apiId = apiId;
        this.policy = policy;
    }

    TestBackend backend() {
        return backend;
    }

    InProcessGateway gateway() {
        return gateway;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("breakwater-it-");
        backend = new TestBackend();
        gateway = new InProcessGateway(dir, document(1, null, api(apiId, apiId, backend.url(), policy, "")));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try (AutoCloseable backendToClose = backend; AutoCloseable gatewayToClose = gateway) {
            // closed in reverse order: the gateway first, then its backend
        } finally {
            deleteDir();
        }
    }

    private void deleteDir() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

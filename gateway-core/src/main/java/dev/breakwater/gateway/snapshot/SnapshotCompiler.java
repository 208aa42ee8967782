package dev.breakwater.gateway.snapshot;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.ConfigLimits;
import dev.breakwater.gateway.config.ConfigDocument;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.OperationDefinition;
import dev.breakwater.gateway.policy.Pipeline;
import dev.breakwater.gateway.policy.PipelineCompiler;
import dev.breakwater.gateway.policy.PipelineCompiler.ScopedDocument;
import dev.breakwater.gateway.policy.PolicyCompileException;
import dev.breakwater.gateway.policy.PolicyDocument;
import dev.breakwater.gateway.policy.PolicyRegistry;
import dev.breakwater.gateway.policy.PolicyXmlReader;
import dev.breakwater.gateway.policy.Scope;
import dev.breakwater.gateway.routing.ApiRoute;
import dev.breakwater.gateway.routing.BackendUrls;
import dev.breakwater.gateway.routing.OperationRoute;
import dev.breakwater.gateway.routing.RouteTable;
import dev.breakwater.gateway.routing.UrlTemplate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a configuration document into a {@link ConfigSnapshot}: validates every definition,
 * compiles every policy of every route, builds the route table. Any problem refuses the
 * whole document, with a message that says where.
 */
public final class SnapshotCompiler {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,79}");
    private static final Pattern METHOD = Pattern.compile("[A-Z][A-Z0-9_-]{0,31}");
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%-]+");
    private static final Pattern HOSTNAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private final StrictJson reader = new StrictJson();
    private final PolicyXmlReader xml = new PolicyXmlReader();
    private final PipelineCompiler pipelines;
    private final Clock clock;

    public SnapshotCompiler(PolicyRegistry registry, Clock clock) {
        this.pipelines = new PipelineCompiler(registry);
        this.clock = clock;
    }

    /** Reads and compiles a document from its JSON bytes. */
    public ConfigSnapshot compile(byte[] json, String source) throws ConfigException {
        return compile(reader.read(json), sha256(json), source);
    }

    public ConfigSnapshot compile(ConfigDocument document, String sha256, String source) throws ConfigException {
        if (document.revision() < 0) {
            throw new ConfigException("revision must not be negative");
        }
        ScopedDocument global = new ScopedDocument(Scope.GLOBAL, "global policy", policy(document.policy(), "global policy"));
        try {
            pipelines.compile(List.of(global), null); // checks the global policy even when no API uses it
        } catch (PolicyCompileException e) {
            throw new ConfigException(e.getMessage());
        }
        Set<String> ids = new HashSet<>();
        List<ApiRoute> routes = new ArrayList<>();
        for (int i = 0; i < document.apis().size(); i++) {
            ApiDefinition api = document.apis().get(i);
            String where = "apis[" + i + "]" + (api.id() == null ? "" : " '" + api.id() + "'");
            if (api.id() != null && !ids.add(api.id())) {
                throw new ConfigException(where + ": id is used by another API");
            }
            routes.add(compileApi(api, where, global));
        }
        try {
            return new ConfigSnapshot(document.revision(), sha256, source, clock.instant(), new RouteTable(routes));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private ApiRoute compileApi(ApiDefinition api, String where, ScopedDocument global) throws ConfigException {
        checkId(api.id(), where);
        if (!Boolean.FALSE.equals(api.subscriptionRequired())) {
            throw new ConfigException(where + ": subscriptionRequired must be false: subscriptions are not "
                    + "supported yet, and an API that requires one must not be served open");
        }
        String prefix = prefix(api.path(), where);
        Set<String> hostnames = hostnames(api.hostnames(), where);
        String serviceUrl = null;
        if (api.serviceUrl() != null) {
            try {
                serviceUrl = BackendUrls.normalize(api.serviceUrl());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": serviceUrl " + e.getMessage());
            }
        }
        ScopedDocument apiScope = new ScopedDocument(Scope.API, "API '" + api.id() + "' policy",
                policy(api.policy(), where + ".policy"));
        if (api.operations().isEmpty()) {
            Pipeline pipeline = pipeline(List.of(global, apiScope), Set.of(), serviceUrl, where);
            return new ApiRoute(api.id(), prefix, hostnames, serviceUrl, List.of(), pipeline);
        }
        List<OperationRoute> operations = new ArrayList<>();
        Map<String, String> shapes = new HashMap<>();
        Set<String> operationIds = new HashSet<>();
        for (int j = 0; j < api.operations().size(); j++) {
            OperationDefinition operation = api.operations().get(j);
            String opWhere = where + ".operations[" + j + "]" + (operation.id() == null ? "" : " '" + operation.id() + "'");
            checkId(operation.id(), opWhere);
            if (!operationIds.add(operation.id())) {
                throw new ConfigException(opWhere + ": id is used by another operation of this API");
            }
            String method = method(operation.method(), opWhere);
            UrlTemplate template = template(operation.urlTemplate(), opWhere);
            String clash = shapes.put(method + " " + template.shape(), operation.id());
            if (clash != null) {
                throw new ConfigException(opWhere + ": " + method + " " + template.text()
                        + " matches the same requests as operation '" + clash + "'");
            }
            ScopedDocument operationScope = new ScopedDocument(Scope.OPERATION,
                    "operation '" + api.id() + "/" + operation.id() + "' policy",
                    policy(operation.policy(), opWhere + ".policy"));
            Pipeline pipeline = pipeline(List.of(global, apiScope, operationScope),
                    new LinkedHashSet<>(template.parameterNames()), serviceUrl, opWhere);
            operations.add(new OperationRoute(operation.id(), method, template, pipeline));
        }
        return new ApiRoute(api.id(), prefix, hostnames, serviceUrl, operations, null);
    }

    private Pipeline pipeline(List<ScopedDocument> scopes, Set<String> parameters, String serviceUrl, String where)
            throws ConfigException {
        Pipeline pipeline;
        try {
            pipeline = pipelines.compile(scopes, parameters);
        } catch (PolicyCompileException e) {
            throw new ConfigException(e.getMessage());
        }
        if (serviceUrl == null && pipeline.forwards() && !pipeline.setsBackend()) {
            throw new ConfigException(where + ": no serviceUrl and no <set-backend-service> policy; "
                    + "requests would have nowhere to go");
        }
        return pipeline;
    }

    private PolicyDocument policy(String policyXml, String where) throws ConfigException {
        int bytes = policyXml == null ? 0 : policyXml.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ConfigLimits.MAX_POLICY_BYTES) {
            throw new ConfigException(where + ": the policy document has " + bytes + " bytes; one may have at most "
                    + ConfigLimits.MAX_POLICY_BYTES + " (256 KiB)");
        }
        try {
            return PolicyDocument.parse(policyXml, xml);
        } catch (PolicyCompileException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }

    private static void checkId(String id, String where) throws ConfigException {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ConfigException(where + ": id is required: 1 to 80 letters, digits, '.', '_', '~' or '-'"
                    + (id == null ? "" : ", not '" + id + "'"));
        }
    }

    private static String prefix(String path, String where) throws ConfigException {
        if (path == null) {
            throw new ConfigException(where + ": path is required (\"\" serves the API at the root)");
        }
        String trimmed = path.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        for (String segment : trimmed.split("/", -1)) {
            if (!PATH_SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new ConfigException(where + ": path '" + path + "' has an empty, dot or invalid segment '" + segment + "'");
            }
        }
        return "/" + trimmed;
    }

    private static Set<String> hostnames(List<String> hostnames, String where) throws ConfigException {
        Set<String> normalized = new HashSet<>();
        for (String hostname : hostnames) {
            String lower = hostname == null ? "" : hostname.strip().toLowerCase(Locale.ROOT);
            if (!HOSTNAME.matcher(lower).matches()) {
                throw new ConfigException(where + ": '" + hostname + "' is not a valid host name");
            }
            normalized.add(lower);
        }
        return Set.copyOf(normalized);
    }

    private static String method(String method, String where) throws ConfigException {
        if (method == null || !METHOD.matcher(method).matches()) {
            throw new ConfigException(where + ": method is required, in upper case (GET, POST, ...)"
                    + (method == null ? "" : ", not '" + method + "'"));
        }
        return method;
    }

    private static UrlTemplate template(String urlTemplate, String where) throws ConfigException {
        try {
            return UrlTemplate.parse(urlTemplate);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": urlTemplate " + e.getMessage());
        }
    }

    /** The hex SHA-256 of the document bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

}

package dev.breakwater.gateway.snapshot;

import dev.breakwater.gateway.backend.Backends;
import dev.breakwater.gateway.certificate.Certificates;
import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.ConfigDocument;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.ConfigLimits;
import dev.breakwater.gateway.config.FragmentDefinition;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.policy.Scope;
import dev.breakwater.gateway.policy.compile.CompileEnvironment;
import dev.breakwater.gateway.policy.compile.CompiledScope;
import dev.breakwater.gateway.policy.compile.Fragments;
import dev.breakwater.gateway.policy.compile.NamedValues;
import dev.breakwater.gateway.policy.compile.PipelineComposer;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyRegistry;
import dev.breakwater.gateway.policy.compile.ScopeCompiler;
import dev.breakwater.gateway.policy.expression.ExpressionCompiler;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.policy.xml.PolicyDocument;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import dev.breakwater.gateway.policy.xml.PolicyXmlReader;
import dev.breakwater.gateway.routing.ApiRoute;
import dev.breakwater.gateway.routing.RouteTable;
import dev.breakwater.gateway.subscription.SubscriptionKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a configuration document into a {@link ConfigSnapshot}: validates every definition,
 * compiles every policy document once (global, each API, each operation, each fragment), composes
 * the pipeline of every route from them, builds the route table. Any problem refuses the whole
 * document, with a message that says where.
 */
public final class SnapshotCompiler {

    private static final PolicyElement DEFAULT_FORWARD = new PolicyElement("forward-request", Map.of(), List.of(), "", 0);

    private final StrictJson reader = new StrictJson();
    private final PolicyXmlReader xml = new PolicyXmlReader();
    private final PolicyRegistry registry;
    private final ExpressionCompiler expressions = new ExpressionCompiler();
    private final CertificatesCompiler certificatesCompiler = new CertificatesCompiler();
    private final Clock clock;
    private final PolicyServices services;

    /** A compiler whose policies use these services when they run (a gateway's). */
    public SnapshotCompiler(PolicyRegistry registry, Clock clock, PolicyServices services) {
        this.registry = registry;
        this.clock = clock;
        this.services = services;
    }

    /** A compiler for checking documents (a management plane, tests): its policies never call out. */
    public SnapshotCompiler(PolicyRegistry registry, Clock clock) {
        this(registry, clock, PolicyServices.forCompiling());
    }

    /** Reads and compiles a document from its JSON bytes. */
    public ConfigSnapshot compile(byte[] json, String source) throws ConfigException {
        return compile(reader.read(json), sha256(json), source);
    }

    public ConfigSnapshot compile(ConfigDocument document, String sha256, String source) throws ConfigException {
        if (document.revision() < 0) {
            throw new ConfigException("revision must not be negative");
        }
        NamedValues namedValues = NamedValueChecks.check(document.namedValues());
        Backends backends = new BackendsCompiler(namedValues, services.breakers()).compile(document.backends());
        Certificates certificates = certificatesCompiler.compile(document.certificates());
        CompileEnvironment environment = new CompileEnvironment(registry, expressions, namedValues,
                fragments(document.fragments()), backends, certificates, services);
        ScopeCompiler scopes = new ScopeCompiler(environment);
        PipelineComposer composer;
        CompiledScope global;
        try {
            composer = new PipelineComposer(scopes.compileDefault(DEFAULT_FORWARD));
            global = scopes.compile(policy(document.policy(), "global policy"), Scope.GLOBAL, "", "global policy");
            composer.compose(List.of(global), null, "the global policy"); // checked even when no API uses it
            for (String fragment : environment.fragments().ids()) {
                scopes.checkFragment(fragment); // checked even when nothing includes it
            }
        } catch (PolicyCompileException e) {
            throw new ConfigException(e.getMessage());
        }
        Set<String> apiIds = new HashSet<>();
        for (ApiDefinition api : document.apis()) {
            if (api.id() != null) {
                apiIds.add(api.id());
            }
        }
        ProductsCompiler products = ProductsCompiler.compile(document.products(), apiIds, scopes, this);
        Set<String> ids = new HashSet<>();
        List<ApiRoute> routes = new ArrayList<>();
        ApiCompiler apiCompiler = new ApiCompiler(this, scopes, composer, global, backends, products);
        for (int i = 0; i < document.apis().size(); i++) {
            ApiDefinition api = document.apis().get(i);
            String where = "apis[" + i + "]" + (api.id() == null ? "" : " '" + api.id() + "'");
            if (api.id() != null && !ids.add(api.id())) {
                throw new ConfigException(where + ": id is used by another API");
            }
            routes.add(apiCompiler.compile(api, where));
        }
        SubscriptionKeys subscriptionKeys = SubscriptionsCompiler.subscriptions(document.subscriptions(),
                products::product, apiIds, SubscriptionsCompiler.users(document.users()));
        try {
            return new ConfigSnapshot(document.revision(), sha256, source, clock.instant(), new RouteTable(routes),
                    subscriptionKeys, certificates.trusted());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private Fragments fragments(List<FragmentDefinition> fragments) throws ConfigException {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < fragments.size(); i++) {
            FragmentDefinition fragment = fragments.get(i);
            String where = "fragments[" + i + "]" + (fragment.id() == null ? "" : " '" + fragment.id() + "'");
            Definitions.checkId(fragment.id(), where);
            if (!ids.add(fragment.id())) {
                throw new ConfigException(where + ": id is used by another fragment");
            }
            checkSize(fragment.policy(), where + ".policy");
        }
        return new Fragments(fragments, xml);
    }

    PolicyDocument policy(String policyXml, String where) throws ConfigException {
        checkSize(policyXml, where);
        try {
            return PolicyDocument.parse(policyXml, xml);
        } catch (PolicyCompileException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }

    static void checkSize(String policyXml, String where) throws ConfigException {
        int bytes = policyXml == null ? 0 : policyXml.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ConfigLimits.MAX_POLICY_BYTES) {
            throw new ConfigException(where + ": the policy document has " + bytes + " bytes; one may have at most "
                    + ConfigLimits.MAX_POLICY_BYTES + " (256 KiB)");
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

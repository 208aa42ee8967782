package dev.breakwater.gateway.snapshot;

import dev.breakwater.gateway.backend.Backend;
import dev.breakwater.gateway.backend.Backends;
import dev.breakwater.gateway.backend.BreakerRule;
import dev.breakwater.gateway.backend.BreakerStates;
import dev.breakwater.gateway.backend.CircuitBreaker;
import dev.breakwater.gateway.backend.PoolBackend;
import dev.breakwater.gateway.backend.SingleBackend;
import dev.breakwater.gateway.config.BackendDefinition;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.net.BackendUrls;
import dev.breakwater.gateway.policy.builtin.HttpSyntax;
import dev.breakwater.gateway.policy.compile.NamedValues;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.tls.CertificateChecks;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the backends of a configuration and compiles them: URLs normalised, named values in
 * credentials substituted, the circuit breaker rule read, pools resolved to their members. Any
 * problem refuses the document, naming the backend. The breakers come from the gateway's
 * {@link BreakerStates}, so that an unchanged rule keeps its state across revisions.
 */
final class BackendsCompiler {

    /** Error reasons forward-request fails with, which a breaker rule may count. */
    static final Set<String> ERROR_REASONS = Set.of("BackendConnectionFailure", "Timeout");

    private final NamedValues namedValues;
    private final BreakerStates breakers;

    BackendsCompiler(NamedValues namedValues, BreakerStates breakers) {
        this.namedValues = namedValues;
        this.breakers = breakers;
    }

    Backends compile(List<BackendDefinition> definitions) throws ConfigException {
        Map<String, BackendDefinition> byId = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        for (int i = 0; i < definitions.size(); i++) {
            BackendDefinition definition = definitions.get(i);
            String place = "backends[" + i + "]" + (definition.id() == null ? "" : " '" + definition.id() + "'");
            Definitions.checkId(definition.id(), place);
            if (byId.put(definition.id(), definition) != null) {
                throw new ConfigException(place + ": id is used by another backend");
            }
            where.put(definition.id(), place);
        }
        Map<String, SingleBackend> singles = new LinkedHashMap<>();
        for (BackendDefinition definition : byId.values()) {
            if (definition.pool() == null) {
                singles.put(definition.id(), single(definition, where.get(definition.id())));
            }
        }
        Map<String, Backend> compiled = new LinkedHashMap<>(singles);
        for (BackendDefinition definition : byId.values()) {
            if (definition.pool() != null) {
                compiled.put(definition.id(), pool(definition, where.get(definition.id()), singles, byId));
            }
        }
        return new Backends(compiled);
    }

    private SingleBackend single(BackendDefinition definition, String where) throws ConfigException {
        if (definition.url() == null || definition.url().isBlank()) {
            throw new ConfigException(where + ": url is required (or a pool)");
        }
        String url;
        try {
            url = BackendUrls.normalize(substitute(definition.url(), where + ".url"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": url " + e.getMessage());
        }
        CertificateChecks tls = tls(definition.tls());
        Map<String, List<String>> headers = Map.of();
        Map<String, List<String>> query = Map.of();
        String authorization = null;
        BackendDefinition.Credentials credentials = definition.credentials();
        if (credentials != null) {
            headers = values(credentials.header(), where + ".credentials.header", true);
            query = values(credentials.query(), where + ".credentials.query", false);
            authorization = authorization(credentials.authorization(), where + ".credentials.authorization");
            if (authorization != null && headers.keySet().stream().anyMatch("authorization"::equalsIgnoreCase)) {
                throw new ConfigException(where + ".credentials: an Authorization header is given twice (header and "
                        + "authorization)");
            }
        }
        CircuitBreaker breaker = null;
        if (definition.circuitBreaker() != null) {
            BreakerRule rule = rule(definition.circuitBreaker(), where + ".circuitBreaker");
            breaker = breakers.breaker(definition.id(), rule);
        }
        return new SingleBackend(definition.id(), url, headers, query, authorization, breaker, tls);
    }

    private Backend pool(BackendDefinition definition, String where, Map<String, SingleBackend> singles,
                         Map<String, BackendDefinition> all) throws ConfigException {
        if (definition.url() != null || definition.credentials() != null || definition.circuitBreaker() != null
                || definition.tls() != null) {
            throw new ConfigException(where + ": a pool has only members: its url, credentials, tls and circuit "
                    + "breaker are those of each member backend");
        }
        List<BackendDefinition.PoolMember> services = definition.pool().services();
        if (services.isEmpty()) {
            throw new ConfigException(where + ".pool.services: a pool needs at least one backend");
        }
        List<PoolBackend.Member> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            BackendDefinition.PoolMember service = services.get(i);
            String at = where + ".pool.services[" + i + "]";
            String id = service.backendId();
            if (id == null) {
                throw new ConfigException(at + ": id is required: a backend's id, or APIM's …/backends/<id>");
            }
            SingleBackend member = singles.get(id);
            if (member == null) {
                throw new ConfigException(at + ": " + (all.containsKey(id) ? "'" + id + "' is a pool; a pool's "
                        + "members are single backends" : "no backend '" + id + "'"));
            }
            if (!seen.add(id)) {
                throw new ConfigException(at + ": '" + id + "' is in the pool twice");
            }
            int priority = service.priority() == null ? 0 : service.priority();
            int weight = service.weight() == null ? 1 : service.weight();
            if (priority < 0 || priority > 100) {
                throw new ConfigException(at + ": priority must be from 0 to 100, not " + priority);
            }
            if (weight < 1 || weight > 1000) {
                throw new ConfigException(at + ": weight must be from 1 to 1000, not " + weight);
            }
            members.add(new PoolBackend.Member(member, priority, weight));
        }
        return new PoolBackend(definition.id(), members);
    }

    /** APIM's {@code tls}: each check on unless it says false. */
    private static CertificateChecks tls(BackendDefinition.Tls tls) {
        if (tls == null) {
            return CertificateChecks.ALL;
        }
        return new CertificateChecks(!Boolean.FALSE.equals(tls.validateCertificateChain()),
                !Boolean.FALSE.equals(tls.validateCertificateName()));
    }

    private BreakerRule rule(BackendDefinition.CircuitBreaker breaker, String where) throws ConfigException {
        if (breaker.rules().size() != 1) {
            throw new ConfigException(where + ".rules: exactly one rule, as in APIM, not " + breaker.rules().size());
        }
        BackendDefinition.Rule rule = breaker.rules().get(0);
        String at = where + ".rules[0]";
        BackendDefinition.FailureCondition condition = rule.failureCondition();
        if (condition == null) {
            throw new ConfigException(at + ": failureCondition is required");
        }
        int count = condition.count() == null ? 0 : condition.count();
        if (count < 1 || count > 1_000_000) {
            throw new ConfigException(at + ".failureCondition.count must be from 1 to 1000000");
        }
        Duration interval = duration(condition.interval(), at + ".failureCondition.interval");
        Duration trip = duration(rule.tripDuration(), at + ".tripDuration");
        List<int[]> ranges = new ArrayList<>();
        for (BackendDefinition.StatusCodeRange range : condition.statusCodeRanges()) {
            if (range.min() < 100 || range.max() > 599 || range.min() > range.max()) {
                throw new ConfigException(at + ".failureCondition.statusCodeRanges: " + range.min() + "-" + range.max()
                        + " is not a range of status codes (100 to 599, min ≤ max)");
            }
            ranges.add(new int[] {range.min(), range.max()});
        }
        for (String reason : condition.errorReasons()) {
            if (!ERROR_REASONS.contains(reason)) {
                throw new ConfigException(at + ".failureCondition.errorReasons: '" + reason + "' is not an error "
                        + "reason of forward-request; known: " + String.join(", ", new java.util.TreeSet<>(ERROR_REASONS)));
            }
        }
        if (ranges.isEmpty() && condition.errorReasons().isEmpty()) {
            throw new ConfigException(at + ".failureCondition: statusCodeRanges or errorReasons is required: "
                    + "what counts as a failure");
        }
        return new BreakerRule(count, interval, ranges, Set.copyOf(condition.errorReasons()), trip,
                Boolean.TRUE.equals(rule.acceptRetryAfter()));
    }

    private static Duration duration(String text, String where) throws ConfigException {
        if (text == null) {
            throw new ConfigException(where + " is required (ISO-8601, e.g. PT1M)");
        }
        Duration duration;
        try {
            duration = Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new ConfigException(where + ": '" + text + "' is not an ISO-8601 duration such as PT30S or PT1H");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(1)) > 0) {
            throw new ConfigException(where + " must be more than 0 and at most a day (P1D), not " + text);
        }
        return duration;
    }

    private Map<String, List<String>> values(Map<String, List<String>> given, String where, boolean headers)
            throws ConfigException {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : given.entrySet()) {
            String name = entry.getKey();
            if (name == null || name.isBlank()) {
                throw new ConfigException(where + ": a name is required");
            }
            String nameProblem = headers ? HttpSyntax.headerNameProblem(name) : null;
            if (nameProblem != null) {
                throw new ConfigException(where + ": " + nameProblem);
            }
            if (entry.getValue() == null || entry.getValue().isEmpty()) {
                throw new ConfigException(where + "." + name + ": at least one value");
            }
            List<String> values = new ArrayList<>();
            for (String value : entry.getValue()) {
                String substituted = substitute(value == null ? "" : value, where + "." + name);
                if (headers && HttpSyntax.headerValueProblem(substituted) != null) {
                    throw new ConfigException(where + "." + name + ": " + HttpSyntax.headerValueProblem(substituted));
                }
                values.add(substituted);
            }
            result.put(name, List.copyOf(values));
        }
        return result;
    }

    private String authorization(BackendDefinition.Authorization authorization, String where) throws ConfigException {
        if (authorization == null) {
            return null;
        }
        if (authorization.scheme() == null || !HttpSyntax.isToken(authorization.scheme())) {
            throw new ConfigException(where + ".scheme is required: a single word such as Basic or Bearer");
        }
        String parameter = authorization.parameter() == null ? "" : substitute(authorization.parameter(),
                where + ".parameter");
        if (HttpSyntax.headerValueProblem(parameter) != null) {
            throw new ConfigException(where + ".parameter: " + HttpSyntax.headerValueProblem(parameter));
        }
        return parameter.isEmpty() ? authorization.scheme() : authorization.scheme() + " " + parameter;
    }

    private String substitute(String text, String where) throws ConfigException {
        try {
            return namedValues.substitute(text, where);
        } catch (PolicyCompileException e) {
            throw new ConfigException(namedValues.scrub(e.getMessage()));
        }
    }
}

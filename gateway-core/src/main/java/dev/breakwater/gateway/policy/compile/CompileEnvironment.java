package dev.breakwater.gateway.policy.compile;

import dev.breakwater.gateway.backend.Backends;
import dev.breakwater.gateway.certificate.Certificates;
import dev.breakwater.gateway.policy.expression.ExpressionCompiler;
import dev.breakwater.gateway.policy.runtime.PolicyServices;

/**
 * What compiling one configuration needs everywhere: the policy factories, the expression
 * compiler, the named values, fragments, backends and certificates of that configuration, and the
 * gateway's services that compiled policies keep (the call-out client, the metric registry).
 */
public record CompileEnvironment(PolicyRegistry registry, ExpressionCompiler expressions, NamedValues namedValues,
                                 Fragments fragments, Backends backends, Certificates certificates,
                                 PolicyServices services) {

    /** An environment without certificates. */
    public CompileEnvironment(PolicyRegistry registry, ExpressionCompiler expressions, NamedValues namedValues,
                              Fragments fragments, Backends backends, PolicyServices services) {
        this(registry, expressions, namedValues, fragments, backends, Certificates.NONE, services);
    }

    /** Factories and expressions only: no named values, no fragments (tests, single documents). */
    public static CompileEnvironment of(PolicyRegistry registry) {
        return new CompileEnvironment(registry, new ExpressionCompiler(), NamedValues.NONE, Fragments.NONE,
                Backends.NONE, Certificates.NONE, PolicyServices.forCompiling());
    }
}

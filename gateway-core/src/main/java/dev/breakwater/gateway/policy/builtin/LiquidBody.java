package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.xml.PolicyElement;

/** A set-body Liquid template ({@code template="liquid"}). */
final class LiquidBody {

    private LiquidBody() {
    }

    static SetBodyPolicy.BodySource compile(PolicyElement element, CompileContext context, boolean allowed)
            throws PolicyCompileException {
        throw new PolicyCompileException(element, "template=\"liquid\" is not supported yet");
    }
}

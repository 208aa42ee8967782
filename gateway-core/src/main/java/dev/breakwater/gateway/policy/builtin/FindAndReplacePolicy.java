package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.transform.ByteReplace;
import dev.breakwater.gateway.policy.transform.ConversionException;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <find-and-replace from="what" to="replacement"/>}: replaces every occurrence of a literal
 * text (case-sensitive, no patterns) in the request body (inbound, backend) or the response body
 * (outbound, on-error). Both attributes may be expressions; an empty {@code to} removes what is found.
 * The body is read as UTF-8, as {@code Body.As<string>()} reads it, so the gateway buffers it.
 */
public final class FindAndReplacePolicy implements Step {

    private final BodyTarget target;
    private final Value<String> from;
    private final Value<String> to;
    /** The UTF-8 bytes of a constant from and to, encoded once when compiled; else {@code null}. */
    private final byte[] constantFrom;
    private final byte[] constantTo;

    private FindAndReplacePolicy(BodyTarget target, Value<String> from, Value<String> to) {
        this.target = target;
        this.from = from;
        this.to = to;
        this.constantFrom = from.isConstant() ? utf8(from.constant()) : null;
        this.constantTo = to.isConstant() ? utf8(to.constant()) : null;
    }

    private static byte[] utf8(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        byte[] content = target.content(context);
        if (content.length == 0) {
            return Outcome.CONTINUE;
        }
        byte[] find = constantFrom != null ? constantFrom : utf8(from.get(context));
        if (find.length == 0) {
            return Outcome.CONTINUE; // nothing to look for: the body stays as it is
        }
        byte[] replacement = constantTo != null ? constantTo : utf8(to.get(context));
        byte[] replaced;
        try {
            replaced = ByteReplace.replaceAll(content, find, replacement);
        } catch (ConversionException e) {
            throw new PolicyException("find-and-replace", "BodyTooLarge", 500, "find-and-replace: " + e.getMessage());
        }
        if (replaced != content) {
            target.replace(context, replaced, null);
        }
        return Outcome.CONTINUE;
    }

    /** Registered for {@code <find-and-replace>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "find-and-replace";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("from", "to");
            element.allowChildren();
            element.forbidText();
            Value<String> from = context.values().string(element, "from");
            if (from == null || (from.isConstant() && from.constant().isEmpty())) {
                throw new PolicyCompileException(element, "attribute 'from' is required and must not be empty");
            }
            Value<String> to = context.values().string(element, "to");
            if (to == null) {
                throw new PolicyCompileException(element, "attribute 'to' is required (to=\"\" removes what is found)");
            }
            BodyTarget target = BodyTarget.of(context.section());
            context.addTrait(target.readsBody());
            return new FindAndReplacePolicy(target, from, to);
        }
    }
}

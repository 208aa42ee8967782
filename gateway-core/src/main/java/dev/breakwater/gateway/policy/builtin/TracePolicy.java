package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.TraceEntry;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code <trace source="orders" severity="information"><message>...</message><metadata name="n"
 * value="v"/></trace>}: adds a message to the request's line in the request log (APIM sends it to
 * its trace and Application Insights). Message and metadata values may be expressions; a message
 * is cut at 8 KiB. The earlier form, {@code <trace source="...">message</trace>}, is read too.
 */
public final class TracePolicy implements Step {

    static final int MAX_MESSAGE = 8 * 1024;

    private final String source;
    private final String severity;
    private final Value<String> message;
    private final Map<String, Value<String>> metadata;

    private TracePolicy(String source, String severity, Value<String> message, Map<String, Value<String>> metadata) {
        this.source = source;
        this.severity = severity;
        this.message = message;
        this.metadata = metadata;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        String text = String.valueOf(message.get(context));
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Value<String>> entry : metadata.entrySet()) {
            values.put(entry.getKey(), String.valueOf(entry.getValue().get(context)));
        }
        context.trace(new TraceEntry(source, severity,
                text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) : text, values));
        return Outcome.CONTINUE;
    }

    /** Registered for {@code <trace>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "trace";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("source", "severity");
            element.allowChildren("message", "metadata");
            if (element.children().isEmpty() && !element.rawText().isEmpty()) {
                // the earlier form of the policy: <trace source="...">message</trace>
                return new TracePolicy(context.values().requiredLiteral(element, "source"), "verbose",
                        context.values().text(element), Map.of());
            }
            element.forbidText();
            String source = context.values().requiredLiteral(element, "source");
            String severity = context.values().literal(element, "severity");
            severity = severity == null ? "verbose" : severity.trim();
            if (!Set.of("verbose", "information", "error").contains(severity)) {
                throw new PolicyCompileException(element, "attribute 'severity' must be verbose, information or "
                        + "error, not '" + severity + "'");
            }
            Value<String> message = null;
            Map<String, Value<String>> metadata = new LinkedHashMap<>();
            for (PolicyElement child : element.children()) {
                if (child.name().equals("message")) {
                    if (message != null) {
                        throw new PolicyCompileException(child, "only one <message> is allowed in <trace>");
                    }
                    child.allowAttributes();
                    child.allowChildren();
                    message = context.values().text(child);
                } else {
                    child.allowAttributes("name", "value");
                    child.allowChildren();
                    child.forbidText();
                    metadata.put(context.values().requiredLiteral(child, "name"),
                            context.values().requiredString(child, "value"));
                }
            }
            if (message == null) {
                throw new PolicyCompileException(element, "a <message> is required");
            }
            return new TracePolicy(source, severity, message, Map.copyOf(metadata));
        }
    }
}

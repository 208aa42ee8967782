package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.net.AddressInterval;
import dev.breakwater.gateway.net.AddressRange;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code <ip-filter action="allow|forbid"><address>a</address><address-range from="a" to="b"/></ip-filter>}:
 * lets through (allow) or stops (forbid) the callers whose address is listed, IPv4 or IPv6. The caller
 * is {@code context.Request.IpAddress}, the client the gateway resolved honouring
 * {@code server.forwarded.trusted}, never a header the caller wrote. A caller stopped is an error
 * that runs on-error with APIM's predefined reason and message (403 by default).
 */
public final class IpFilterPolicy implements Step {

    static final String SOURCE = "ip-filter";

    private final Value<String> action;
    /** The constant addresses and ranges, parsed when compiled. */
    private final List<AddressInterval> intervals;
    /** The addresses that are expressions, parsed when they run. */
    private final List<Value<String>> computed;

    private IpFilterPolicy(Value<String> action, List<AddressInterval> intervals, List<Value<String>> computed) {
        this.action = action;
        this.intervals = intervals;
        this.computed = computed;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        Boolean allow = allows(action.get(context));
        if (allow == null) {
            throw new PolicyException(SOURCE, "InvalidAction", 500, "ip-filter action is not allow or forbid");
        }
        String caller = context.client().ipAddress();
        byte[] address = parseCaller(caller);
        if (address == null) {
            throw new PolicyException(SOURCE, "FailedToParseCallerIP", 403,
                    "Failed to establish IP address for the caller. Access denied.");
        }
        boolean listed = isListed(address, context);
        if (allow && !listed) {
            throw new PolicyException(SOURCE, "CallerIpNotAllowed", 403,
                    "Caller IP address " + caller + " is not allowed. Access denied.");
        }
        if (!allow && listed) {
            throw new PolicyException(SOURCE, "CallerIpBlocked", 403, "Caller IP address is blocked. Access denied.");
        }
        return Outcome.CONTINUE;
    }

    private boolean isListed(byte[] address, PolicyContext context) throws PolicyException {
        for (AddressInterval interval : intervals) {
            if (interval.contains(address)) {
                return true;
            }
        }
        for (Value<String> value : computed) {
            String text = value.get(context);
            byte[] listed;
            try {
                listed = AddressRange.literal(text == null ? "" : text.trim());
            } catch (IllegalArgumentException e) {
                // neither allowing nor forbidding on an address that is not one: the request fails closed
                throw new PolicyException(SOURCE, "InvalidAddress", 500, "an ip-filter address is not an IP address");
            }
            if (AddressInterval.of(listed).contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The caller's address as bytes (an IPv6 zone such as {@code %eth0} dropped), or {@code null}. */
    private static byte[] parseCaller(String caller) {
        if (caller == null) {
            return null;
        }
        int zone = caller.indexOf('%');
        try {
            return AddressRange.literal(zone < 0 ? caller : caller.substring(0, zone));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** TRUE for allow, FALSE for forbid (any case), else {@code null}. */
    private static Boolean allows(String action) {
        return switch (action == null ? "" : action.trim().toLowerCase(Locale.ROOT)) {
            case "allow" -> Boolean.TRUE;
            case "forbid" -> Boolean.FALSE;
            default -> null;
        };
    }

    static IpFilterPolicy compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
        if (element.attribute("header-name") != null) {
            throw new PolicyCompileException(element, "attribute 'header-name' is not supported: the caller is "
                    + "context.Request.IpAddress, resolved from X-Forwarded-For only behind the proxies named in "
                    + "server.forwarded.trusted");
        }
        element.allowAttributes("action");
        element.allowChildren("address", "address-range");
        element.forbidText();
        Value<String> action = context.values().requiredString(element, "action");
        if (action.isConstant() && allows(action.constant()) == null) {
            throw new PolicyCompileException(element, "attribute 'action' must be allow or forbid, not '"
                    + action.constant() + "'");
        }
        List<AddressInterval> intervals = new ArrayList<>();
        List<Value<String>> computed = new ArrayList<>();
        for (PolicyElement child : element.children()) {
            if (child.name().equals("address")) {
                child.allowAttributes();
                child.allowChildren();
                Value<String> value = context.values().text(child);
                if (value.isConstant()) {
                    intervals.add(AddressInterval.of(address(child, value.constant())));
                } else {
                    computed.add(value);
                }
            } else {
                child.allowAttributes("from", "to");
                child.allowChildren();
                child.forbidText();
                String from = context.values().requiredLiteral(child, "from");
                String to = context.values().requiredLiteral(child, "to");
                try {
                    intervals.add(AddressInterval.between(from, to));
                } catch (IllegalArgumentException e) {
                    throw new PolicyCompileException(child, "not an address range: " + e.getMessage());
                }
            }
        }
        if (intervals.isEmpty() && computed.isEmpty()) {
            throw new PolicyCompileException(element, "at least one <address> or <address-range> is required");
        }
        return new IpFilterPolicy(action, List.copyOf(intervals), List.copyOf(computed));
    }

    private static byte[] address(PolicyElement child, String text) throws PolicyCompileException {
        if (text.indexOf('/') >= 0) {
            throw new PolicyCompileException(child, "'" + text.trim() + "' is not a single IP address; "
                    + "use <address-range from=\"\" to=\"\"/> for a range");
        }
        try {
            return AddressRange.literal(text.trim());
        } catch (IllegalArgumentException e) {
            throw new PolicyCompileException(child, e.getMessage());
        }
    }

    /** Registered for {@code <ip-filter>}: inbound only, as in APIM. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "ip-filter";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            return IpFilterPolicy.compile(element, context);
        }
    }
}

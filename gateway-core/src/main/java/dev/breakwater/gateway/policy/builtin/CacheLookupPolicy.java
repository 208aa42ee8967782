package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.cache.AsyncResponseCache;
import dev.breakwater.gateway.policy.cache.ResponseCache;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code <cache-lookup vary-by-developer="false" vary-by-developer-groups="false" ...>} with
 * {@code <vary-by-header>} and {@code <vary-by-query-parameter>} children (inbound): for a GET, looks
 * the response up under the key of {@link ResponseCacheKey}; a hit ends the request with the stored
 * response (the backend is not called, outbound does not run); a miss leaves the key in the context
 * for cache-store. With vary-by-developer the key holds the caller's user (the subscription's owner),
 * with vary-by-developer-groups that user's groups. A request carrying Authorization is neither looked up nor stored unless
 * {@code allow-private-response-caching} is true, as APIM documents.
 */
public final class CacheLookupPolicy implements Step {

    static final String NAME = "cache-lookup";

    private final List<String> varyHeaders;
    private final List<String> varyQuery;
    private final Value<String> downstream;
    private final boolean mustRevalidate;
    private final Value<Boolean> allowPrivate;
    private final AsyncResponseCache cache;
    private final ResponseCacheKey.Developer developer;

    private CacheLookupPolicy(List<String> varyHeaders, List<String> varyQuery, Value<String> downstream,
                              boolean mustRevalidate, Value<Boolean> allowPrivate, AsyncResponseCache cache,
                              ResponseCacheKey.Developer developer) {
        this.developer = developer;
        this.varyHeaders = varyHeaders;
        this.varyQuery = varyQuery;
        this.downstream = downstream;
        this.mustRevalidate = mustRevalidate;
        this.allowPrivate = allowPrivate;
        this.cache = cache;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        if (!"GET".equalsIgnoreCase(context.request().method())) {
            return Outcome.CONTINUE; // APIM caches responses to GET only
        }
        if (context.request().headers().contains("Authorization") && !Boolean.TRUE.equals(allowPrivate.get(context))) {
            return Outcome.CONTINUE;
        }
        String type = downstream.get(context);
        if (type == null || !DownstreamCaching.isValid(type.trim())) {
            throw new PolicyException(NAME, "InvalidDownstreamCachingType", 500,
                    "downstream-caching-type must be none, private or public");
        }
        String key = ResponseCacheKey.of(context, varyHeaders, varyQuery, developer);
        String downstreamType = type.trim();
        return CacheStages.then(cache.lookupAsync(key), hit -> answer(context, key, downstreamType, hit));
    }

    private Outcome answer(PolicyContext context, String key, String type, ResponseCache.Hit hit) {
        if (hit == null) {
            // cache-store stores into the cache this lookup read
            context.put(ResponseCacheLookup.KEY, new ResponseCacheLookup(key, type, mustRevalidate, cache));
            return Outcome.CONTINUE;
        }
        ResponseMessage response = hit.response().toResponse();
        DownstreamCaching.apply(response.headers(), type, mustRevalidate, hit.secondsLeft());
        context.setResponse(response);
        return Outcome.RESPOND;
    }

    /** Registered for {@code <cache-lookup>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return NAME;
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND);
        }

        // no ENDS_REQUEST trait: it would mark the API as one that never forwards; a hit ends the request
        // by its outcome (RESPOND), as a choose whose branch returns a response does

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("vary-by-developer", "vary-by-developer-groups", "caching-type",
                    "downstream-caching-type", "must-revalidate", "allow-private-response-caching");
            element.allowChildren("vary-by-header", "vary-by-query-parameter");
            element.forbidText();
            boolean byDeveloper = requiredFlag(element, context, "vary-by-developer");
            boolean byGroups = requiredFlag(element, context, "vary-by-developer-groups");
            AsyncResponseCache cache = CachingType.responses(element, context);
            Value<String> downstream = context.values().string(element, "downstream-caching-type");
            if (downstream == null) {
                downstream = Value.of(DownstreamCaching.NONE);
            } else if (downstream.isConstant() && !DownstreamCaching.isValid(downstream.constant().trim())) {
                throw new PolicyCompileException(element, "attribute 'downstream-caching-type' must be none, private"
                        + " or public, not '" + downstream.constant() + "'");
            }
            Value<Boolean> mustRevalidate = context.values().bool(element, "must-revalidate", true);
            if (!mustRevalidate.isConstant()) {
                throw new PolicyCompileException(element, "attribute 'must-revalidate' does not take a policy expression");
            }
            Value<Boolean> allowPrivate = context.values().bool(element, "allow-private-response-caching", false);
            return new CacheLookupPolicy(names(element, context, "vary-by-header"),
                    names(element, context, "vary-by-query-parameter"), downstream, mustRevalidate.constant(),
                    allowPrivate, cache, new ResponseCacheKey.Developer(byDeveloper, byGroups));
        }

        /** APIM requires both vary-by-developer attributes, true or false, without expressions. */
        private static boolean requiredFlag(PolicyElement element, CompileContext context, String attribute)
                throws PolicyCompileException {
            String value = context.values().literal(element, attribute);
            if (value == null) {
                throw new PolicyCompileException(element, "attribute '" + attribute + "' is required");
            }
            switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "false" -> {
                    return false;
                }
                case "true" -> {
                    return true;
                }
                default -> throw new PolicyCompileException(element, "attribute '" + attribute
                        + "' must be true or false, not '" + value + "'");
            }
        }

        /** The names in the children called {@code child}, each of which may list several separated by ';'. */
        private static List<String> names(PolicyElement element, CompileContext context, String child)
                throws PolicyCompileException {
            List<String> names = new ArrayList<>();
            for (PolicyElement item : element.children(child)) {
                item.allowAttributes();
                item.allowChildren();
                String text = item.rawText();
                if (text == null || text.isBlank()) {
                    throw new PolicyCompileException(item, "<" + child + "> needs a name");
                }
                String substituted = context.values().substituted(item, text, "<" + child + ">");
                if (substituted.contains("@(") || substituted.contains("@{")) {
                    throw new PolicyCompileException(item, "<" + child + "> does not take a policy expression");
                }
                for (String name : substituted.split(";")) {
                    if (!name.isBlank()) {
                        names.add(name.trim());
                    }
                }
            }
            return List.copyOf(names);
        }
    }
}

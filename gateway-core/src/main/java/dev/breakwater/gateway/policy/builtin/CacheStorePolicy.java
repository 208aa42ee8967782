package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.cache.CachedResponse;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code <cache-store duration="seconds" cache-response="true|false"/>} (outbound): stores the
 * response, in the cache cache-lookup read (internal or external), under the key it left in the context on a miss (nothing when there was no
 * lookup, a hit, a non-GET or a private request). Only a 200 is stored unless {@code cache-response}
 * is true, as APIM documents. The body is read (the gateway buffers it, bounded by
 * {@code policy.body.max.bytes}); a response heavier than the cache takes for one entry is not
 * stored. Our choices where APIM is silent: a response with {@code Cache-Control: no-store} is not
 * stored; {@code Set-Cookie} is not stored (it belongs to one client). A response that is stored gets
 * cache-lookup's downstream Cache-Control; one that is not keeps the backend's headers.
 */
public final class CacheStorePolicy implements Step {

    static final String NAME = "cache-store";

    private final Value<Integer> duration;
    private final Value<Boolean> cacheResponse;

    private CacheStorePolicy(Value<Integer> duration, Value<Boolean> cacheResponse) {
        this.duration = duration;
        this.cacheResponse = cacheResponse;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        ResponseCacheLookup lookup = context.get(ResponseCacheLookup.KEY);
        ResponseMessage response = context.responseIfAny();
        if (lookup == null || response == null) {
            return Outcome.CONTINUE;
        }
        if (response.status() != 200 && !Boolean.TRUE.equals(cacheResponse.get(context))) {
            return Outcome.CONTINUE;
        }
        byte[] body = response.body().bytes();
        if (body == null || forbidsStoring(response.headers())) {
            return Outcome.CONTINUE; // a body still streaming is not one the gateway holds
        }
        // evaluated only for a response that is to be stored
        Integer seconds = duration.get(context);
        long life = seconds == null ? 0 : seconds;
        Headers kept = response.headers().copy();
        kept.remove("Set-Cookie");
        kept.remove("Transfer-Encoding"); // framing of one transfer: a hit is written whole, with its own length
        return CacheStages.then(lookup.cache().storeAsync(lookup.key(),
                CachedResponse.of(response.status(), response.reason(), kept, body), life), stored -> {
                    if (stored) {
                        // only a response the gateway now serves from its cache announces downstream caching
                        DownstreamCaching.apply(response.headers(), lookup.downstream(), lookup.mustRevalidate(), life);
                    }
                    return Outcome.CONTINUE;
                });
    }

    /** The backend's own {@code Cache-Control: no-store} forbids storing. */
    private static boolean forbidsStoring(Headers headers) {
        for (String value : headers.all("Cache-Control")) {
            String directives = value.toLowerCase(Locale.ROOT);
            if (directives.contains("no-store")) {
                return true;
            }
        }
        return false;
    }

    /** Registered for {@code <cache-store>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return NAME;
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.OUTBOUND);
        }

        @Override
        public Set<Trait> traits() {
            return Set.of(Trait.READS_RESPONSE_BODY);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("duration", "cache-response");
            element.allowChildren();
            element.forbidText();
            if (element.attribute("duration") == null) {
                throw new PolicyCompileException(element, "attribute 'duration' is required");
            }
            Value<Integer> duration = context.values().integer(element, "duration", 0, 1, Integer.MAX_VALUE);
            Value<Boolean> cacheResponse = context.values().bool(element, "cache-response", false);
            return new CacheStorePolicy(duration, cacheResponse);
        }
    }
}

package dev.breakwater.gateway.policy.liquid;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An object of the bound body (a JSON object, an XML element). A member is found by its exact
 * name first, then ignoring case: APIM's own generated templates address {@code <soap:Envelope>}
 * as {@code body.envelope}, so its lookups cannot be case-sensitive.
 */
class BodyObject extends LinkedHashMap<String, Object> {

    @Override
    public Object get(Object key) {
        if (super.containsKey(key)) {
            return super.get(key);
        }
        String wanted = ignoringCase(key);
        return wanted == null ? null : super.get(wanted);
    }

    @Override
    public boolean containsKey(Object key) {
        return super.containsKey(key) || ignoringCase(key) != null;
    }

    /** Whether a member has exactly this name. */
    boolean hasExactly(String key) {
        return super.containsKey(key);
    }

    private String ignoringCase(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        for (Map.Entry<String, Object> entry : entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getKey();
            }
        }
        return null;
    }

    /**
     * An XML element with attributes or child elements. Unlike a JSON object, a loop over one
     * element runs once with the element: an element that may repeat is a list only when it does.
     */
    static final class XmlElement extends BodyObject {
    }
}

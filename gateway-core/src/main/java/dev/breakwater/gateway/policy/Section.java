package dev.breakwater.gateway.policy;

import java.util.Locale;

/** The four sections of an APIM policy document, in the order a request meets them. */
public enum Section {
    INBOUND, BACKEND, OUTBOUND, ON_ERROR;

    private final String elementName = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The XML element name: {@code inbound}, {@code backend}, {@code outbound}, {@code on-error}. */
    public String elementName() {
        return elementName;
    }

    /** True where the policy acts on the request on its way to the backend. */
    public boolean actsOnRequest() {
        return this == INBOUND || this == BACKEND;
    }

    public static Section byElementName(String name) {
        for (Section section : values()) {
            if (section.elementName.equals(name)) {
                return section;
            }
        }
        return null;
    }
}

package dev.breakwater.gateway.policy.xml;

import javax.xml.stream.XMLInputFactory;

/**
 * The one place that says how message bodies are read as XML (xml-to-json, Liquid over an XML
 * body): StAX with DTDs and external entities off, so that a body cannot make the gateway read
 * files or fetch URLs, namespace aware, text coalesced.
 */
public final class BodyXmlReaders {

    private BodyXmlReaders() {
    }

    /** A new factory (factories are not thread-safe to configure; creating one is cheap). */
    public static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}

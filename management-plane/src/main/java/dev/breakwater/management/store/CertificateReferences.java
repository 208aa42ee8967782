package dev.breakwater.management.store;

import dev.breakwater.gateway.certificate.Thumbprints;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificates policy documents reference, found in their text: {@code authentication-certificate}
 * elements with a constant {@code certificate-id} or {@code thumbprint}. Where a reference is not a
 * constant (a policy expression or a named value, resolved only later) or an element cannot be read
 * here, every certificate may be needed: it errs towards serving a certificate no policy uses, never
 * away from one a policy names at run time (which a check of the served document would not catch).
 */
final class CertificateReferences {

    private static final String ELEMENT_START = "<authentication-certificate";
    /** The element with its attributes, each quoted ({@code >} may stand in a quoted expression). */
    private static final Pattern ELEMENT = Pattern.compile(
            "<authentication-certificate((?:\\s+[A-Za-z_:][-\\w.:]*\\s*=\\s*(?:\"[^\"]*\"|'[^']*'))*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([A-Za-z_:][-\\w.:]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    /**
     * @param all         whether every certificate may be needed
     * @param ids         the ids named as constants
     * @param thumbprints the thumbprints named as constants, normalised
     */
    record Used(boolean all, Set<String> ids, Set<String> thumbprints) {

        boolean uses(String id, String thumbprint) {
            return all || ids.contains(id) || (thumbprint != null && thumbprints.contains(thumbprint));
        }
    }

    private CertificateReferences() {
    }

    /** What the policies ({@code null} ones ignored) reference. */
    static Used of(Iterable<String> policies) {
        Set<String> ids = new HashSet<>();
        Set<String> thumbprints = new HashSet<>();
        for (String policy : policies) {
            if (policy != null && !scan(policy, ids, thumbprints)) {
                return new Used(true, Set.of(), Set.of());
            }
        }
        return new Used(false, Set.copyOf(ids), Set.copyOf(thumbprints));
    }

    /** Adds the constant references of one document; {@code false} when one is not a constant (or unreadable). */
    private static boolean scan(String xml, Set<String> ids, Set<String> thumbprints) {
        int at = xml.indexOf(ELEMENT_START);
        while (at >= 0) {
            Matcher element = ELEMENT.matcher(xml).region(at, xml.length());
            if (!element.lookingAt()) {
                char next = at + ELEMENT_START.length() < xml.length() ? xml.charAt(at + ELEMENT_START.length()) : '>';
                if (Character.isLetterOrDigit(next) || next == '-' || next == '_' || next == '.') {
                    at = xml.indexOf(ELEMENT_START, at + 1); // another element whose name starts the same
                    continue;
                }
                return false;
            }
            Matcher attribute = ATTRIBUTE.matcher(element.group(1));
            while (attribute.find()) {
                String name = attribute.group(1);
                String value = attribute.group(2) != null ? attribute.group(2) : attribute.group(3);
                if (name.equals("certificate-id") || name.equals("thumbprint")) {
                    String constant = value.strip();
                    if (constant.startsWith("@") || constant.contains("{{") || constant.contains("&")) {
                        return false; // an expression, a named value, an entity: known only when compiled or run
                    }
                    if (name.equals("certificate-id")) {
                        ids.add(constant);
                    } else if (Thumbprints.normalize(constant) != null) {
                        thumbprints.add(Thumbprints.normalize(constant));
                    }
                }
            }
            at = xml.indexOf(ELEMENT_START, element.end());
        }
        return true;
    }
}

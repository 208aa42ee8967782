package dev.breakwater.gateway.certificate;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * Certificate names and numbers as .NET's X509Certificate2 shows them, which APIM's expressions and
 * validate-client-certificate compare against: distinguished names most specific first with
 * {@code ", "} between parts ({@code CN=client, O=Org}), .NET's keywords ({@code S} for the state,
 * {@code E} for the e-mail address, {@code DC}), values with special characters in double quotes;
 * serial numbers as the upper-case hex of their bytes.
 */
public final class DotNetNames {

    /** OIDs whose .NET keyword differs from the JDK's RFC 1779 output. */
    private static final Map<String, String> KEYWORDS = Map.of(
            "2.5.4.8", "S",
            "1.2.840.113549.1.9.1", "E",
            "0.9.2342.19200300.100.1.25", "DC",
            "2.5.4.5", "SERIALNUMBER",
            "2.5.4.4", "SN",
            "2.5.4.42", "G",
            "2.5.4.12", "T",
            "0.9.2342.19200300.100.1.1", "UID");

    private DotNetNames() {
    }

    public static String name(X500Principal principal) {
        return principal.getName(X500Principal.RFC1779, KEYWORDS);
    }

    public static String serialNumber(BigInteger serial) {
        return HexFormat.of().withUpperCase().formatHex(serial.toByteArray());
    }

    /** The most specific common name (CN) of a distinguished name, or {@code null}. */
    public static String commonName(X500Principal principal) {
        try {
            java.util.List<javax.naming.ldap.Rdn> rdns = new javax.naming.ldap.LdapName(
                    principal.getName(X500Principal.RFC2253)).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) { // the list starts at the least specific part
                javax.naming.ldap.Rdn rdn = rdns.get(i);
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            return null; // the JDK's own RFC 2253 output always parses
        }
        return null;
    }
}

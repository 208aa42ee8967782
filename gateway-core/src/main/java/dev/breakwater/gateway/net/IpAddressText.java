package dev.breakwater.gateway.net;

import java.util.Locale;

/**
 * One spelling per IP address, as .NET's {@code IPAddress.ToString()} writes it (APIM's
 * {@code context.Request.IpAddress}): IPv4 dotted; IPv6 in RFC 5952's short form, lower case, without
 * brackets ({@code ::1}, not Jetty's {@code [0:0:0:0:0:0:0:1]}); an IPv4-mapped IPv6 address as its IPv4
 * address (ip-filter treats it as that address too). A zone ({@code %eth0}) is kept. What is not an
 * address literal is returned unchanged, so that a policy still sees what came in.
 */
public final class IpAddressText {

    private IpAddressText() {
    }

    /** The canonical spelling of an IP address literal, or {@code text} itself when it is not one. */
    public static String canonical(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        int percent = trimmed.indexOf('%');
        String zone = "";
        String address = trimmed;
        if (percent >= 0) {
            // "[fe80::1%eth0]": the zone goes after the address, the bracket is dropped
            zone = trimmed.substring(percent).replace("]", "");
            address = trimmed.substring(0, percent) + (trimmed.startsWith("[") ? "]" : "");
        }
        byte[] bytes;
        try {
            bytes = AddressRange.literal(address);
        } catch (IllegalArgumentException e) {
            return text;
        }
        return (bytes.length == 4 ? ipv4(bytes) : ipv6(bytes)) + zone;
    }

    private static String ipv4(byte[] bytes) {
        return (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + "." + (bytes[3] & 0xFF);
    }

    /** RFC 5952: the longest run of two or more zero groups (the first of equals) becomes "::". */
    private static String ipv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}

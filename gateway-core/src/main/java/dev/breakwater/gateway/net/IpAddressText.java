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
        if (isCanonicalIpv4(text)) {
            return text; // what Jetty gives for every IPv4 peer: spelled right already, nothing to parse
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

    /** Whether {@code text} is four decimal octets of 0-255 without leading zeros: its own canonical spelling. */
    static boolean isCanonicalIpv4(String text) {
        int length = text.length();
        if (length < 7 || length > 15) {
            return false;
        }
        int octets = 0;
        int i = 0;
        while (i < length) {
            int start = i;
            int value = 0;
            while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + text.charAt(i) - '0';
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return false;
            }
            octets++;
            if (i == length) {
                break;
            }
            if (text.charAt(i) != '.' || octets == 4) {
                return false;
            }
            i++;
        }
        return octets == 4 && text.charAt(length - 1) != '.';
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

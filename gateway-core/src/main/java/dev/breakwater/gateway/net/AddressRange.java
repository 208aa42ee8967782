package dev.breakwater.gateway.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address or CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32},
 * {@code 127.0.0.1}), matched against addresses as bytes. Parsed from literals only, so that
 * reading a setting never looks anything up in DNS.
 */
public final class AddressRange {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final byte[] network;
    private final int prefixBits;

    private AddressRange(byte[] network, int prefixBits) {
        this.network = network;
        this.prefixBits = prefixBits;
    }

    /**
     * Parses one address or CIDR range.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static AddressRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        byte[] address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
        int bits = address.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length that is not 0 to "
                        + address.length * 8);
            }
        }
        return new AddressRange(address, bits);
    }

    /** Parses a comma-separated list; {@code null} or blank is the empty list. */
    public static List<AddressRange> parseList(String text) {
        List<AddressRange> ranges = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    ranges.add(parse(part));
                }
            }
        }
        return List.copyOf(ranges);
    }

    /** The bytes of an IP address literal. */
    public static byte[] literal(String text) {
        boolean ipv4 = IPV4.matcher(text).matches();
        boolean ipv6 = text.indexOf(':') >= 0 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0
                || c == '.' || c == ':' || c == '[' || c == ']');
        if (ipv4 || ipv6) {
            try {
                return InetAddress.getByName(text).getAddress(); // a literal: no lookup happens
            } catch (UnknownHostException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an IP address");
    }

    /** Whether the address (as bytes, 4 or 16) lies in the range; IPv4 never matches an IPv6 range. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixBits / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** Whether the literal address lies in the range; anything not an address does not. */
    public boolean contains(String address) {
        try {
            return contains(literal(address));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

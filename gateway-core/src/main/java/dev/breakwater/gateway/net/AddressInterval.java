package dev.breakwater.gateway.net;

/**
 * The IP addresses from one address to another, both included ({@code 13.66.140.128} to
 * {@code 13.66.140.143}, or two IPv6 addresses): what APIM's {@code <address-range from to>} names,
 * which a CIDR {@link AddressRange} cannot always say. A single address is the interval from it to
 * itself. Addresses are compared as unsigned bytes, so an IPv4 address never lies in an IPv6 interval.
 */
public final class AddressInterval {

    private final byte[] from;
    private final byte[] to;

    private AddressInterval(byte[] from, byte[] to) {
        this.from = from;
        this.to = to;
    }

    /** The interval holding one address (4 or 16 bytes). */
    public static AddressInterval of(byte[] address) {
        return new AddressInterval(address.clone(), address.clone());
    }

    /**
     * The interval between two address literals.
     *
     * @throws IllegalArgumentException when either is not an address, they are of different families,
     *                                  or {@code from} comes after {@code to}
     */
    public static AddressInterval between(String from, String to) {
        byte[] first = AddressRange.literal(from.trim());
        byte[] last = AddressRange.literal(to.trim());
        if (first.length != last.length) {
            throw new IllegalArgumentException("'" + from + "' and '" + to + "' are not of the same family (IPv4, IPv6)");
        }
        if (compare(first, last) > 0) {
            throw new IllegalArgumentException("'" + from + "' comes after '" + to + "'");
        }
        return new AddressInterval(first, last);
    }

    /** Whether the address (4 or 16 bytes) lies in the interval. */
    public boolean contains(byte[] address) {
        return address.length == from.length && compare(from, address) <= 0 && compare(address, to) <= 0;
    }

    private static int compare(byte[] a, byte[] b) {
        for (int i = 0; i < a.length; i++) {
            int difference = (a[i] & 0xFF) - (b[i] & 0xFF);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }
}

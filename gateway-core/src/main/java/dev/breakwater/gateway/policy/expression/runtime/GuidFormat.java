package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;

import java.nio.ByteBuffer;
import java.util.UUID;

/** Guid as .NET formats, parses and serializes it (ToByteArray's mixed-endian layout included). */
public final class GuidFormat {

    private GuidFormat() {
    }

    public static String format(UUID u, String format) {
        String d = u.toString();
        String n = d.replace("-", "");
        return switch (format == null || format.isEmpty() ? "D" : format) {
            case "D", "d" -> d;
            case "N", "n" -> n;
            case "B", "b" -> "{" + d + "}";
            case "P", "p" -> "(" + d + ")";
            case "X", "x" -> "{0x" + n.substring(0, 8) + ",0x" + n.substring(8, 12) + ",0x" + n.substring(12, 16)
                    + ",{0x" + String.join(",0x", n.substring(16).split("(?<=\\G..)")) + "}}";
            default -> throw DotNetException.format("Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".");
        };
    }

    /** Guid.Parse: the D, N, B and P forms. */
    public static UUID parse(String s) {
        if (s == null) {
            throw DotNetException.argumentNull("input");
        }
        String t = s.trim();
        if ((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("(") && t.endsWith(")"))) {
            t = t.substring(1, t.length() - 1);
        }
        if (t.length() == 32 && t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            t = t.substring(0, 8) + "-" + t.substring(8, 12) + "-" + t.substring(12, 16) + "-" + t.substring(16, 20)
                    + "-" + t.substring(20);
        }
        if (!t.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw DotNetException.format("Unrecognized Guid format.");
        }
        return UUID.fromString(t);
    }

    /** Guid.ToByteArray: the first three groups little-endian, as .NET lays them out. */
    public static byte[] toByteArray(UUID u) {
        byte[] big = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
        byte[] out = big.clone();
        out[0] = big[3];
        out[1] = big[2];
        out[2] = big[1];
        out[3] = big[0];
        out[4] = big[5];
        out[5] = big[4];
        out[6] = big[7];
        out[7] = big[6];
        return out;
    }

    /** new Guid(byte[]): the inverse of {@link #toByteArray}. */
    public static UUID fromByteArray(byte[] b) {
        if (b == null || b.length != 16) {
            throw DotNetException.argument("Byte array for GUID must be exactly 16 bytes long.");
        }
        byte[] big = b.clone();
        big[0] = b[3];
        big[1] = b[2];
        big[2] = b[1];
        big[3] = b[0];
        big[4] = b[5];
        big[5] = b[4];
        big[6] = b[7];
        big[7] = b[6];
        ByteBuffer buffer = ByteBuffer.wrap(big);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}

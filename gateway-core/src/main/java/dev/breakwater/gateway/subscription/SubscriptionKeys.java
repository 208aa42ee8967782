package dev.breakwater.gateway.subscription;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;

/**
 * Finds the subscription of a presented key without holding any key: every key is held as its
 * {@link KeyHash}, grouped by salt (the management plane uses one; a local file's plain keys get one
 * made when the document is compiled). A lookup hashes the presented key once per salt and looks the
 * mac up; the stored mac is then compared in constant time.
 */
public final class SubscriptionKeys {

    /** A subscription and which of its keys matched. */
    public record Match(Subscription subscription, boolean primary) {
    }

    private record Entry(byte[] mac, Match match) {
    }

    private static final class SaltGroup {
        final byte[] salt;
        final Map<String, Entry> byMac = new HashMap<>();
        final ThreadLocal<Mac> macs;

        SaltGroup(byte[] salt) {
            this.salt = salt;
            this.macs = ThreadLocal.withInitial(() -> KeyHash.newMac(salt));
        }
    }

    public static final SubscriptionKeys NONE = new SubscriptionKeys(List.of());

    private static final Base64.Encoder MAP_KEY = Base64.getEncoder();

    private final List<SaltGroup> groups;

    private SubscriptionKeys(List<SaltGroup> groups) {
        this.groups = groups;
    }

    /** The subscription whose primary or secondary key this is, or {@code null}. */
    public Match find(String presentedKey) {
        byte[] key = presentedKey.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (SaltGroup group : groups) {
            Mac mac = group.macs.get();
            byte[] computed = mac.doFinal(key);
            Entry entry = group.byMac.get(MAP_KEY.encodeToString(computed));
            if (entry != null && MessageDigest.isEqual(entry.mac, computed)) {
                return entry.match;
            }
        }
        return null;
    }

    /** Collects key hashes; {@link #add} refuses a hash held twice. */
    public static final class Builder {
        private final List<SaltGroup> groups = new ArrayList<>();

        /** @return false when another key already has this hash (the same key given twice) */
        public boolean add(KeyHash hash, Subscription subscription, boolean primary) {
            SaltGroup group = null;
            for (SaltGroup candidate : groups) {
                if (MessageDigest.isEqual(candidate.salt, hash.salt())) {
                    group = candidate;
                    break;
                }
            }
            if (group == null) {
                group = new SaltGroup(hash.salt().clone());
                groups.add(group);
            }
            return group.byMac.putIfAbsent(MAP_KEY.encodeToString(hash.mac()),
                    new Entry(hash.mac().clone(), new Match(subscription, primary))) == null;
        }

        public SubscriptionKeys build() {
            return groups.isEmpty() ? NONE : new SubscriptionKeys(List.copyOf(groups));
        }
    }
}

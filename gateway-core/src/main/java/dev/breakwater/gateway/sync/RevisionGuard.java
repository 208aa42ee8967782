package dev.breakwater.gateway.sync;

import dev.breakwater.gateway.snapshot.ConfigSnapshot;

/**
 * No rollback: a managed gateway never replaces what it serves with a document of a lower
 * revision, nor with other content under the same revision. Revisions only grow in one
 * management plane's history, so either means that history was rewound or forked: a
 * management plane restored from an older backup (and perhaps changed since), a stale replica,
 * a relay answering an old document. The gateway cannot tell which side is right; it keeps
 * serving what it has and says, in its status and heartbeats, what to do. It takes the
 * management plane's configuration again once the revision passes the one it serves, or when
 * restarted (a gateway that serves nothing yet takes any revision).
 */
final class RevisionGuard {

    private RevisionGuard() {
    }

    /**
     * @param serving what the gateway serves, or {@code null}
     * @param offered the compiled document the management plane answered
     * @return why the offered document must not be applied, or {@code null} when it may be
     */
    static String refusal(ConfigSnapshot serving, ConfigSnapshot offered) {
        if (serving == null || offered.revision() > serving.revision()) {
            return null;
        }
        String what = offered.revision() < serving.revision()
                ? "rollback refused: the management plane offers revision " + offered.revision()
                        + ", older than revision " + serving.revision() + " served here"
                : "conflicting revision refused: the management plane offers revision " + offered.revision()
                        + " (sha256 " + shortHash(offered) + "), other content than the revision " + serving.revision()
                        + " served here (sha256 " + shortHash(serving) + ")";
        return what + ". Was the management plane restored from an older backup, or is it another one? This gateway "
                + "keeps serving revision " + serving.revision() + ". To serve the management plane's configuration: "
                + "make changes there until its revision passes " + serving.revision()
                + ", or restart this gateway (it then takes the management plane's current revision)";
    }

    private static String shortHash(ConfigSnapshot snapshot) {
        return snapshot.sha256().length() > 12 ? snapshot.sha256().substring(0, 12) : snapshot.sha256();
    }
}

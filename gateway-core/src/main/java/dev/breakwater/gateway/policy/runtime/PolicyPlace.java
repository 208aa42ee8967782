package dev.breakwater.gateway.policy.runtime;

/**
 * Where a compiled policy was written, for errors ({@code context.LastError}) and for anything that
 * must stay the same for the same policy across configuration revisions (counters, caches).
 *
 * @param element  the element name, e.g. {@code set-header}
 * @param scope    {@code global}, {@code product}, {@code api} or {@code operation}
 * @param owner    the id of what the document is attached to: "" for global, the API id, {@code api/operation}
 * @param section  {@code inbound}, {@code backend}, {@code outbound} or {@code on-error}
 * @param path     the element's position among its siblings, nested: {@code choose[2]/when[1]/set-header[1]}
 * @param policyId the element's {@code id} attribute, or {@code null}
 * @param line     the element's line in its document
 */
public record PolicyPlace(String element, String scope, String owner, String section, String path, String policyId,
                          int line) {

    /** A stable key: the same policy at the same place has the same key in every revision. */
    public String key() {
        return scope + ":" + owner + ":" + section + ":" + path;
    }
}

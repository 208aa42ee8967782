package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.runtime.PolicyException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URL of a call-out: absolute, http or https, with a host. Messages never repeat the URL: its
 * query or path may hold a key (a webhook's token, a SAS signature).
 */
final class CalloutUrls {

    private CalloutUrls() {
    }

    /** What is wrong with the URL, or {@code null}. */
    static String problem(String text) {
        URI url = parseOrNull(text);
        if (url == null) {
            return "the call-out URL must be an absolute http or https URL with a host (the URL is not repeated here)";
        }
        return url.getRawUserInfo() != null
                ? "the call-out URL must not carry credentials: use <authentication-basic> or <set-header>" : null;
    }

    /** The URL for one request, or a failure of the policy. */
    static URI parse(String text, String element) throws PolicyException {
        URI url = text == null ? null : parseOrNull(text);
        if (url == null || url.getRawUserInfo() != null) {
            throw new PolicyException(element, "InvalidUrl", 500, text == null || text.isBlank()
                    ? "The call-out has no URL: <set-url> is missing or empty, and the request has no backend"
                    : problem(text));
        }
        return url;
    }

    private static URI parseOrNull(String text) {
        try {
            URI url = new URI(text.trim());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
                return url;
            }
            return null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

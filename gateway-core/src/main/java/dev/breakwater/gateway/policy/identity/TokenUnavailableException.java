package dev.breakwater.gateway.policy.identity;

/**
 * No token could be had from the identity endpoint. The message says why in words safe for the
 * client and the log: a status, a timeout, a malformed answer; never a token or a response body.
 */
public final class TokenUnavailableException extends Exception {

    public TokenUnavailableException(String message) {
        super(message, null, false, false);
    }
}

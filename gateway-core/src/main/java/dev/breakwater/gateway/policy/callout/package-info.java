/**
 * The HTTP side of call-out policies (send-request, send-one-way-request): a request the policies
 * built, sent on the gateway's call-out client without holding a thread, its response buffered up
 * to the policy body limit, and failures sorted into what APIM reports (timeout, connection,
 * too large). Knows nothing of policy XML; the policies in {@code policy.builtin} build the
 * {@link dev.breakwater.gateway.policy.callout.CalloutRequest} and decide what a failure means.
 */
package dev.breakwater.gateway.policy.callout;

package dev.breakwater.gateway.policy.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Asks an endpoint that answers as Azure's instance metadata service (IMDS) for a token:
 * {@code GET {endpoint}?api-version=2018-02-01&resource=...[&client_id=...]} with
 * {@code Metadata: true}; the answer is JSON with {@code access_token}, {@code expires_in} and/or
 * {@code expires_on} (seconds, as numbers or as numeric strings, as IMDS writes them) and
 * {@code token_type} {@code Bearer}. Asynchronous on the call-out client: no thread waits.
 */
final class IdentityEndpoint {

    static final String API_VERSION = "2018-02-01";
    /** How long the endpoint may take to answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The largest answer read: a token answer is a few KiB. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;
    /** Before expiry, how long a token is no longer used: 5 minutes, or half its life if it lives less than 10. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final Supplier<HttpClient> client;
    private final Clock clock;

    IdentityEndpoint(URI endpoint, Supplier<HttpClient> client, Clock clock) {
        this.endpoint = endpoint;
        this.client = client;
        this.clock = clock;
    }

    /** The endpoint for log lines: scheme, host, port and path, never a user part or a query. */
    String describe() {
        return endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort())
                + (endpoint.getRawPath() == null ? "" : endpoint.getRawPath());
    }

    /** Fetches a token; the stage fails with {@link TokenUnavailableException}. */
    CompletableFuture<AccessToken> fetch(String resource, String clientId) {
        Request request;
        try {
            request = client.get().newRequest(endpoint).method(HttpMethod.GET)
                    .param("api-version", API_VERSION).param("resource", resource)
                    .headers(headers -> headers.put("Metadata", "true").put("Accept", "application/json"))
                    .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IllegalStateException stopping) {
            return CompletableFuture.failedFuture(new TokenUnavailableException("the gateway is stopping"));
        }
        if (clientId != null) {
            request.param("client_id", clientId);
        }
        CompletableFuture<AccessToken> token = new CompletableFuture<>();
        new CompletableResponseListener(request, MAX_ANSWER_BYTES).send().whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    throw new TokenUnavailableException(why(failure));
                }
                token.complete(parse(response));
            } catch (TokenUnavailableException e) {
                token.completeExceptionally(e);
            }
        });
        return token;
    }

    private AccessToken parse(ContentResponse response) throws TokenUnavailableException {
        if (response.getStatus() != 200) {
            throw new TokenUnavailableException("the identity endpoint answered " + response.getStatus());
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.getContent());
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            throw new TokenUnavailableException("the identity endpoint's answer is not JSON");
        }
        JsonNode value = answer.get("access_token");
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new TokenUnavailableException("the identity endpoint's answer has no access_token");
        }
        JsonNode type = answer.get("token_type");
        if (type != null && !type.isNull() && !type.asText().equalsIgnoreCase("Bearer")) {
            throw new TokenUnavailableException("the identity endpoint's token is not a Bearer token");
        }
        Instant now = clock.instant();
        Instant expiresAt = expiry(answer, now);
        if (!expiresAt.isAfter(now)) {
            throw new TokenUnavailableException("the identity endpoint's token has expired already");
        }
        Duration life = Duration.between(now, expiresAt);
        Duration margin = life.compareTo(REFRESH_MARGIN.multipliedBy(2)) < 0 ? life.dividedBy(2) : REFRESH_MARGIN;
        return new AccessToken(value.asText(), expiresAt, expiresAt.minus(margin));
    }

    /** The earlier of {@code expires_in} (from now: no clock skew) and {@code expires_on} (absolute), as given. */
    private static Instant expiry(JsonNode answer, Instant now) throws TokenUnavailableException {
        Long in = seconds(answer.get("expires_in"));
        Long on = seconds(answer.get("expires_on"));
        if (in == null && on == null) {
            throw new TokenUnavailableException("the identity endpoint's answer says neither expires_in nor expires_on");
        }
        Instant byIn = in == null ? Instant.MAX : now.plusSeconds(in);
        Instant byOn = on == null ? Instant.MAX : Instant.ofEpochSecond(on);
        return byIn.isBefore(byOn) ? byIn : byOn;
    }

    private static Long seconds(JsonNode node) throws TokenUnavailableException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.canConvertToLong() && node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isTextual() && node.asText().trim().matches("\\d{1,12}")) {
            return Long.parseLong(node.asText().trim());
        }
        throw new TokenUnavailableException("the identity endpoint's answer has an expiry that is not a number of seconds");
    }

    private static String why(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof TimeoutException) {
            return "the identity endpoint did not answer within " + TIMEOUT.toSeconds() + " s";
        }
        if (cause instanceof IllegalArgumentException) {
            return "the identity endpoint's answer is larger than " + MAX_ANSWER_BYTES / 1024 + " KiB";
        }
        return "the identity endpoint cannot be reached";
    }
}

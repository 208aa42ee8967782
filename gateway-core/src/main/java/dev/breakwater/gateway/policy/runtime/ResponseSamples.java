package dev.breakwater.gateway.policy.runtime;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The example responses an operation documents, as mock-response picks from them: by status, then by
 * content type (the first one of the status when none is asked for). Built once per configuration.
 */
public final class ResponseSamples {

    /** No documented responses. */
    public static final ResponseSamples NONE = new ResponseSamples(List.of());

    /**
     * One representation of a documented response.
     *
     * @param body the example body, or {@code null} when the representation has none
     */
    public record Sample(int status, String contentType, byte[] body) {
    }

    private final List<Sample> samples;

    private ResponseSamples(List<Sample> samples) {
        this.samples = samples;
    }

    /** Samples in the order the operation documents them. */
    public static ResponseSamples of(List<Sample> samples) {
        return samples.isEmpty() ? NONE : new ResponseSamples(List.copyOf(samples));
    }

    /** A sample from text (UTF-8). */
    public static Sample sample(int status, String contentType, String example) {
        return new Sample(status, contentType, example == null ? null : example.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The representation for a status and, if given, a content type (compared without parameters,
     * ignoring case); the first one of the status when no content type is given; {@code null} when the
     * operation documents none.
     */
    public Sample find(int status, String contentType) {
        String wanted = contentType == null ? null : mediaType(contentType);
        for (Sample sample : samples) {
            if (sample.status() == status && (wanted == null || wanted.equals(mediaType(sample.contentType())))) {
                return sample;
            }
        }
        return null;
    }

    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }
}

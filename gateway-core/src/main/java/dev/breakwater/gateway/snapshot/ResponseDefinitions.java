package dev.breakwater.gateway.snapshot;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.OperationDefinition;
import dev.breakwater.gateway.config.RepresentationDefinition;
import dev.breakwater.gateway.config.ResponseDefinition;
import dev.breakwater.gateway.policy.runtime.ResponseSamples;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks an operation's documented responses and turns them into the samples mock-response picks from. */
final class ResponseDefinitions {

    /** {@code type/subtype} with optional parameters; what may stand in a Content-Type header. */
    private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\\s*;[^\\r\\n]*)?");

    private ResponseDefinitions() {
    }

    static ResponseSamples samples(OperationDefinition operation, String where) throws ConfigException {
        List<ResponseSamples.Sample> samples = new ArrayList<>();
        Set<Integer> statuses = new HashSet<>();
        List<ResponseDefinition> responses = operation.responsesOrEmpty();
        for (int i = 0; i < responses.size(); i++) {
            ResponseDefinition response = responses.get(i);
            String at = where + ".responses[" + i + "]";
            if (response == null) {
                throw new ConfigException(at + ": a response is required, not null");
            }
            if (response.statusCode() < 100 || response.statusCode() > 599) {
                throw new ConfigException(at + ": statusCode must be from 100 to 599, not " + response.statusCode());
            }
            if (!statuses.add(response.statusCode())) {
                throw new ConfigException(at + ": status " + response.statusCode() + " is documented twice");
            }
            Set<String> types = new HashSet<>();
            for (int j = 0; j < response.representations().size(); j++) {
                RepresentationDefinition representation = response.representations().get(j);
                String rat = at + ".representations[" + j + "]";
                String type = representation == null ? null : representation.contentType();
                if (type == null || !MEDIA_TYPE.matcher(type).matches()) {
                    throw new ConfigException(rat + ": contentType must be a media type such as application/json"
                            + (type == null ? "" : ", not '" + type + "'"));
                }
                if (!types.add(type.split(";")[0].trim().toLowerCase(Locale.ROOT))) {
                    throw new ConfigException(rat + ": content type " + type + " is documented twice for status "
                            + response.statusCode());
                }
                samples.add(ResponseSamples.sample(response.statusCode(), type, representation.example()));
            }
        }
        return ResponseSamples.of(samples);
    }
}

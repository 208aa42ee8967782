package dev.breakwater.gateway.policy.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.FragmentDefinition;
import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileEnvironment;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.runtime.Pipeline;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.testing.CorpusFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The public corpus's documents that use find-and-replace, json-to-xml or xml-to-json: each compiles,
 * or is refused only for another policy not built yet; the ones that use nothing else run.
 */
class TransformationCorpusTest {

    private static final Pattern USES = Pattern.compile("<(find-and-replace|json-to-xml|xml-to-json)[\\s/>]");
    private static final Pattern NAMED_VALUE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9._-]+)\\s*\\}\\}");

    private static Path corpus() {
        Path corpus = CorpusFiles.directory();
        Assumptions.assumeTrue(corpus != null, "the APIM policy corpus is not on this machine: skipped");
        return corpus;
    }

    /** The document's named values defined ({@code rewrite-search-term} is "legacy"), and the fragment if any. */
    private static CompileEnvironment environment(String document, String fragmentId, String fragment) {
        List<NamedValueDefinition> namedValues = new ArrayList<>();
        Set<String> names = new java.util.TreeSet<>();
        java.util.regex.Matcher named = NAMED_VALUE.matcher(document + (fragment == null ? "" : fragment));
        while (named.find()) {
            names.add(named.group(1));
        }
        for (String name : names) {
            namedValues.add(new NamedValueDefinition("nv-" + name, name,
                    name.equals("rewrite-search-term") ? "legacy" : "https://value-of-" + name.toLowerCase(), false));
        }
        return PolicyTesting.environment(namedValues, fragment == null ? List.of()
                : List.of(new FragmentDefinition(fragmentId, null, fragment)));
    }

    @Test
    void everyDocumentUsingThemCompilesOrIsRefusedForSomethingElse() throws Exception {
        List<String> users = new ArrayList<>();
        for (Path file : CorpusFiles.xmlFiles(corpus())) {
            String text = CorpusFiles.read(file);
            if (!USES.matcher(text).find()) {
                continue;
            }
            users.add(corpus().relativize(file).toString());
            try {
                if (text.strip().startsWith("<fragment")) {
                    Pipeline pipeline = PolicyTesting.pipeline(environment("", "under-test", text), null,
                            "<policies><outbound><include-fragment fragment-id=\"under-test\"/></outbound></policies>", null, null);
                    assertTrue(pipeline.readsResponseBody(), file + ": reads the body it transforms");
                } else {
                    PolicyTesting.pipeline(environment(text, null, null), null, text, null, null);
                }
            } catch (PolicyCompileException e) {
                String message = e.getMessage();
                assertFalse(message.contains("<find-and-replace>") || message.contains("<json-to-xml>")
                        || message.contains("<xml-to-json>"), file + ": " + message);
                assertTrue(message.contains("an APIM policy this gateway does not support yet"), file + ": " + message);
            }
        }
        System.out.println("corpus documents with transformation policies: " + users);
        assertTrue(users.size() >= 4, "the corpus has at least the four apiops and resource-kit documents: " + users);
    }

    /** Each of the corpus's transformation elements, taken out of its document, compiles where APIM allows it. */
    @Test
    void everyTransformationElementCompilesOnItsOwn() throws Exception {
        Pattern element = Pattern.compile("<(find-and-replace|json-to-xml|xml-to-json)\\b.*?/>", Pattern.DOTALL);
        int compiled = 0;
        for (Path file : CorpusFiles.xmlFiles(corpus())) {
            String text = CorpusFiles.read(file);
            java.util.regex.Matcher found = element.matcher(text);
            while (found.find()) {
                for (Section section : new Section[] {Section.INBOUND, Section.OUTBOUND, Section.ON_ERROR}) {
                    String document = PolicyTesting.in(section, found.group());
                    try {
                        PolicyTesting.pipeline(environment(document, null, null), null, document, null, null);
                    } catch (PolicyCompileException e) {
                        throw new AssertionError(corpus().relativize(file) + ": " + e.getMessage(), e);
                    }
                    compiled++;
                }
            }
        }
        assertTrue(compiled >= 3 * 8, "the corpus has at least eight such elements: " + compiled / 3);
    }

    @Test
    void theApiopsOperationPolicyReplacesInTheRequestBody() throws Exception {
        Path file = corpus().resolve("ms-samples/Azure+apiops/SampleArtifacts/apis/basic-api/operations/create-item/policy.xml");
        Assumptions.assumeTrue(file.toFile().isFile(), "apiops sample missing from the corpus: skipped");
        Pipeline pipeline = PolicyTesting.pipeline(environment(CorpusFiles.read(file), null, null), null, null,
                CorpusFiles.read(file), null);
        PolicyContext context = PolicyTesting.context();
        context.request().body().buffered("{\"name\": \"legacy item\", \"kind\": \"legacy\"}".getBytes(StandardCharsets.UTF_8));
        PolicyTesting.run(pipeline, Section.INBOUND, context);
        assertEquals("{\"name\": \"created item\", \"kind\": \"created\"}",
                new String(context.request().body().bytes(), StandardCharsets.UTF_8));
        assertEquals("create-item", context.request().headers().first("X-Operation"));
    }

    @Test
    void theResourceKitFragmentConvertsAResponse() throws Exception {
        Path file = corpus().resolve("ms-samples/Azure+azure-api-management-devops-resource-kit/_embedded/tests/"
                + "ArmTemplates.Tests/Resources/ApiClientJsonResponses/ApiManagementListPolicyFragments_success_response.json__0.xml");
        Assumptions.assumeTrue(file.toFile().isFile(), "resource-kit sample missing from the corpus: skipped");
        Pipeline pipeline = PolicyTesting.pipeline(environment("", "to-xml", CorpusFiles.read(file)), null,
                "<policies><outbound><include-fragment fragment-id=\"to-xml\"/></outbound></policies>", null, Set.of());
        PolicyContext context = PolicyTesting.context();
        context.setResponse(dev.breakwater.gateway.policy.runtime.ResponseMessage.fromBackend(200, null,
                new dev.breakwater.gateway.policy.runtime.Headers().add("Content-Type", "application/json")));
        context.response().body().buffered("{\"value\": [{\"name\": \"a\"}, {\"name\": \"b\"}], \"count\": 2}"
                .getBytes(StandardCharsets.UTF_8));
        PolicyTesting.run(pipeline, Section.OUTBOUND, context);
        assertEquals("<Document>\n  <value>\n    <name>a</name>\n  </value>\n  <value>\n    <name>b</name>\n  </value>\n"
                + "  <count>2</count>\n</Document>", new String(context.response().body().bytes(), StandardCharsets.UTF_8));
        assertEquals("application/xml", context.response().headers().first("Content-Type"));
    }
}

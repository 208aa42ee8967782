package dev.breakwater.gateway.policy.liquid;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liqp.ParseSettings;
import liqp.ProtectionSettings;
import liqp.RenderSettings;
import liqp.TemplateContext;
import liqp.TemplateParser;
import liqp.exceptions.ExceededMaxIterationsException;
import liqp.nodes.LNode;
import liqp.org.antlr.v4.runtime.tree.ParseTree;

/**
 * A Liquid template of {@code <set-body template="liquid">}, rendered as APIM renders it (DotLiquid
 * in C# mode): {@code body} is the message body bound by its Content-Type ({@link BodyBinder}),
 * {@code context} the request context the caller builds; filters have APIM's PascalCase names
 * ({@link ApimFilters}); output is written as it is, HTML-escaped only by {@code Escape}/{@code H}.
 *
 * <p>Compiled once, rendered by many threads at once: Liqp's parse tree is only read, every render
 * has its own counters and limits ({@link LiquidLimits}), and its own tree of render nodes, taken
 * from a small pool (a Liqp node keeps state while it renders, so one tree serves one render at a
 * time; building one costs about a quarter of a small render).
 */
public final class LiquidTemplate {

    private static final int IDLE_NODE_TREES = 16;
    private static final Pattern LIQP_SYNTAX_ERROR =
            Pattern.compile("(?s)(?:lexer|parser) error \"(.*)\" on line \\d+, index \\d+");

    private final ParseTree parseTree;
    private final ParseSettings parseSettings;
    private final RenderSettings renderSettings;
    private final BodyBinding binding;
    private final LiquidLimits limits;
    private final Clock clock;
    private final ArrayBlockingQueue<LNode> idleNodeTrees = new ArrayBlockingQueue<>(IDLE_NODE_TREES);

    private LiquidTemplate(ParseTree parseTree, ParseSettings parseSettings, BodyBinding binding,
                           LiquidLimits limits, Clock clock) {
        this.parseTree = parseTree;
        this.parseSettings = parseSettings;
        this.renderSettings = new RenderSettings.Builder()
                .withRenderTransformer(BudgetedRenderTransformer.INSTANCE)
                .withDefaultTimeZone(java.time.ZoneOffset.UTC)
                .build();
        this.binding = binding;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Parses and checks a template once (at configuration compile time), with APIM's defaults for
     * binding the body.
     *
     * @throws LiquidException naming the problem and, where Liqp tells it, the line/column
     */
    public static LiquidTemplate compile(String template) throws LiquidException {
        return compile(template, BodyBinding.APIM_DEFAULT);
    }

    /**
     * As {@link #compile(String)}, with set-body's {@code parse-date} and {@code xsi-nil} attributes.
     *
     * @throws LiquidException naming the problem and, where Liqp tells it, the line/column
     */
    public static LiquidTemplate compile(String template, BodyBinding binding) throws LiquidException {
        return compile(template, binding, LiquidLimits.DEFAULT, Clock.systemUTC());
    }

    static LiquidTemplate compile(String template, BodyBinding binding, LiquidLimits limits, Clock clock)
            throws LiquidException {
        // Liquid's own tag names, which the lexer needs; the tags that run are ApimNodeVisitor's.
        ParseSettings parseSettings = new ParseSettings.Builder().withFlavor(liqp.parser.Flavor.LIQUID).build();
        ParseTree parseTree;
        LNode nodes;
        try {
            parseTree = new TemplateParser.Builder().withParseSettings(parseSettings).build()
                    .parse(JsonArrayForRewriter.rewrite(template)).getParseTree();
            // Building the nodes now checks every filter and tag name, not at the first request.
            nodes = new ApimNodeVisitor(parseSettings).visit(parseTree);
        } catch (liqp.exceptions.LiquidException invalid) {
            throw new LiquidException("invalid Liquid template at line " + invalid.line + ", column "
                    + (invalid.charPositionInLine + 1) + ": " + problem(invalid.getMessage()), invalid);
        } catch (RuntimeException invalid) {
            throw new LiquidException("invalid Liquid template: " + invalid.getMessage(), invalid);
        }
        LiquidTemplate compiled = new LiquidTemplate(parseTree, parseSettings, binding, limits, clock);
        compiled.idleNodeTrees.offer(nodes);
        return compiled;
    }

    /**
     * Renders one request.
     *
     * @param context     the model the caller builds: nested {@code Map<String, Object>}, lists, strings,
     *                    numbers, booleans (also Jackson trees and Java dates), with APIM's member names
     * @param body        the message body (may be empty)
     * @param contentType its Content-Type (may be null)
     * @throws LiquidException when the body does not parse as its type, rendering fails or exceeds the limits
     */
    public String render(Map<String, Object> context, byte[] body, String contentType) throws LiquidException {
        Map<String, Object> variables = new HashMap<>();
        variables.put("context", ContextModel.adapt(context == null ? Map.of() : context));
        variables.put("body", BodyBinder.bind(body, contentType, binding));
        // A parser per render: Liqp counts loop iterations in its ProtectionSettings, so they cannot be shared.
        TemplateParser parser = new TemplateParser.Builder()
                .withParseSettings(parseSettings)
                .withRenderSettings(renderSettings)
                .withProtectionSettings(new ProtectionSettings.Builder()
                        .withMaxIterations(limits.maxIterations())
                        .withMaxSizeRenderedString(limits.maxOutputChars())
                        .build())
                .build();
        TemplateContext templateContext = new TemplateContext(parser, variables);
        new RenderScope(limits, clock).install(templateContext.getEnvironmentMap());
        LNode root = idleNodeTrees.poll();
        try {
            if (root == null) {
                root = new ApimNodeVisitor(parseSettings).visit(parseTree);
            }
            return OutputText.of(root.render(templateContext));
        } catch (RuntimeException | StackOverflowError failed) {
            throw renderFailure(failed);
        } finally {
            if (root != null) {
                idleNodeTrees.offer(root); // dropped when the pool is full
            }
        }
    }

    /** A limit named as such wherever Liqp wrapped it (it wraps what a filter throws), else the failure. */
    private LiquidException renderFailure(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof RenderScope.LimitExceededException exceeded) {
                return new LiquidException(exceeded.getMessage());
            }
            if (cause instanceof ExceededMaxIterationsException) {
                return new LiquidException("Liquid template went past " + limits.maxIterations() + " loop iterations");
            }
        }
        String message = failed.getMessage() == null ? failed.toString() : failed.getMessage();
        return new LiquidException("Liquid template failed to render: " + message, failed);
    }

    private static String problem(String liqpMessage) {
        Matcher syntax = LIQP_SYNTAX_ERROR.matcher(liqpMessage == null ? "" : liqpMessage.trim());
        return syntax.matches() ? "syntax error: " + syntax.group(1) : String.valueOf(liqpMessage).trim();
    }
}

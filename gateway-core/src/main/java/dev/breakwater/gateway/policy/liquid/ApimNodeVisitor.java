package dev.breakwater.gateway.policy.liquid;

import liqp.ParseSettings;
import liqp.exceptions.LiquidException;
import liqp.nodes.FilterNode;
import liqp.nodes.LNode;
import liqp.parser.v4.NodeVisitor;
import liquid.parser.v4.LiquidParser.FilterContext;
import liquid.parser.v4.LiquidParser.Include_tagContext;

/**
 * Turns Liqp's parse tree into render nodes with APIM's filters and tags, refusing an unknown
 * filter or an {@code include} with the line and column where it is written.
 */
final class ApimNodeVisitor extends NodeVisitor {

    ApimNodeVisitor(ParseSettings parseSettings) {
        super(ApimInsertions.INSERTIONS, ApimFilters.FILTERS, parseSettings);
    }

    @Override
    public FilterNode visitFilter(FilterContext ctx) {
        String name = ctx.Id().getText();
        if (!ApimFilters.isKnown(name)) {
            var token = ctx.Id().getSymbol();
            throw new LiquidException("unknown filter '" + name + "'", token.getLine(), token.getCharPositionInLine(), null);
        }
        return super.visitFilter(ctx);
    }

    @Override
    public LNode visitInclude_tag(Include_tagContext ctx) {
        throw new LiquidException("the include tag is not supported", ctx);
    }
}

package dev.breakwater.gateway.policy.liquid;

import liqp.RenderTransformer;
import liqp.TemplateContext;

/**
 * Builds every piece of output (the body, each block, loop and capture) with the render's limits
 * checked at each append, and writes values as APIM's DotLiquid does ({@link OutputText}).
 */
final class BudgetedRenderTransformer implements RenderTransformer {

    static final BudgetedRenderTransformer INSTANCE = new BudgetedRenderTransformer();

    private BudgetedRenderTransformer() {
    }

    @Override
    public ObjectAppender.Controller newObjectAppender(TemplateContext context, int estimatedNumberOfAppends) {
        RenderScope scope = RenderScope.of(context);
        StringBuilder text = new StringBuilder();
        return new ObjectAppender.Controller() {
            @Override
            public void append(Object value) {
                scope.checkTime();
                text.append(OutputText.of(value));
                scope.checkLength(text.length());
            }

            @Override
            public Object getResult() {
                return text.toString();
            }
        };
    }

    @Override
    public Object transformObject(TemplateContext context, Object value) {
        return OutputText.of(value);
    }
}

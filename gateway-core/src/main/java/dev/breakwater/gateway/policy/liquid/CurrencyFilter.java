package dev.breakwater.gateway.policy.liquid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * {@code Currency}: DotLiquid's filter, a number written with .NET's {@code "C"} format. Without an
 * argument the culture is the invariant one that APIM's templates use ({@code ¤1,234.50}); with a
 * language tag, that culture's currency ({@code {{ 1234.5 | Currency: "en-US" }}} gives {@code $1,234.50}).
 * An input that is not a number is given back unchanged.
 */
final class CurrencyFilter extends Filter {

    CurrencyFilter() {
        super("Currency");
    }

    @Override
    public Object apply(Object value, TemplateContext context, Object... params) {
        BigDecimal amount = toDecimal(value);
        if (amount == null) {
            return value;
        }
        String tag = params.length == 0 || params[0] == null ? "" : OutputText.of(params[0]).trim();
        if (tag.isEmpty()) {
            return invariant(amount);
        }
        Locale locale = Locale.forLanguageTag(tag);
        if (locale.getLanguage().isEmpty()) {
            throw new IllegalArgumentException("Currency filter: '" + tag + "' is not a language tag");
        }
        return NumberFormat.getCurrencyInstance(locale).format(amount);
    }

    private static String invariant(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String digits = format.format(amount.abs().setScale(2, RoundingMode.HALF_UP));
        return (amount.signum() < 0 ? "-¤" : "¤") + digits;
    }

    private static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? BigDecimal.valueOf(number) : null;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.trim().replace(",", ""));
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }
}

package dev.breakwater.gateway.policy.liquid;

/**
 * How the message body is bound to {@code body}: APIM's set-body attributes {@code parse-date}
 * and {@code xsi-nil}.
 *
 * @param parseDates   {@code parse-date="true"} (APIM's default): body strings that are ISO-8601
 *                     date-times or {@code /Date(ms)/} become dates, written as
 *                     {@code MM/dd/yyyy HH:mm:ss}; {@code false} keeps them as written
 * @param xsiNilAsNull {@code xsi-nil="null"}: an XML element with {@code xsi:nil="true"} is null;
 *                     {@code false} ({@code blank}, APIM's default) makes it an empty string
 */
public record BodyBinding(boolean parseDates, boolean xsiNilAsNull) {

    /** APIM's defaults: {@code parse-date="true"}, {@code xsi-nil="blank"}. */
    public static final BodyBinding APIM_DEFAULT = new BodyBinding(true, false);
}

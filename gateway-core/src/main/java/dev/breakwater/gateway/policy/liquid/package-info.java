/**
 * The Liquid engine behind {@code <set-body template="liquid">}: {@link
 * dev.breakwater.gateway.policy.liquid.LiquidTemplate} compiles a template once and renders it per
 * request, as APIM renders it with DotLiquid in "C# mode".
 *
 * <p>What APIM documents, and what is done here:
 * <ul>
 *   <li>{@code body} is the message body, bound by Content-Type: JSON for {@code application/json},
 *       {@code text/json}, {@code *+json}; XML for {@code application/xml}, {@code text/xml},
 *       {@code *+xml}. APIM says the body binds only then; here any other type, or an empty body,
 *       leaves {@code body} nil. A body that does not parse as its type fails the render.</li>
 *   <li>APIM does not document its XML-to-object mapping; {@link dev.breakwater.gateway.policy.liquid.XmlBody}
 *       follows what APIM's generated SOAP templates rely on ({@code body.envelope.body.X}).</li>
 *   <li>{@code parse-date} (default on) and {@code xsi-nil} (default blank) are
 *       {@link dev.breakwater.gateway.policy.liquid.BodyBinding}.</li>
 *   <li>{@code context} is the caller's model with APIM's PascalCase member names.</li>
 *   <li>Filters are APIM's documented list, by PascalCase name (and Liquid's snake_case and lower
 *       case); any other filter, and the {@code include} tag, refuse the template at compile time.
 *       {@code Date} takes .NET format strings; {@code Replace}, {@code ReplaceFirst} and
 *       {@code RemoveFirst} take regular expressions, as DotLiquid's do.</li>
 *   <li>APIM's {@code JSONArrayFor} block is supported.</li>
 * </ul>
 * Renders are bounded in time, loop iterations and output size ({@link
 * dev.breakwater.gateway.policy.liquid.LiquidLimits}).
 */
package dev.breakwater.gateway.policy.liquid;

/** Newtonsoft's JToken model (JObject, JArray, JProperty, JValue), JSONPath, and Json.NET-compatible text. */
package dev.breakwater.gateway.policy.expression.runtime.json;

/**
 * Body transformations of APIM's transformation policies as pure functions over bytes, without the
 * policy engine: literal find-and-replace, JSON to XML and XML to JSON. Each bounds its work (input
 * nesting, output size) and reports bad input with a message that quotes none of it.
 */
package dev.breakwater.gateway.policy.transform;

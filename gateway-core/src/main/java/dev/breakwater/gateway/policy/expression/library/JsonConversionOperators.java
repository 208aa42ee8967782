package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.runtime.json.JToken;
import dev.breakwater.gateway.policy.expression.runtime.json.JsonConversions;
import dev.breakwater.gateway.policy.expression.runtime.json.JsonValues;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;

/**
 * Json.NET's conversion operators on JToken: implicit from primitives ({@code json["a"] = 1}) and
 * explicit to them ({@code (string)json["a"]}, {@code (int?)json["n"]}).
 */
final class JsonConversionOperators {

    private static final String[] IMPLICIT = {"string", "bool", "int", "long", "double", "float", "decimal", "DateTime",
        "DateTimeOffset", "Guid", "TimeSpan", "Uri", "byte[]", "bool?", "int?", "long?", "double?", "float?", "decimal?",
        "DateTime?", "DateTimeOffset?", "Guid?", "TimeSpan?"};
    private static final String[] EXPLICIT = {"string", "bool", "int", "long", "short", "byte", "char", "double", "float",
        "decimal", "DateTime", "DateTimeOffset", "Guid", "TimeSpan", "Uri", "byte[]", "bool?", "int?", "long?", "short?",
        "double?", "float?", "decimal?", "DateTime?", "DateTimeOffset?", "Guid?", "TimeSpan?"};

    private final TypeBuilder token;

    JsonConversionOperators(TypeBuilder token) {
        this.token = token;
    }

    void define() {
        for (String type : IMPLICIT) {
            token.implicitFrom(type, JsonValues::from);
        }
        for (String type : EXPLICIT) {
            TypeSymbol target = token.resolve(type);
            token.explicitTo(type, v -> JsonConversions.convert((JToken) v, target, false));
        }
    }
}

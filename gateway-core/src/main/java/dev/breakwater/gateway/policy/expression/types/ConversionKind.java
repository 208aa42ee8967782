package dev.breakwater.gateway.policy.expression.types;

/** How a value of one type becomes a value of another (C# conversions of the subset). */
public enum ConversionKind {
    IDENTITY(true),
    /** int → long, … (a new boxed value of the target kind). */
    NUMERIC_IMPLICIT(true),
    /** An int constant that fits: {@code byte b = 5;}. */
    CONSTANT_IMPLICIT(true),
    /** {@code null} to a reference or nullable type. */
    NULL_LITERAL(true),
    /** T to {@code T?}: same representation. */
    NULLABLE_WRAP(true),
    /** {@code int?} to {@code long?}: lifted numeric conversion, null stays null. */
    NULLABLE_NUMERIC_IMPLICIT(true),
    /** Up the hierarchy or boxing: same representation. */
    REFERENCE_IMPLICIT(true),
    USER_IMPLICIT(true),
    NUMERIC_EXPLICIT(false),
    /** {@code T?} to T: fails on null. */
    NULLABLE_UNWRAP(false),
    /** Numeric conversion through nullables, explicit in at least one direction. */
    NULLABLE_NUMERIC_EXPLICIT(false),
    /** Down the hierarchy or unboxing: checked at run time. */
    REFERENCE_EXPLICIT(false),
    USER_EXPLICIT(false),
    /** Enum to and from its integral value. */
    ENUM_EXPLICIT(false),
    NONE(false);

    private final boolean implicit;

    ConversionKind(boolean implicit) {
        this.implicit = implicit;
    }

    public boolean isImplicit() {
        return implicit && this != NONE;
    }

    public boolean exists() {
        return this != NONE;
    }
}

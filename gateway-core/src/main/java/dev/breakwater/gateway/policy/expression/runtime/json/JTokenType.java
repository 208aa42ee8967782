package dev.breakwater.gateway.policy.expression.runtime.json;

/** Newtonsoft's JTokenType values (the numbers are the enum's). */
public final class JTokenType {
    public static final int NONE = 0;
    public static final int OBJECT = 1;
    public static final int ARRAY = 2;
    public static final int PROPERTY = 4;
    public static final int INTEGER = 6;
    public static final int FLOAT = 7;
    public static final int STRING = 8;
    public static final int BOOLEAN = 9;
    public static final int NULL = 10;
    public static final int UNDEFINED = 11;
    public static final int DATE = 12;
    public static final int RAW = 13;
    public static final int BYTES = 14;
    public static final int GUID = 15;
    public static final int URI = 16;
    public static final int TIMESPAN = 17;

    static final String[] NAMES = {"None", "Object", "Array", "Constructor", "Property", "Comment", "Integer", "Float",
        "String", "Boolean", "Null", "Undefined", "Date", "Raw", "Bytes", "Guid", "Uri", "TimeSpan"};

    private JTokenType() {
    }

    public static String name(int type) {
        return NAMES[type];
    }
}

package dev.breakwater.gateway.policy.transform;

/** The text a conversion writes, which refuses to grow past its {@link OutputBudget}. */
final class BoundedText {

    private final StringBuilder out;
    private final int limit;

    BoundedText(int inputLength) {
        this.limit = OutputBudget.forInput(inputLength);
        this.out = new StringBuilder(Math.min(limit, Math.max(64, inputLength * 2)));
    }

    BoundedText append(String text) throws ConversionException {
        room(text.length());
        out.append(text);
        return this;
    }

    BoundedText append(char c) throws ConversionException {
        room(1);
        out.append(c);
        return this;
    }

    /** A line break and two spaces per level, as .NET and Json.NET indent on Linux. */
    BoundedText newLine(int depth) throws ConversionException {
        room(1 + 2L * depth);
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
        return this;
    }

    boolean isEmpty() {
        return out.length() == 0;
    }

    private void room(long more) throws ConversionException {
        if (out.length() + more > limit) {
            throw new ConversionException(OutputBudget.exceeded(limit));
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}

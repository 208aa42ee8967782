package dev.breakwater.gateway.policy.liquid;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

import liqp.Insertions;
import liqp.blocks.Capture;
import liqp.blocks.Case;
import liqp.blocks.Comment;
import liqp.blocks.Cycle;
import liqp.blocks.If;
import liqp.blocks.Ifchanged;
import liqp.blocks.Raw;
import liqp.blocks.Tablerow;
import liqp.blocks.Unless;
import liqp.tags.Assign;
import liqp.tags.Break;
import liqp.tags.Continue;
import liqp.tags.Decrement;
import liqp.tags.Increment;

/**
 * The tags and blocks a template may use: Liquid's, without {@code include} (it reads files from
 * the gateway's disk), and with a {@code for} that iterates as DotLiquid does.
 */
final class ApimInsertions {

    static final Insertions INSERTIONS = Insertions.of(new Assign(), new Break(), new Capture(), new Case(),
            new Comment(), new Continue(), new Cycle(), new Decrement(), new For(), new If(), new Ifchanged(),
            new Increment(), new Raw(), new Tablerow(), new Unless());

    private ApimInsertions() {
    }

    /**
     * Liquid's {@code for}, except over an object: DotLiquid yields its entries with {@code Key} and
     * {@code Value} ({@code {% for header in context.Request.Headers %}{{ header.Key }}}), where Liqp
     * yields Ruby's {@code [key, value]} pairs; and an XML element that occurs once is iterated once.
     * Named {@code For} because Liqp takes a tag's name from its class name.
     */
    static final class For extends liqp.blocks.For {
        @Override
        protected Object[] mapAsArray(Map value) {
            if (value instanceof BodyObject.XmlElement) {
                return new Object[] {value};
            }
            Map<?, ?> entries = value;
            return entries.entrySet().stream()
                    .map(entry -> new KeyValuePair(String.valueOf(entry.getKey()), entry.getValue()))
                    .toArray();
        }
    }

    /** .NET's {@code KeyValuePair}: {@code Key} and {@code Value} (also in lower case). */
    static final class KeyValuePair extends AbstractMap<String, Object> {
        private final String key;
        private final Object value;

        KeyValuePair(String key, Object value) {
            this.key = key;
            this.value = value;
        }

        @Override
        public Object get(Object name) {
            if ("Key".equals(name) || "key".equals(name)) {
                return key;
            }
            return "Value".equals(name) || "value".equals(name) ? value : null;
        }

        @Override
        public boolean containsKey(Object name) {
            return "Key".equals(name) || "key".equals(name) || "Value".equals(name) || "value".equals(name);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Set.of(new SimpleImmutableEntry<>("Key", key), new SimpleImmutableEntry<>("Value", value));
        }
    }
}

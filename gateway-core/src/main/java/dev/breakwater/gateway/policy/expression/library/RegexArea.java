package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.Closure;
import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.runtime.DotNetRegex;
import dev.breakwater.gateway.policy.expression.runtime.EnumValue;
import dev.breakwater.gateway.policy.expression.runtime.RegexMatch;
import dev.breakwater.gateway.policy.expression.types.TypeDef;

import java.util.List;

/** System.Text.RegularExpressions: Regex, Match, Group, GroupCollection, MatchCollection, RegexOptions. */
final class RegexArea implements LibraryArea {

    private static final String NS = "System.Text.RegularExpressions";

    private TypeBuilder regex;
    private TypeBuilder match;
    private TypeBuilder group;
    private TypeBuilder groups;
    private TypeBuilder matches;
    private TypeBuilder options;

    /** A match's groups (GroupCollection). */
    record GroupList(RegexMatch match) { }

    @Override
    public void declare(LibraryBuilder b) {
        regex = b.declare(NS, "Regex", TypeDef.Kind.CLASS, DotNetRegex.class);
        match = b.declare(NS, "Match", TypeDef.Kind.CLASS, RegexMatch.class);
        group = b.declare(NS, "Group", TypeDef.Kind.CLASS, RegexMatch.Group.class);
        groups = b.declare(NS, "GroupCollection", TypeDef.Kind.CLASS, GroupList.class);
        matches = b.declare(NS, "MatchCollection", TypeDef.Kind.CLASS, List.class);
        options = b.declare(NS, "RegexOptions", TypeDef.Kind.ENUM, EnumValue.class);
    }

    private static DotNetRegex r(Object o) {
        return (DotNetRegex) o;
    }

    private static long opts(Object o) {
        return ((EnumValue) o).value();
    }

    @Override
    public void define(LibraryBuilder b) {
        options.flags().enumMember("None", 0).enumMember("IgnoreCase", 1).enumMember("Multiline", 2)
                .enumMember("ExplicitCapture", 4).enumMember("Compiled", 8).enumMember("Singleline", 16)
                .enumMember("IgnorePatternWhitespace", 32).enumMember("RightToLeft", 64).enumMember("ECMAScript", 256)
                .enumMember("CultureInvariant", 512);
        regex.rawCtor("(string pattern)", new RegexCall(0, -1, (r, f, a) -> r))
                .rawCtor("(string pattern, RegexOptions options)", new RegexCall(0, 1, (r, f, a) -> r))
                .ctor("(string pattern, RegexOptions options, TimeSpan matchTimeout)", (p, o, t) -> new DotNetRegex((String) p, opts(o)))
                .raw("bool IsMatch(string input)", (f, s, a) -> r(s).isMatch((String) a[0], f))
                .raw("Match Match(string input)", (f, s, a) -> r(s).match((String) a[0], 0, f))
                .raw("Match Match(string input, int startat)", (f, s, a) -> r(s).match((String) a[0], (Integer) a[1], f))
                .raw("MatchCollection Matches(string input)", (f, s, a) -> r(s).matches((String) a[0], f))
                .raw("string Replace(string input, string replacement)", (f, s, a) -> r(s).replace((String) a[0], (String) a[1], f))
                .raw("string Replace(string input, Func<Match, string> evaluator)", (f, s, a) -> evaluate(r(s), a[0], a[1], f))
                .raw("string[] Split(string input)", (f, s, a) -> r(s).split((String) a[0], f))
                .method("string ToString()", s -> r(s).source())
                .prop("RegexOptions Options", s -> new EnumValue(options.def(), r(s).options()))
                .raw("static bool IsMatch(string input, string pattern)", new RegexCall(1, -1, (r, f, a) -> r.isMatch((String) a[0], f)))
                .raw("static bool IsMatch(string input, string pattern, RegexOptions options)",
                        new RegexCall(1, 2, (r, f, a) -> r.isMatch((String) a[0], f)))
                .raw("static Match Match(string input, string pattern)", new RegexCall(1, -1, (r, f, a) -> r.match((String) a[0], 0, f)))
                .raw("static Match Match(string input, string pattern, RegexOptions options)",
                        new RegexCall(1, 2, (r, f, a) -> r.match((String) a[0], 0, f)))
                .raw("static MatchCollection Matches(string input, string pattern)", new RegexCall(1, -1, (r, f, a) -> r.matches((String) a[0], f)))
                .raw("static MatchCollection Matches(string input, string pattern, RegexOptions options)",
                        new RegexCall(1, 2, (r, f, a) -> r.matches((String) a[0], f)))
                .raw("static string Replace(string input, string pattern, string replacement)",
                        new RegexCall(1, -1, (r, f, a) -> r.replace((String) a[0], (String) a[2], f)))
                .raw("static string Replace(string input, string pattern, string replacement, RegexOptions options)",
                        new RegexCall(1, 3, (r, f, a) -> r.replace((String) a[0], (String) a[2], f)))
                .raw("static string Replace(string input, string pattern, Func<Match, string> evaluator)",
                        new RegexCall(1, -1, (r, f, a) -> evaluate(r, a[0], a[2], f)))
                .raw("static string[] Split(string input, string pattern)", new RegexCall(1, -1, (r, f, a) -> r.split((String) a[0], f)))
                .raw("static string[] Split(string input, string pattern, RegexOptions options)",
                        new RegexCall(1, 2, (r, f, a) -> r.split((String) a[0], f)))
                .staticMethod("string Escape(string str)", s -> DotNetRegex.escape((String) s))
                .staticMethod("string Unescape(string str)", s -> DotNetRegex.unescape((String) s));
        match.supertypes("Group")
                .prop("bool Success", m -> ((RegexMatch) m).success())
                .prop("string Value", m -> ((RegexMatch) m).value())
                .prop("int Index", m -> ((RegexMatch) m).index())
                .prop("int Length", m -> ((RegexMatch) m).length())
                .prop("GroupCollection Groups", m -> new GroupList((RegexMatch) m))
                .method("Match NextMatch()", m -> ((RegexMatch) m).nextMatch())
                .method("string Result(string replacement)", (m, s) -> ((RegexMatch) m).result((String) s))
                .method("string ToString()", m -> ((RegexMatch) m).value());
        group.prop("bool Success", g -> g instanceof RegexMatch m ? m.success() : ((RegexMatch.Group) g).success())
                .prop("string Value", g -> g instanceof RegexMatch m ? m.value() : ((RegexMatch.Group) g).value())
                .prop("int Index", g -> g instanceof RegexMatch m ? m.index() : ((RegexMatch.Group) g).index())
                .prop("int Length", g -> g instanceof RegexMatch m ? m.length() : ((RegexMatch.Group) g).length())
                .prop("string Name", g -> g instanceof RegexMatch ? "0" : ((RegexMatch.Group) g).name())
                .instanceTest(g -> g instanceof RegexMatch || g instanceof RegexMatch.Group);
        groups.supertypes("IEnumerable<Group>")
                .prop("int Count", g -> ((GroupList) g).match().groupCount())
                .indexer("Group this[int groupnum]", (g, i) -> ((GroupList) g).match().group((Integer) i))
                .indexer("Group this[string groupname]", (g, n) -> ((GroupList) g).match().group((String) n));
        matches.supertypes("IEnumerable<Match>")
                .prop("int Count", m -> ((List<?>) m).size())
                .indexer("Match this[int i]", (m, i) -> ((List<?>) m).get((Integer) i));
    }

    private static String evaluate(DotNetRegex regex, Object input, Object evaluator, Frame f) {
        Closure c = (Closure) evaluator;
        return regex.replace((String) input, m -> (String) c.invoke(m), f);
    }
}

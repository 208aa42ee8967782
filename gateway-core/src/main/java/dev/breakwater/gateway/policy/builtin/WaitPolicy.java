package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code <wait for="all|any">send-request, cache-lookup-value, choose…</wait>}: starts every child
 * at once, so that their call-outs run concurrently, and goes on when all of them (or the first)
 * are done, holding no thread meanwhile. With {@code all}, a child that fails fails the wait once
 * every child is done; with {@code any}, the first to finish decides. A child that ends the
 * request (return-response in a choose) ends it. Children are started in order on the thread
 * that runs the wait; each resumes on the thread its call-out completes on.
 */
public final class WaitPolicy implements Step {

    /** What APIM allows inside wait. */
    static final Set<String> CHILDREN = Set.of("send-request", "cache-lookup-value", "choose");

    private final Step[] children;
    private final boolean all;

    private WaitPolicy(Step[] children, boolean all) {
        this.children = children;
        this.all = all;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        List<CompletableFuture<Outcome>> pending = new ArrayList<>();
        boolean oneDone = false;
        PolicyException failed = null;
        for (Step child : children) { // every child starts, whatever the others did
            Outcome outcome;
            try {
                outcome = child.run(context);
            } catch (PolicyException e) {
                // a child failing at once is done (and decides for any); with all, the others still run
                // and the wait fails once they are done, so on-error never runs beside a call-out still out
                failed = failed == null ? e : failed;
                oneDone = true;
                continue;
            }
            if (outcome == Outcome.RESPOND) {
                return outcome;
            }
            if (outcome.isPending()) {
                pending.add(outcome.stage().toCompletableFuture());
            } else {
                oneDone = true;
            }
        }
        if (failed != null && (pending.isEmpty() || !all)) {
            throw failed;
        }
        if (pending.isEmpty() || (!all && oneDone)) {
            return Outcome.CONTINUE; // all done, or (any) one is done already
        }
        CompletableFuture<?>[] stages = pending.toArray(CompletableFuture[]::new);
        if (!all) {
            return Outcome.pending(CompletableFuture.anyOf(stages).thenApply(WaitPolicy::outcomeOf));
        }
        PolicyException failedAtOnce = failed;
        return Outcome.pending(CompletableFuture.allOf(stages).thenApply(ignored -> {
            if (failedAtOnce != null) {
                throw new CompletionException(failedAtOnce);
            }
            return pending.stream().map(CompletableFuture::join).anyMatch(outcome -> outcome == Outcome.RESPOND)
                    ? Outcome.RESPOND : Outcome.CONTINUE;
        }));
    }

    private static Outcome outcomeOf(Object settled) {
        return settled == Outcome.RESPOND ? Outcome.RESPOND : Outcome.CONTINUE;
    }

    /** Registered for {@code <wait>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "wait";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND, Section.OUTBOUND, Section.BACKEND);
        }

        @Override
        public Set<Trait> traits() {
            return Set.of(Trait.MAY_PAUSE);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("for");
            element.forbidText();
            String mode = context.values().literal(element, "for");
            boolean all = mode == null || mode.equals("all");
            if (!all && !mode.equals("any")) {
                throw new PolicyCompileException(element, "attribute 'for' must be all or any, not '" + mode + "'");
            }
            for (PolicyElement child : element.children()) {
                if (!CHILDREN.contains(child.name())) {
                    throw new PolicyCompileException(child, "cannot stand inside <wait>; it may hold only "
                            + "send-request, cache-lookup-value and choose, as in APIM");
                }
            }
            return new WaitPolicy(context.compileChildren("wait", element.children()), all);
        }
    }
}

package dev.breakwater.gateway.policy;

import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.backend.Backends;
import dev.breakwater.gateway.policy.compile.CompileEnvironment;
import dev.breakwater.gateway.policy.compile.Fragments;
import dev.breakwater.gateway.policy.compile.NamedValues;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.PolicyRegistry;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.expression.ExpressionCompiler;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A policy for unit tests, {@code <test-gate/>}: it waits, without a thread, until the test opens
 * (or fails) it, as a call-out or forward-request would wait for its answer. Added to a registry
 * of its own (never registered in META-INF/services, see the runner's PausePolicy for why).
 */
public final class GateFactory implements PolicyFactory {

    private final ConcurrentLinkedQueue<CompletableFuture<Outcome>> waiting = new ConcurrentLinkedQueue<>();

    /** An environment with the built-in policies and this gate, whose policies keep these services. */
    public CompileEnvironment environment(PolicyServices services) {
        List<PolicyFactory> factories = new ArrayList<>();
        ServiceLoader.load(PolicyFactory.class, PolicyFactory.class.getClassLoader()).forEach(factories::add);
        factories.add(this);
        return new CompileEnvironment(new PolicyRegistry(factories), new ExpressionCompiler(), NamedValues.NONE,
                Fragments.NONE, Backends.NONE, services);
    }

    /** How many requests wait at a gate now. */
    public int waiting() {
        return waiting.size();
    }

    /** Lets the request that came first go on. */
    public void openOne() {
        next().complete(Outcome.CONTINUE);
    }

    /** Fails the wait of the request that came first, as a call-out that fails. */
    public void failOne(PolicyException failure) {
        next().completeExceptionally(failure);
    }

    /** Lets every waiting request go on. */
    public void openAll() {
        CompletableFuture<Outcome> gate;
        while ((gate = waiting.poll()) != null) {
            gate.complete(Outcome.CONTINUE);
        }
    }

    private CompletableFuture<Outcome> next() {
        CompletableFuture<Outcome> gate = waiting.poll();
        if (gate == null) {
            throw new AssertionError("no request waits at a gate");
        }
        return gate;
    }

    @Override
    public String elementName() {
        return "test-gate";
    }

    @Override
    public Set<dev.breakwater.gateway.policy.Section> sections() {
        return EnumSet.allOf(dev.breakwater.gateway.policy.Section.class);
    }

    @Override
    public Set<Trait> traits() {
        return Set.of(Trait.MAY_PAUSE);
    }

    @Override
    public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
        element.allowAttributes();
        element.allowChildren();
        element.forbidText();
        return request -> {
            CompletableFuture<Outcome> gate = new CompletableFuture<>();
            waiting.add(gate);
            return Outcome.pending(gate);
        };
    }
}

package dev.breakwater.runner;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A policy for tests only, {@code <test-pause millis="200"/>}: it waits without holding a thread,
 * as a call-out does, and then lets the pipeline go on, on the timer's thread. It proves that a
 * request waiting on a step holds no container thread. Registered through META-INF/services in
 * this module's test resources, not in gateway-core's test jar: the WAR's tests put that jar on the
 * container's class path, where a web application would see the registration but not the class.
 */
public final class PausePolicy implements Step {

    /** How many requests are waiting in a pause right now. */
    public static final AtomicInteger WAITING = new AtomicInteger();

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-pause-timer");
        thread.setDaemon(true);
        return thread;
    });

    private final Value<Integer> millis;

    private PausePolicy(Value<Integer> millis) {
        this.millis = millis;
    }

    @Override
    public Outcome run(PolicyContext context) throws dev.breakwater.gateway.policy.runtime.PolicyException {
        CompletableFuture<Outcome> later = new CompletableFuture<>();
        WAITING.incrementAndGet();
        TIMER.schedule(() -> {
            WAITING.decrementAndGet();
            later.complete(Outcome.CONTINUE);
        }, millis.get(context), TimeUnit.MILLISECONDS);
        return Outcome.pending(later);
    }

    /** Registered for {@code <test-pause>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "test-pause";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        public Set<Trait> traits() {
            return Set.of(Trait.MAY_PAUSE);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("millis");
            element.allowChildren();
            element.forbidText();
            return new PausePolicy(context.values().integer(element, "millis", 100, 0, 60_000));
        }
    }
}

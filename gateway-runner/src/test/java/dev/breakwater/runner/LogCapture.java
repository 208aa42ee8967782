package dev.breakwater.runner;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The real logging events of one logger while a test runs (the runner logs through logback). */
final class LogCapture implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    LogCapture(Class<?> loggerOf) {
        this(loggerOf.getName());
    }

    /** How many events, written as "LEVEL message", contain every one of the given texts. */
    long count(String... texts) {
        return events().stream().map(event -> event.getLevel() + " " + event.getFormattedMessage())
                .filter(message -> List.of(texts).stream().allMatch(message::contains)).count();
    }

    /** The formatted messages so far. */
    List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The messages of one level so far. */
    List<String> messages(ch.qos.logback.classic.Level level) {
        return events().stream().filter(event -> event.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /**
     * A copy of the events so far, taken under the appender's own lock: logback appends while holding
     * it (AppenderBase.doAppend), not the list's, so reading the list directly raced with appends.
     */
    private List<ILoggingEvent> events() {
        synchronized (appender) {
            return new ArrayList<>(appender.list);
        }
    }

    /** Waits (bounded) for the request log line of a request id and returns it parsed. */
    JsonNode requestLogLine(String requestId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (String batch : messages()) {
                for (String line : batch.split("\n")) {
                    JsonNode node = parse(line);
                    if (requestId.equals(node.path("requestId").asText())) {
                        return node;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no request log line for " + requestId + " within 10 s; lines: " + messages());
    }

    /** Every request log line so far, parsed. */
    List<JsonNode> requestLogLines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String batch : messages()) {
            for (String line : batch.split("\n")) {
                lines.add(parse(line));
            }
        }
        return lines;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}

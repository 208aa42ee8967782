package dev.breakwater.runner;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** The formatted messages one logger writes while attached, for tests that wait for a log line. */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    LogCapture(Class<?> loggerOf) {
        logger = (Logger) LoggerFactory.getLogger(loggerOf);
        setContext(logger.getLoggerContext());
        start();
        logger.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        messages.add(event.getLevel() + " " + event.getFormattedMessage());
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    /** How many messages contain every one of the given texts. */
    long count(String... texts) {
        return messages.stream().filter(message -> List.of(texts).stream().allMatch(message::contains)).count();
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}

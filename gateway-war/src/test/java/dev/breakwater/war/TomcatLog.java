package dev.breakwater.war;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what embedded Tomcat logs (through java.util.logging), so a test can see why a web
 * application failed to start: Tomcat logs the listener's exception and carries on.
 */
final class TomcatLog extends Handler {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    void attach() {
        Logger.getLogger("").addHandler(this);
    }

    void detach() {
        Logger.getLogger("").removeHandler(this);
    }

    /**
     * Whether a logged exception (or one of its causes) has a message with both parts. Compared by
     * message, as the exception's class is the web application's copy, not the test's.
     */
    boolean hasFailure(String start, String reason) {
        for (LogRecord record : records) {
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                String message = t.getMessage();
                if (message != null && message.contains(start) && message.contains(reason)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Everything logged, for failure messages. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (LogRecord record : records) {
            text.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(": ")
                    .append(record.getMessage()).append('\n');
            if (record.getThrown() != null) {
                text.append("    ").append(record.getThrown()).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}

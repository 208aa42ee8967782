package dev.breakwater.management.store;

/** What a request names does not exist (404). */
public class MissingException extends Exception {

    public MissingException(String message) {
        super(message);
    }
}

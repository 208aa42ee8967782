package dev.breakwater.gateway.settings;

/** A setting is missing, unknown or malformed; the message names it and says what is expected. */
public class SettingsException extends Exception {

    public SettingsException(String message) {
        super(message);
    }
}

package dev.breakwater.gateway.config;

/** A configuration document that cannot be served; the message says where and what is wrong. */
public class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ConfigException;

/**
 * A deletion refused because something else still uses what it deletes (409): a product, an API or
 * a user that subscriptions hang on, unless the request asks for those to go too.
 */
public class InUseException extends ConfigException {

    public InUseException(String message) {
        super(message);
    }
}

package de.kielregion.kooperation.platform.inbox;

import de.kielregion.kooperation.platform.events.IncomingEvent;

/** The effect of one consumed event; runs inside the inbox's transaction. */
@FunctionalInterface
public interface EventHandler {

    void handle(IncomingEvent event);
}

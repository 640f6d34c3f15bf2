package de.kielregion.kooperation.platform.events;

/** An event that can never be processed as it is: it goes to the dead-letter topic at once. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}

package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.ServiceProblem;
import jakarta.ws.rs.ProcessingException;
import java.util.function.Supplier;

/**
 * One part of a page read from one service: its data, or why it is missing (the service is
 * down, or refused), so that one failing service never takes the whole page down.
 */
@io.quarkus.qute.TemplateData
public record Section<T>(T data, String error, String service) {

    public static <T> Section<T> of(String service, Supplier<T> read) {
        try {
            return new Section<>(read.get(), null, service);
        } catch (ServiceProblem p) {
            return new Section<>(null, p.status() >= 500 ? "down" : "refused", service);
        } catch (ProcessingException e) {
            return new Section<>(null, "down", service);
        }
    }

    public boolean ok() {
        return error == null;
    }
}

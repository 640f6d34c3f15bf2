package de.kielregion.kooperation.portal.web;

import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Notes when each request began (see {@link Ui#since()}), before any service is called. */
public class RequestStart {

    @Inject
    Ui ui;

    @ServerRequestFilter
    public void start() {
        ui.since();
    }
}

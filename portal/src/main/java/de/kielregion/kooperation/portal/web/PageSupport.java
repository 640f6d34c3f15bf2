package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.ServiceProblem;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/** What the page resources share: the request's {@link Ui} on every template, redirects, refusals. */
abstract class PageSupport {

    @Inject
    Ui ui;

    @Inject
    @io.quarkus.qute.Location("form.html")
    Template formTemplate;

    TemplateInstance page(Template template) {
        return template.data("ui", ui);
    }

    /** After a successful POST: 303 to the page that shows the result (post/redirect/get). */
    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /**
     * A form the service refused: the form again, with the typed values and the service's
     * violations next to the fields, answered with the service's status (4xx) so that the
     * browser shows it and a script can tell.
     */
    Response refused(TemplateInstance form, ServiceProblem problem, Map<String, Object> values) {
        int status = problem.status() >= 500 ? 502 : problem.status();
        return Response.status(status)
                .entity(form.data("problem", problem).data("values", values))
                .build();
    }

    /**
     * Every form post: runs the action, which calls a service and names the page that shows the
     * result (303 there: post/redirect/get). A refusal, or a service that does not answer, shows
     * {@code form} again (built for that problem) with the typed values and the service's status.
     */
    Response submit(
            jakarta.ws.rs.core.MultivaluedMap<String, String> values,
            java.util.function.Supplier<String> action,
            java.util.function.Function<ServiceProblem, TemplateInstance> form) {
        try {
            return seeOther(action.get());
        } catch (ServiceProblem | jakarta.ws.rs.ProcessingException e) {
            ServiceProblem problem = problemOf(e);
            return refused(form.apply(problem), problem, Forms.values(values));
        }
    }

    /** A form page of its own, with {@code values} in its fields (an edited thing's, or none). */
    TemplateInstance form(FormPage spec, Map<String, ?> values) {
        return page(formTemplate).data("f", spec).data("values", values).data("problem", null);
    }

    /**
     * Posts a form page: {@code action} calls the service and names the page that shows the result;
     * a refusal shows the same form with the typed values, the refusals at their fields and the
     * violations of fields the form does not show above it.
     */
    Response post(
            jakarta.ws.rs.core.MultivaluedMap<String, String> values,
            FormPage spec,
            java.util.function.Supplier<String> action) {
        return submit(
                values,
                action,
                problem -> form(spec, Map.of()).data("otherViolations", problem.otherViolations(spec.names())));
    }

    /**
     * A button's post (a move along a lifecycle, no form of its own): runs {@code action}, which
     * calls a service and names the page that shows the result (303 there); a refusal (another
     * role, or changed meanwhile) is the error page that says why.
     */
    Response act(java.util.function.Supplier<String> action) {
        try {
            return seeOther(action.get());
        } catch (ServiceProblem | jakarta.ws.rs.ProcessingException e) {
            throw problemOf(e);
        }
    }

    /** Only the roles that may do a thing get its form (the service refuses the others as well). */
    static void allowed(boolean may) {
        if (!may) {
            throw new ServiceProblem(403, "Forbidden", null, Map.of());
        }
    }

    /** The words of an enum's codes as the pages show them (for selects and checkboxes). */
    java.util.List<FormPage.Option> options(String type, java.util.List<String> codes) {
        return codes.stream().map(c -> new FormPage.Option(c, ui.e(type, c))).toList();
    }

    /** A refusal, or a service that did not answer (503), as one problem for the form. */
    static ServiceProblem problemOf(RuntimeException e) {
        return e instanceof ServiceProblem p
                ? p
                : new ServiceProblem(503, "Service Unavailable", null, java.util.Map.of());
    }

    /**
     * A file from a form (multipart) passed on to a service, which checks it by its content; then
     * to {@code then}, or the page again with the service's reason ({@code again}).
     */
    Response upload(
            org.jboss.resteasy.reactive.multipart.FileUpload file,
            java.util.function.BiConsumer<String, byte[]> attach,
            String then,
            java.util.function.Function<ServiceProblem, TemplateInstance> again) {
        try {
            if (file == null || file.fileName() == null || file.fileName().isBlank()) {
                throw new ServiceProblem(
                        400, "Bad Request", null, java.util.Map.of("file", ui.t("attachments.file.missing")));
            }
            attach.accept(file.fileName(), java.nio.file.Files.readAllBytes(file.uploadedFile()));
            return seeOther(then);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (ServiceProblem | jakarta.ws.rs.ProcessingException e) {
            ServiceProblem problem = problemOf(e);
            return refused(again.apply(problem), problem, java.util.Map.of());
        }
    }

    /** A file the portal passes on from a service (a spreadsheet, a PDF) as a download. */
    static Response file(byte[] body, String mediaType, String filename) {
        return Response.ok(body, mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Page numbers as query parameters must be small non-negative integers; anything else is page 0. */
    static int pageNumber(String value) {
        if (value == null || !value.matches("[0-9]{1,6}")) {
            return 0;
        }
        return Integer.parseInt(value);
    }

    /** Is {@code value} one of the {@code allowed} (null never is)? */
    static boolean oneOf(java.util.List<String> allowed, String value) {
        return value != null && allowed.contains(value);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

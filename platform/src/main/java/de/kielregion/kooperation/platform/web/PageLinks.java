package de.kielregion.kooperation.platform.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every paged list answers with an RFC 8288 {@code Link} header (first, prev, next, last), the
 * request's filters, sort and size kept: a client walks all pages by following {@code next}
 * until there is none, without computing offsets. {@code next} carries {@code after} (the last
 * item) where the list seeks, so that walking a long list costs the same for every page.
 */
public class PageLinks {

    @ServerResponseFilter
    public void link(ContainerResponseContext response, UriInfo uri) {
        if (!(response.getEntity() instanceof Page<?> page) || response.getStatus() != 200) {
            return;
        }
        String links = links(uri, page);
        if (!links.isEmpty()) {
            response.getHeaders().add("Link", links);
        }
    }

    static String links(UriInfo uri, Page<?> page) {
        List<String> links = new ArrayList<>();
        int last = Math.max(page.totalPages() - 1, 0);
        links.add(link(uri, page, 0, "first"));
        if (page.page() > 0) {
            links.add(link(uri, page, Math.min(page.page() - 1, last), "prev"));
        }
        if (page.page() < last) {
            links.add(link(uri, page, page.page() + 1, "next", page.next()));
        }
        links.add(link(uri, page, last, "last"));
        return String.join(", ", links);
    }

    private static String link(UriInfo uri, Page<?> page, int number, String rel) {
        return link(uri, page, number, rel, null);
    }

    private static String link(UriInfo uri, Page<?> page, int number, String rel, String after) {
        jakarta.ws.rs.core.UriBuilder builder =
                uri.getRequestUriBuilder().replaceQueryParam("page", number).replaceQueryParam("size", page.size());
        builder = after == null ? builder.replaceQueryParam("after") : builder.replaceQueryParam("after", after);
        java.net.URI target = builder.build();
        // Relative to the request (RFC 8288 allows it): right behind any proxy or gateway.
        return "<" + target.getRawPath() + "?" + target.getRawQuery() + ">; rel=\"" + rel + "\"";
    }
}

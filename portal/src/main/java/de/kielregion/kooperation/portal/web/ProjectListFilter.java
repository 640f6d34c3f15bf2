package de.kielregion.kooperation.portal.web;

import static de.kielregion.kooperation.portal.web.PageSupport.oneOf;

import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters of the project list as the page takes them: anything not offered in the form is
 * dropped, the text is cut to what the service takes. The list and its export read them alike.
 */
public class ProjectListFilter {

    @QueryParam("status")
    String status;

    @QueryParam("measureId")
    String measureId;

    @QueryParam("shareholder")
    String shareholder;

    @QueryParam("sort")
    String sort;

    @QueryParam("q")
    String q;

    @QueryParam("country")
    String country;

    @QueryParam("interestsOf")
    String interestsOf;

    String status() {
        return oneOf(Options.PROJECT_STATUSES, status) ? status : null;
    }

    String measure() {
        return measureId != null && measureId.matches("[0-9a-fA-F-]{36}") ? measureId : null;
    }

    String shareholder() {
        return oneOf(Options.SHAREHOLDERS, shareholder) ? shareholder : null;
    }

    String sort() {
        return oneOf(Options.PROJECT_SORTS, sort) ? sort : "quickWin";
    }

    String text() {
        return q == null || q.isBlank()
                ? null
                : q.strip().substring(0, Math.min(q.strip().length(), 200));
    }

    String country() {
        return oneOf(Options.COUNTRIES, country) ? country : null;
    }

    String interestsOf() {
        return oneOf(Options.SHAREHOLDERS, interestsOf) ? interestsOf : null;
    }

    /** The chosen values for the form ("" for none). */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("status", status());
        values.put("measureId", measure());
        values.put("shareholder", shareholder());
        values.put("sort", sort());
        values.put("q", text());
        values.put("country", country());
        values.put("interestsOf", interestsOf());
        values.replaceAll((k, v) -> v == null ? "" : v);
        return values;
    }

    /** The query string that repeats these filters (for the pager and the export link). */
    String query() {
        StringBuilder query = new StringBuilder();
        values().forEach((k, v) -> {
            if (!v.toString().isEmpty()) {
                query.append(query.isEmpty() ? "" : "&")
                        .append(k)
                        .append('=')
                        .append(java.net.URLEncoder.encode(v.toString(), java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }
}

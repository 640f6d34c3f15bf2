package de.kielregion.kooperation.platform.web;

import de.kielregion.kooperation.platform.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Paging and sorting of a list: {@code ?page=0&size=20&sort=name,-createdAt}. Use as
 * {@code @Valid @BeanParam PageQuery paging}.
 */
public class PageQuery {

    public static final int MAX_SIZE = 500;
    public static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    @Parameter(description = "Page number, from 0")
    int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(MAX_SIZE)
    @Parameter(description = "Items per page, 1 to " + MAX_SIZE)
    int size;

    @QueryParam("sort")
    @Parameter(description = "Comma-separated fields; a leading '-' sorts descending, e.g. 'name' or '-updatedAt'")
    String sort;

    public PageQuery() {}

    public PageQuery(int page, int size, String sort) {
        this.page = page;
        this.size = size;
        this.sort = sort;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    public int offset() {
        return page * size;
    }

    public String sort() {
        return sort;
    }

    /**
     * The JPQL {@code ORDER BY} clause for {@link #sort()}, allowing only {@code allowed}
     * (API field name → JPQL path); unknown fields are a 400 naming the allowed ones.
     * {@code tieBreaker} (e.g. {@code e.id}) keeps pages stable.
     */
    public String orderBy(Map<String, String> allowed, String defaultSort, String tieBreaker) {
        String spec = sort == null || sort.isBlank() ? defaultSort : sort;
        List<String> parts = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String field = raw.trim();
            if (field.isEmpty()) {
                throw ProblemException.refusal("sort.empty-field").invalid("sort");
            }
            boolean descending = field.startsWith("-");
            String name = descending ? field.substring(1) : field;
            String path = allowed.get(name);
            if (path == null) {
                throw ProblemException.refusal("sort.unknown-field")
                        .with("field", name)
                        .with(
                                "fields",
                                String.join(
                                        ", ", allowed.keySet().stream().sorted().toList()))
                        .badRequest();
            }
            parts.add(path + (descending ? " DESC" : " ASC"));
        }
        parts.add(tieBreaker);
        return " ORDER BY " + String.join(", ", parts);
    }
}

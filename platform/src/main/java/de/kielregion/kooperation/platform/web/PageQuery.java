package de.kielregion.kooperation.platform.web;

import de.kielregion.kooperation.platform.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Paging and sorting of a list: {@code ?page=0&size=20&sort=name,-createdAt}, and where the page
 * starts: {@code after} (the id of the previous page's last item, which the {@code next} link
 * carries) seeks to it instead of counting rows off, so that a deep page costs what the first
 * does. Use as {@code @Valid @BeanParam PageQuery paging}.
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

    @QueryParam("after")
    @Size(max = 100)
    @Parameter(
            description = "Where the page starts: after the item with this id, in the list's order (the 'next' link"
                    + " carries it). Seeks instead of counting rows off, so a deep page costs what the first does; 'page'"
                    + " is then only the number the page is shown as. An id no longer in the list starts at 'page'")
    String after;

    public PageQuery() {}

    public PageQuery(int page, int size, String sort) {
        this(page, size, sort, null);
    }

    public PageQuery(int page, int size, String sort, String after) {
        this.page = page;
        this.size = size;
        this.sort = sort;
        this.after = after;
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

    /** The id the page starts after, as given (null: the page starts at {@link #offset()}). */
    public String after() {
        return after == null || after.isBlank() ? null : after.trim();
    }

    /** One key of a list's order: a JPQL path, ascending or descending. */
    public record SortKey(String path, boolean descending) {
        @Override
        public String toString() {
            return path + (descending ? " DESC" : " ASC");
        }
    }

    /**
     * The JPQL {@code ORDER BY} clause for {@link #sort()}, allowing only {@code allowed}
     * (API field name → JPQL path); unknown fields are a 400 naming the allowed ones.
     * {@code tieBreaker} (e.g. {@code e.id}) keeps pages stable.
     */
    public String orderBy(Map<String, String> allowed, String defaultSort, String tieBreaker) {
        return orderBy(sortKeys(allowed, defaultSort, tieBreaker));
    }

    /** {@code ORDER BY} for {@code keys}. */
    public static String orderBy(List<SortKey> keys) {
        return " ORDER BY "
                + String.join(", ", keys.stream().map(SortKey::toString).toList());
    }

    /**
     * The keys of the order {@link #sort()} asks for ({@code defaultSort} when none), only
     * {@code allowed} fields (400 naming them otherwise), and last {@code tieBreaker}, ascending.
     */
    public List<SortKey> sortKeys(Map<String, String> allowed, String defaultSort, String tieBreaker) {
        String spec = sort == null || sort.isBlank() ? defaultSort : sort;
        List<SortKey> parts = new ArrayList<>();
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
            parts.add(new SortKey(path, descending));
        }
        parts.add(new SortKey(tieBreaker, false));
        return parts;
    }
}

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
 * starts: {@code after} (the previous page's last item, which the {@code next} link names)
 * seeks to it instead of counting rows off, so that a deep page costs what the first does. Use as {@code @Valid @BeanParam PageQuery paging}.
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
            description = "Where the page starts: after the item the 'next' link names (its id and a digest of where it"
                    + " stood; an id alone: where that item stands now). Seeks instead of counting rows off, so a deep page"
                    + " costs what the first does; 'page' is then only the number the page is shown as. If the item has"
                    + " moved or is gone, the page is counted off by 'page'")
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

    /** The item the page starts after, as given (null: the page starts at {@link #offset()}). */
    public String after() {
        return after == null || after.isBlank() ? null : after.trim();
    }

    /**
     * One key of a list's order: a JPQL path, ascending or descending, its NULLs first or last
     * (PostgreSQL's default: last ascending, first descending; named in the clause only when
     * other).
     */
    public record SortKey(String path, boolean descending, boolean nullsFirst) {

        private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile(
                "(.+?)(?:\\s+(ASC|DESC))?(?:\\s+NULLS\\s+(FIRST|LAST))?", java.util.regex.Pattern.CASE_INSENSITIVE);

        public SortKey(String path, boolean descending) {
            this(path, descending, descending);
        }

        /** "p.quickWin DESC NULLS LAST": a path with its direction and NULLs, as an ORDER BY names them. */
        static SortKey parse(String part) {
            java.util.regex.Matcher m = PART.matcher(part.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a sort key: " + part);
            }
            boolean descending = "DESC".equalsIgnoreCase(m.group(2));
            boolean nullsFirst = m.group(3) == null ? descending : "FIRST".equalsIgnoreCase(m.group(3));
            return new SortKey(m.group(1).trim(), descending, nullsFirst);
        }

        /** The same key the other way round (its NULLs too). */
        SortKey reversed() {
            return new SortKey(path, !descending, !nullsFirst);
        }

        @Override
        public String toString() {
            return path
                    + (descending ? " DESC" : " ASC")
                    + (nullsFirst == descending ? "" : nullsFirst ? " NULLS FIRST" : " NULLS LAST");
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
            // A field may stand for several keys, e.g. "p.quickWin DESC NULLS LAST, p.title";
            // '-' turns each of them round.
            for (String part : path.split(",")) {
                SortKey key = SortKey.parse(part);
                parts.add(descending ? key.reversed() : key);
            }
        }
        parts.add(new SortKey(tieBreaker, false));
        return parts;
    }
}

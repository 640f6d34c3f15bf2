package de.kielregion.kooperation.platform.web;

import de.kielregion.kooperation.platform.cache.SnapshotCache;
import de.kielregion.kooperation.platform.problem.ProblemException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.jpa.HibernateHints;

/**
 * A filtered, sorted, paged JPQL list: conditions are added only for the filters a client
 * gave, every value is a bound parameter.
 *
 * <pre>{@code
 * ListQuery.of(Partner.class, "p").where("p.type = :type", "type", type).page(em, paging, SORTABLE, "name");
 * }</pre>
 */
public final class ListQuery<T> {

    private final Class<T> type;
    private final String alias;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private boolean countInPage;

    private ListQuery(Class<T> type, String alias) {
        this.type = type;
        this.alias = alias;
    }

    public static <T> ListQuery<T> of(Class<T> type, String alias) {
        return new ListQuery<>(type, alias);
    }

    /** Adds {@code condition} (naming {@code :parameter}) unless {@code value} is null. */
    public ListQuery<T> where(String condition, String parameter, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Adds {@code condition} naming several parameters. */
    public ListQuery<T> where(String condition, Map<String, Object> values) {
        conditions.add(condition);
        parameters.putAll(values);
        return this;
    }

    /**
     * Counts the total in the page's own query ({@code count(...) OVER ()} beside the page's rows)
     * instead of a second query: for a selective filter such as a text search, whose matches an
     * index finds and the database then sorts anyway, a second walk over them cost as much as the
     * page itself. A page that seeks, and one past the end, still count on their own. Only for a
     * selective filter: for one that matches most rows, the page could otherwise walk the order's
     * index and stop after its rows, while the count over the page would sort every match.
     */
    public ListQuery<T> countInPage() {
        countInPage = true;
        return this;
    }

    /** Adds a condition without parameters. */
    public ListQuery<T> where(String condition) {
        conditions.add(condition);
        return this;
    }

    /** From this offset on a page reads its ids first (see {@link #page}). */
    static final int DEEP = 1_000;

    /**
     * One page, its entities read-only (nothing to compare at commit). With {@link
     * PageQuery#after()} the page seeks: it starts after that item in the list's order (a range
     * an index on the first sort key can start at), however deep. Otherwise, near the start one
     * query; from offset {@value #DEEP} on the page's ids first (an index-only scan where an index
     * matches the order: a deep page skips index entries instead of reading whole rows), then
     * those rows, in the page's order. Both ways give the same items (the order always ends with
     * the id). The total is counted once per state of the database ({@link SnapshotCache}):
     * paging through an unchanged list counts once; with {@link #countInPage} it is counted with
     * each page instead (a selective filter: cheaper than a second walk over its matches). A full page names its last item for the
     * {@code next} link: its id and a digest of its sort-key values, so that the next page seeks
     * only from where that item was (moved or gone, the next page counts off by its number).
     */
    public Page<T> page(EntityManager em, PageQuery paging, Map<String, String> sortable, String defaultSort) {
        Selected selected = select(em, paging, sortable, defaultSort, false);
        List<T> items = new ArrayList<>(selected.rows().size());
        if (selected.idsOnly()) {
            Map<Object, T> byId = entities(em, selected.ids());
            selected.ids().stream().map(byId::get).forEach(items::add);
        } else {
            selected.rows().forEach(row -> items.add(type.cast(row[0])));
        }
        return Page.of(items, paging, total(em, selected), selected.next(paging));
    }

    /**
     * One page as {@link #page(EntityManager, PageQuery, Map, String)} selects it, its items made
     * by {@code views} from the page's ids (a projection: one query for all the page's rows and
     * what they show, no entity hydrated). An id {@code views} does not find (deleted since) is
     * left out.
     */
    public <V> Page<V> page(
            EntityManager em,
            PageQuery paging,
            Map<String, String> sortable,
            String defaultSort,
            Function<List<Object>, Map<Object, V>> views) {
        Selected selected = select(em, paging, sortable, defaultSort, true);
        List<Object> ids = selected.ids();
        Map<Object, V> byId = ids.isEmpty() ? Map.of() : views.apply(ids);
        List<V> items = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        return Page.of(items, paging, total(em, selected), selected.next(paging));
    }

    /**
     * A page's rows: the entity (or its id) and its sort-key values; the list's FROM and WHERE
     * (for its count) and its sort keys.
     */
    private record Selected(
            List<Object[]> rows, boolean idsOnly, String from, List<PageQuery.SortKey> keys, Long total) {

        List<Object> ids() {
            return rows.stream().map(row -> row[0]).toList();
        }

        /** The page's last item for the next link (id and digest of its values); null unless the page is full. */
        String next(PageQuery paging) {
            if (rows.isEmpty() || rows.size() != paging.size()) {
                return null;
            }
            Object[] last = Arrays.copyOfRange(rows.get(rows.size() - 1), 1, keys.size() + 1);
            return last[last.length - 1] + "." + digest(last);
        }
    }

    /**
     * The page's rows: with {@code idsOnly} (a projection) the ids, else the entities near the
     * start and when seeking, their ids from offset {@value #DEEP} on (also where a stale
     * {@code after} falls back to counting off).
     */
    private Selected select(
            EntityManager em, PageQuery paging, Map<String, String> sortable, String defaultSort, boolean idsOnly) {
        String from = " FROM " + type.getSimpleName() + " " + alias
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        List<PageQuery.SortKey> keys = paging.sortKeys(sortable, defaultSort, alias + ".id");
        String orderBy = PageQuery.orderBy(keys);
        Object[] position = paging.after() == null ? null : position(em, keys, paging.after());
        boolean ids = idsOnly || (position == null && paging.offset() >= DEEP);
        String select = "SELECT " + (ids ? alias + ".id" : alias) + ", "
                + String.join(", ", keys.stream().map(PageQuery.SortKey::path).toList());
        List<Object[]> rows;
        if (position != null) {
            // The order's first key splits the list in two runs, its values and its NULLs: the
            // rest of the position's run, then, if the page is not full, the next run from its
            // start. Each is a range an index on the key can start at, which one condition with
            // "OR key IS NULL" would not be.
            Map<String, Object> seekParameters = new LinkedHashMap<>();
            rows = new ArrayList<>(
                    rows(em, select + from + and(seek(keys, position, 0, seekParameters)), seekParameters, orderBy)
                            .setMaxResults(paging.size())
                            .getResultList());
            String nextRun = nextRun(keys.get(0), position[0]);
            if (rows.size() < paging.size() && nextRun != null) {
                rows.addAll(rows(em, select + from + and(nextRun), Map.of(), orderBy)
                        .setMaxResults(paging.size() - rows.size())
                        .getResultList());
            }
        } else if (countInPage) {
            // The total as the rows' last column; a page past the end has no row to carry it.
            rows = rows(em, select + ", count(" + alias + ") OVER ()" + from, Map.of(), orderBy)
                    .setFirstResult(paging.offset())
                    .setMaxResults(paging.size())
                    .getResultList();
            Long total = !rows.isEmpty()
                    ? Long.valueOf(((Number) rows.get(0)[keys.size() + 1]).longValue())
                    : paging.offset() == 0 ? Long.valueOf(0) : null;
            return new Selected(rows, ids, from, keys, total);
        } else {
            rows = rows(em, select + from, Map.of(), orderBy)
                    .setFirstResult(paging.offset())
                    .setMaxResults(paging.size())
                    .getResultList();
        }
        return new Selected(rows, ids, from, keys, null);
    }

    /** The entities of {@code ids}, read-only, by id. */
    private Map<Object, T> entities(EntityManager em, List<Object> ids) {
        Map<Object, T> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        PersistenceUnitUtil util = em.getEntityManagerFactory().getPersistenceUnitUtil();
        for (T row : em.createQuery(
                        "SELECT " + alias + " FROM " + type.getSimpleName() + " " + alias + " WHERE " + alias
                                + ".id IN :ids",
                        type)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .setParameter("ids", ids)
                .getResultList()) {
            byId.put(util.getIdentifier(row), row);
        }
        return byId;
    }

    private String and(String condition) {
        return (conditions.isEmpty() ? " WHERE " : " AND ") + condition;
    }

    private TypedQuery<Object[]> rows(
            EntityManager em, String select, Map<String, Object> seekParameters, String orderBy) {
        TypedQuery<Object[]> list =
                em.createQuery(select + orderBy, Object[].class).setHint(HibernateHints.HINT_READ_ONLY, true);
        parameters.forEach(list::setParameter);
        seekParameters.forEach(list::setParameter);
        return list;
    }

    /**
     * The sort keys' values of the item {@code after} names ({@code <id>} or {@code
     * <id>.<digest>}; 400 if it cannot be one of this list's), or null when the page is to be
     * counted off instead: no such item any more, or its values are no longer those of the
     * digest (it moved, or the order is another).
     */
    private Object[] position(EntityManager em, List<PageQuery.SortKey> keys, String after) {
        int dot = after.lastIndexOf('.');
        String digest = dot < 0 ? null : after.substring(dot + 1);
        if (digest != null && !digest.matches("[0-9a-f]{16}")) {
            throw afterInvalid(after);
        }
        Object id = parseId(em, dot < 0 ? after : after.substring(0, dot));
        List<Object[]> rows = em.createQuery(
                        "SELECT "
                                + String.join(
                                        ", ",
                                        keys.stream()
                                                .map(PageQuery.SortKey::path)
                                                .toList()) + " FROM " + type.getSimpleName() + " " + alias + " WHERE "
                                + alias + ".id = :id",
                        Object[].class)
                .setParameter("id", id)
                .getResultList();
        if (rows.isEmpty() || (digest != null && !digest.equals(digest(rows.get(0))))) {
            return null;
        }
        return rows.get(0);
    }

    /** 64 bits of SHA-256 over the values' text: the same values, the same digest, on any instance. */
    private static String digest(Object[] values) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(java.util.Arrays.deepToString(values).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private Object parseId(EntityManager em, String after) {
        Class<?> idType = em.getMetamodel().entity(type).getIdType().getJavaType();
        try {
            if (idType == java.util.UUID.class) {
                return java.util.UUID.fromString(after);
            } else if (idType == Long.class || idType == long.class) {
                return Long.valueOf(after);
            } else if (idType == String.class) {
                return after;
            }
        } catch (IllegalArgumentException e) {
            // below: not an id
        }
        throw afterInvalid(after);
    }

    private static ProblemException afterInvalid(String after) {
        return ProblemException.refusal("page.after-invalid")
                .with("after", after)
                .invalid("after");
    }

    /** The run of the first key after the position's: its NULLs after its values, or its values after its NULLs. */
    private static String nextRun(PageQuery.SortKey first, Object value) {
        if (value != null && !first.nullsFirst()) {
            return first.path() + " IS NULL";
        }
        if (value == null && first.nullsFirst()) {
            return first.path() + " IS NOT NULL";
        }
        return null;
    }

    /**
     * The condition "comes after {@code values}" in the order of {@code keys} from key {@code i}
     * on: at or after key i's value, and either after it or, on a tie, after the rest. A key's
     * NULLs come first or last as the key says (PostgreSQL's default: last ascending, first
     * descending), and so they do in this condition. The first key only within the position's
     * run (see {@link #nextRun}): its "at or after" is then a range an index on it can start at.
     */
    private static String seek(List<PageQuery.SortKey> keys, Object[] values, int i, Map<String, Object> parameters) {
        PageQuery.SortKey key = keys.get(i);
        Object value = values[i];
        String k = key.path();
        String p = ":seek" + i;
        if (value != null) {
            parameters.put("seek" + i, value);
        }
        String beyond = k + (key.descending() ? " < " : " > ") + p;
        String atOrBeyond = k + (key.descending() ? " <= " : " >= ") + p;
        String after;
        String atOrAfter;
        if (i == 0) {
            after = value == null ? null : beyond;
            atOrAfter = value == null ? k + " IS NULL" : atOrBeyond;
        } else if (value == null) {
            // After a NULL: the values if the NULLs come first, nothing if last.
            after = key.nullsFirst() ? k + " IS NOT NULL" : null;
            atOrAfter = key.nullsFirst() ? null : k + " IS NULL";
        } else if (key.nullsFirst()) {
            after = beyond;
            atOrAfter = atOrBeyond;
        } else {
            after = "(" + beyond + " OR " + k + " IS NULL)";
            atOrAfter = "(" + atOrBeyond + " OR " + k + " IS NULL)";
        }
        if (i == keys.size() - 1) {
            return after == null ? "1 = 0" : after;
        }
        String rest = seek(keys, values, i + 1, parameters);
        String either = after == null ? rest : "(" + after + " OR " + rest + ")";
        return atOrAfter == null ? either : "(" + atOrAfter + " AND " + either + ")";
    }

    /** The list's total: counted with the page's rows when it was ({@link #countInPage}), else on its own. */
    private long total(EntityManager em, Selected selected) {
        return selected.total() != null ? selected.total() : count(em, selected.from());
    }

    private long count(EntityManager em, String from) {
        Supplier<Long> count = () -> {
            TypedQuery<Long> query = em.createQuery("SELECT count(" + alias + ")" + from, Long.class);
            parameters.forEach(query::setParameter);
            return query.getSingleResult();
        };
        SnapshotCache cache = counts();
        return cache == null ? count.get() : cache.get("count" + from + parameters, count);
    }

    private static SnapshotCache counts() {
        try {
            return CDI.current().select(SnapshotCache.class).get();
        } catch (IllegalStateException e) {
            return null; // outside a running application
        }
    }

    /** Every match, sorted, for exports. */
    public List<T> all(EntityManager em, PageQuery sorting, Map<String, String> sortable, String defaultSort) {
        String from = " FROM " + type.getSimpleName() + " " + alias
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        TypedQuery<T> list =
                em.createQuery("SELECT " + alias + from + sorting.orderBy(sortable, defaultSort, alias + ".id"), type);
        parameters.forEach(list::setParameter);
        return list.getResultList();
    }

    /** The ids of every match, sorted, for exports whose rows a projection reads. */
    public List<Object> ids(EntityManager em, PageQuery sorting, Map<String, String> sortable, String defaultSort) {
        String from = " FROM " + type.getSimpleName() + " " + alias
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        TypedQuery<Object> list = em.createQuery(
                "SELECT " + alias + ".id" + from + sorting.orderBy(sortable, defaultSort, alias + ".id"), Object.class);
        parameters.forEach(list::setParameter);
        return list.getResultList();
    }

    /** {@code text} for a LIKE pattern: % and _ are matched literally (escape character '\'). */
    public static String likeContains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}

package de.kielregion.kooperation.platform.web;

import de.kielregion.kooperation.platform.cache.SnapshotCache;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Adds a condition without parameters. */
    public ListQuery<T> where(String condition) {
        conditions.add(condition);
        return this;
    }

    /** From this offset on a page reads its ids first (see {@link #page}). */
    static final int DEEP = 1_000;

    /**
     * One page, its entities read-only (nothing to compare at commit). Near the start one query;
     * from offset {@value #DEEP} on the page's ids first (an index-only scan where an index
     * matches the order: a deep page skips index entries instead of reading whole rows), then
     * those rows, in the page's order. The total is counted once per state of the database
     * ({@link SnapshotCache}): paging through an unchanged list counts once.
     */
    public Page<T> page(EntityManager em, PageQuery paging, Map<String, String> sortable, String defaultSort) {
        String from = " FROM " + type.getSimpleName() + " " + alias
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        String orderBy = paging.orderBy(sortable, defaultSort, alias + ".id");
        List<T> items;
        if (paging.offset() < DEEP) {
            TypedQuery<T> list = em.createQuery("SELECT " + alias + from + orderBy, type)
                    .setHint(HibernateHints.HINT_READ_ONLY, true);
            parameters.forEach(list::setParameter);
            items = list.setFirstResult(paging.offset())
                    .setMaxResults(paging.size())
                    .getResultList();
        } else {
            TypedQuery<Object> idQuery = em.createQuery("SELECT " + alias + ".id" + from + orderBy, Object.class);
            parameters.forEach(idQuery::setParameter);
            List<Object> ids = idQuery.setFirstResult(paging.offset())
                    .setMaxResults(paging.size())
                    .getResultList();
            items = new ArrayList<>(ids.size());
            if (!ids.isEmpty()) {
                Map<Object, T> byId = new HashMap<>();
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
                for (Object id : ids) {
                    items.add(byId.get(id));
                }
            }
        }
        return Page.of(items, paging, count(em, from));
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

    /** {@code text} for a LIKE pattern: % and _ are matched literally (escape character '\'). */
    public static String likeContains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}

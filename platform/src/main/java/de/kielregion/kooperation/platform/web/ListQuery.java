package de.kielregion.kooperation.platform.web;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public Page<T> page(EntityManager em, PageQuery paging, Map<String, String> sortable, String defaultSort) {
        String from = " FROM " + type.getSimpleName() + " " + alias
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        TypedQuery<Long> count = em.createQuery("SELECT count(" + alias + ")" + from, Long.class);
        TypedQuery<T> list =
                em.createQuery("SELECT " + alias + from + paging.orderBy(sortable, defaultSort, alias + ".id"), type);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            list.setParameter(name, value);
        });
        List<T> items = list.setFirstResult(paging.offset())
                .setMaxResults(paging.size())
                .getResultList();
        return Page.of(items, paging, count.getSingleResult());
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

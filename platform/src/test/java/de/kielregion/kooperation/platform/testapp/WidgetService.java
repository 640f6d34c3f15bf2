package de.kielregion.kooperation.platform.testapp;

import de.kielregion.kooperation.platform.outbox.Outbox;
import de.kielregion.kooperation.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class WidgetService {

    public static final String CREATED = "test.widget.created.v1";

    private final EntityManager em;
    private final Outbox outbox;

    WidgetService(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    public record Created(Widget widget, UUID eventId) {}

    @Transactional
    public Created create(String name, int count) {
        Widget widget = new Widget();
        widget.id = UUID.randomUUID();
        widget.name = name;
        widget.count = count;
        em.persist(widget);
        UUID eventId = outbox.record("Widget", widget.id.toString(), CREATED, Map.of("name", name, "count", count));
        return new Created(widget, eventId);
    }

    /** Records the event, then fails: neither the widget nor the event may survive. */
    @Transactional
    public void createThenFail(String name) {
        create(name, 0);
        em.flush();
        throw new IllegalStateException("failing on purpose after recording " + name);
    }

    @Transactional
    public de.kielregion.kooperation.platform.web.Page<Widget> list(
            String name, de.kielregion.kooperation.platform.web.PageQuery paging) {
        long total = em.createQuery("SELECT count(w) FROM Widget w WHERE w.name = :name", Long.class)
                .setParameter("name", name)
                .getSingleResult();
        java.util.List<Widget> items = em.createQuery(
                        "SELECT w FROM Widget w WHERE w.name = :name ORDER BY w.id", Widget.class)
                .setParameter("name", name)
                .setFirstResult(paging.page() * paging.size())
                .setMaxResults(paging.size())
                .getResultList();
        return de.kielregion.kooperation.platform.web.Page.of(items, paging, total);
    }

    @Transactional
    public Widget find(UUID id) {
        Widget widget = em.find(Widget.class, id);
        if (widget == null) {
            throw ProblemException.notFound("Widget", id);
        }
        return widget;
    }

    @Transactional
    public Widget update(UUID id, long version, String name, int count) {
        Widget widget = find(id);
        if (widget.version != version) {
            throw new jakarta.persistence.OptimisticLockException("stale version " + version);
        }
        widget.name = name;
        widget.count = count;
        return widget;
    }
}

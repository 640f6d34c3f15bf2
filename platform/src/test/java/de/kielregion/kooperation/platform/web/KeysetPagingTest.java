package de.kielregion.kooperation.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.kielregion.kooperation.platform.problem.ProblemException;
import de.kielregion.kooperation.platform.testapp.Widget;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A page that seeks ({@code after}, the id of the previous page's last item) holds exactly the
 * items of the page counted off by offset, over a list with ties in every sort key and NULLs in
 * one, for ascending, descending and mixed orders, from the first page to the last.
 */
@QuarkusTest
class KeysetPagingTest {

    /** Fields as the services name them, one standing for two keys with their NULLs named (as projects' quickWin). */
    private static final Map<String, String> SORTABLE = Map.of(
            "name", "w.name",
            "count", "w.count",
            "label", "w.label",
            "best", "w.label DESC NULLS LAST, w.name",
            "nullsFirst", "w.label ASC NULLS FIRST, w.count");

    @Inject
    EntityManager em;

    @Test
    void aSeekingWalkGivesThePagesTheOffsetWalkGivesOverTiesAndNulls() {
        String prefix = "KS-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 61; i++) {
                Widget w = new Widget();
                w.id = UUID.randomUUID();
                w.name = prefix + (i % 4); // 4 names: ties
                w.count = i % 5; // 5 counts: ties, crossing the names'
                w.label = i % 3 == 0 ? null : "L" + (i % 2); // NULL for a third
                em.persist(w);
            }
        });
        for (String sort : List.of(
                "name",
                "-name",
                "label",
                "-label",
                "count,-label",
                "-label,count",
                "-count,label,-name",
                "label,name",
                "best",
                "-best",
                "nullsFirst,-name",
                "count,-nullsFirst")) {
            for (int size : new int[] {1, 7, 20, 61, 100}) {
                List<List<UUID>> byOffset = new ArrayList<>();
                List<List<UUID>> bySeek = new ArrayList<>();
                String after = null;
                int pages = (61 + size - 1) / size;
                for (int page = 0; page < pages; page++) {
                    byOffset.add(ids(page(prefix, new PageQuery(page, size, sort))));
                    Page<Widget> seeking = page(prefix, new PageQuery(page, size, sort, after));
                    bySeek.add(ids(seeking));
                    after = seeking.next();
                    if (page < pages - 1) {
                        assertNotNull(after, "a full page names its last item for the next one");
                    }
                }
                assertEquals(byOffset, bySeek, "sort " + sort + ", size " + size);
                assertEquals(
                        61,
                        byOffset.stream().flatMap(List::stream).distinct().count(),
                        "every item once (sort " + sort + ", size " + size + ")");
            }
        }
        // The next link's item moved meanwhile (its count now the highest): the next page is counted
        // off by its number, as without after, instead of starting from where the item is now.
        Page<Widget> first = page(prefix, new PageQuery(0, 7, "count"));
        UUID moved = first.items().get(6).id;
        QuarkusTransaction.requiringNew().run(() -> em.find(Widget.class, moved).count = 99);
        assertEquals(
                ids(page(prefix, new PageQuery(1, 7, "count"))),
                ids(page(prefix, new PageQuery(1, 7, "count", first.next()))),
                "a moved item: the offset page");
        QuarkusTransaction.requiringNew().run(() -> em.find(Widget.class, moved).count = 1);
        // A bare id seeks from where that item is now (a client may name any item).
        List<UUID> byCount = ids(page(prefix, new PageQuery(0, 61, "count")));
        assertEquals(
                byCount.subList(11, 18),
                ids(page(prefix, new PageQuery(5, 7, "count", byCount.get(10).toString()))));
        // After the last item there is nothing; an id no longer there starts at the page's offset.
        List<UUID> all = ids(page(prefix, new PageQuery(0, 100, "label,name")));
        assertTrue(page(prefix, new PageQuery(1, 100, "label,name", all.get(60).toString()))
                .items()
                .isEmpty());
        assertNull(page(prefix, new PageQuery(0, 100, "label,name")).next(), "a page that is not full: no next");
        assertEquals(
                all.subList(20, 40),
                ids(page(
                        prefix,
                        new PageQuery(1, 20, "label,name", UUID.randomUUID().toString()))));
    }

    @Test
    void aTotalCountedWithThePageIsTheTotalCountedOnItsOwn() {
        String prefix = "KC-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 23; i++) {
                Widget w = new Widget();
                w.id = UUID.randomUUID();
                w.name = prefix + (i % 4);
                w.count = i % 5;
                em.persist(w);
            }
        });
        for (int size : new int[] {5, 23, 30}) {
            for (int page = 0; page <= 23 / size + 1; page++) { // one past the last page too
                PageQuery query = new PageQuery(page, size, "count,-name");
                Page<Widget> apart = page(prefix, query);
                Page<Widget> together = QuarkusTransaction.requiringNew()
                        .call(() -> ListQuery.of(Widget.class, "w")
                                .where("w.name LIKE :p", "p", prefix + "%")
                                .countInPage()
                                .page(em, query, SORTABLE, "name"));
                String what = "size " + size + ", page " + page;
                assertEquals(23, apart.totalItems(), what);
                assertEquals(apart.totalItems(), together.totalItems(), what);
                assertEquals(apart.totalPages(), together.totalPages(), what);
                assertEquals(ids(apart), ids(together), what);
                assertEquals(apart.next(), together.next(), what);
            }
        }
        Page<Widget> none = QuarkusTransaction.requiringNew()
                .call(() -> ListQuery.of(Widget.class, "w")
                        .where("w.name LIKE :p", "p", "KC-nothing-%")
                        .countInPage()
                        .page(em, new PageQuery(0, 20, "name"), SORTABLE, "name"));
        assertEquals(0, none.totalItems(), "no match: 0 without a second query");
    }

    @Test
    void anAfterThatCannotBeAnIdIsA400NamingIt() {
        assertThrows(
                ProblemException.class,
                () -> page("KS-none-", new PageQuery(0, 20, "name", UUID.randomUUID() + ".not-a-digest")));
        ProblemException refused =
                assertThrows(ProblemException.class, () -> page("KS-none-", new PageQuery(0, 20, "name", "not-an-id")));
        assertEquals(400, refused.problem().getStatus());
        de.kielregion.kooperation.platform.problem.Problem german = refused.problem(java.util.Locale.GERMAN);
        String detail = german.getDetail() + " " + german.getExtensions();
        assertTrue(
                detail.contains("muss einen Eintrag dieser Liste so bezeichnen") && detail.contains("not-an-id"),
                detail);
    }

    private Page<Widget> page(String prefix, PageQuery query) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ListQuery.of(Widget.class, "w")
                        .where("w.name LIKE :p", "p", prefix + "%")
                        .page(em, query, SORTABLE, "name"));
    }

    private static List<UUID> ids(Page<Widget> page) {
        return page.items().stream().map(w -> w.id).toList();
    }
}

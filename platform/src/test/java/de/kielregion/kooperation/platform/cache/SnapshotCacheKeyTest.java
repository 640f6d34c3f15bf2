package de.kielregion.kooperation.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Cache keys of list pages: parameters that differ never give the same key. */
class SnapshotCacheKeyTest {

    @Test
    void noTextReadsAsOtherParametersOrAsMissing() {
        assertNotEquals(SnapshotCache.key("p", null, 0), SnapshotCache.key("p", "null", 0));
        assertNotEquals(SnapshotCache.key("p", "x;", "y"), SnapshotCache.key("p", "x", ";y"));
        assertNotEquals(SnapshotCache.key("p", "x, country=DE", null), SnapshotCache.key("p", "x", "country=DE"));
        assertNotEquals(SnapshotCache.key("p", "1:a;"), SnapshotCache.key("p", "1:a;", null));
        assertEquals(SnapshotCache.key("p", "Göteborg", 2, null), SnapshotCache.key("p", "Göteborg", 2, null));
    }
}

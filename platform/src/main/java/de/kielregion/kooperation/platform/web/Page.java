package de.kielregion.kooperation.platform.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: the items and where they are in the whole; {@code next}, not in the body,
 * names the item the next page starts after ({@code <id>.<digest of its sort-key values>}, for
 * the {@code next} link; null when the page is not full or the list does not seek).
 */
public record Page<T>(
        List<T> items,
        int page,
        int size,
        long totalItems,
        int totalPages,
        @JsonIgnore @Schema(hidden = true) String next) {

    public static <T> Page<T> of(List<T> items, PageQuery query, long totalItems) {
        return of(items, query, totalItems, null);
    }

    public static <T> Page<T> of(List<T> items, PageQuery query, long totalItems, String next) {
        int totalPages = (int) Math.ceil(totalItems / (double) query.size());
        return new Page<>(items, query.page(), query.size(), totalItems, totalPages, next);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages, next);
    }
}

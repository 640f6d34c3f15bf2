package de.kielregion.kooperation.platform.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items and where they are in the whole. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Page<T> of(List<T> items, PageQuery query, long totalItems) {
        int totalPages = (int) Math.ceil(totalItems / (double) query.size());
        return new Page<>(items, query.page(), query.size(), totalItems, totalPages);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}

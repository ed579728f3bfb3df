package io.energywatch.service.web;

import java.util.List;

/** A page of a list, as every list endpoint returns it (shared/DESIGN.md): {@code content, page, size, totalElements}. */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;

    /** Checks paging parameters, failing with a problem naming the parameter. */
    public static void validate(int page, int size) {
        if (page < 0) {
            throw ProblemException.badRequest("invalid-request", "page must be 0 or more",
                    List.of(ProblemError.field("page", page, "must be >= 0")));
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.badRequest("invalid-request", "size must be between 1 and " + MAX_SIZE,
                    List.of(ProblemError.field("size", size, "must be 1.." + MAX_SIZE)));
        }
    }
}

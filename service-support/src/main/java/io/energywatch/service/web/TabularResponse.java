package io.energywatch.service.web;

import java.util.List;

/**
 * A JSON answer that is not a list itself but holds the table a spreadsheet user wants (aggregates per series and
 * interval, accuracy per group): with {@code Accept: text/csv} the answer is {@link #tableRows()} as CSV.
 *
 * @param <R> the row type, a record whose components are the columns
 */
public interface TabularResponse<R> {

    /** The rows of the table, in the order the JSON answer gives them. */
    List<R> tableRows();
}

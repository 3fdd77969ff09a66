package io.eventflow.subscriber.adapter.out.persistence;

import java.util.List;
import java.util.function.Consumer;

import jakarta.persistence.Query;

/**
 * Multi-row statements: rows of parameters each cast to its column's type (so a row list needs no table to infer
 * them from), bound in order, in chunks that stay far below PostgreSQL's 32,767 parameters per statement.
 */
final class CastRows {

    /** The most rows one statement takes. */
    static final int MAX_ROWS = 1000;

    private CastRows() {
    }

    /** {@code (CAST(?1 AS t1), CAST(?2 AS t2), ...), (...)}: {@code rows} rows of the given column types. */
    static String values(int rows, List<String> sqlTypes) {
        StringBuilder sql = new StringBuilder();
        int parameter = 1;
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 0; column < sqlTypes.size(); column++) {
                sql.append(column == 0 ? "" : ", ").append("CAST(?").append(parameter++).append(" AS ")
                        .append(sqlTypes.get(column)).append(')');
            }
            sql.append(')');
        }
        return sql.toString();
    }

    /** Hands the items to {@code write} in chunks of at most {@link #MAX_ROWS}. */
    static <T> void inChunks(List<T> items, Consumer<List<T>> write) {
        for (int from = 0; from < items.size(); from += MAX_ROWS) {
            write.accept(items.subList(from, Math.min(items.size(), from + MAX_ROWS)));
        }
    }

    /** Binds the parameters of a statement in order. */
    static final class Binder {

        private final Query query;
        private int position;

        Binder(Query query) {
            this.query = query;
        }

        Binder add(Object value) {
            query.setParameter(++position, value);
            return this;
        }

        Query query() {
            return query;
        }
    }
}

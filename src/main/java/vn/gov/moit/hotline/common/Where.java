package vn.gov.moit.hotline.common;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The where clause of a search built from optional criteria: a criterion whose value is null is left out.
 * Values are always bound as named parameters, never written into the query text.
 */
public final class Where {

    private final List<String> clauses = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /** Adds {@code clause} (naming {@code :name}) when value is not null. */
    public Where and(String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            parameters.and(name, value);
        }
        return this;
    }

    /** Adds a clause without parameters when the condition holds. */
    public Where andIf(boolean condition, String clause) {
        if (condition) {
            clauses.add(clause);
        }
        return this;
    }

    /** The JPQL condition; empty when there is no criterion (Panache then selects everything). */
    public String query() {
        return String.join(" and ", clauses);
    }

    public Map<String, Object> parameters() {
        return parameters.map();
    }
}

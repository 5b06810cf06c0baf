package vn.gov.moit.hotline.common;

import io.quarkus.panache.common.Sort;
import java.util.Locale;
import java.util.Map;

/**
 * Paging and sorting as a client asks for them in query parameters ({@code page}, {@code size},
 * {@code sort=field,desc}), checked here so that a bad value is a 400 naming the parameter, never a 500.
 * Sortable fields are an allow-list mapping public names to entity attributes.
 */
public record PageRequest(int page, int size, Sort sort) {

    public static final int MAX_SIZE = 200;

    public static PageRequest parse(Integer page, Integer size, String sort, Map<String, String> sortable,
            String defaultSort) {
        int p = TypedParams.within("page", page, 0, 0, 1_000_000);
        int s = TypedParams.within("size", size, 20, 1, MAX_SIZE);
        String spec = sort == null || sort.isBlank() ? defaultSort : sort.trim();
        // -1 keeps empty parts, so that "," and ",,," are refused like any other unknown sort.
        String[] parts = spec.split(",", -1);
        String attribute = parts.length > 2 ? null : sortable.get(parts[0].trim());
        if (attribute == null) {
            throw new DomainException.InvalidInput("sort",
                    "sort must be one of " + String.join(", ", sortable.keySet().stream().sorted().toList())
                            + ", optionally followed by ,asc or ,desc");
        }
        Sort.Direction direction = Sort.Direction.Ascending;
        if (parts.length == 2) {
            switch (parts[1].trim().toLowerCase(Locale.ROOT)) {
                case "asc" -> direction = Sort.Direction.Ascending;
                case "desc" -> direction = Sort.Direction.Descending;
                default -> throw new DomainException.InvalidInput("sort", "sort direction must be asc or desc");
            }
        }
        // A unique tie-breaker keeps pages stable when many rows share the sort value.
        Sort order = Sort.by(attribute, direction);
        if (!attribute.equals("id")) {
            order = order.and("id", direction);
        }
        return new PageRequest(p, s, order);
    }
}

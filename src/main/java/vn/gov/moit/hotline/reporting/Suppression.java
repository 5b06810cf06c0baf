package vn.gov.moit.hotline.reporting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The privacy rule of the public report, in one pure place. A count from 1 to k-1 could point at a person (the
 * only business of a commune that called about chemicals in July), so it is hidden ("x"). Hiding it alone is
 * not enough when the cells of a table add up to a total that is published or can be worked out: one hidden
 * cell would be the total minus the others. So in every group of counts that adds up to such a total, more
 * cells are hidden until no hidden cell can be worked out by subtraction:
 * <ul>
 * <li>at least two cells are hidden, and</li>
 * <li>the hidden cells together hold at least k, and more than one each (were they all 1, each would be
 *     known), so the part of the total that is hidden is neither small nor only ones;</li>
 * <li>the extra cells are the smallest other non-zero ones (ties: the first key), which hides the least.</li>
 * </ul>
 * Zeros are shown: a zero tells nothing about a person. Every hidden cell looks the same, so the reader cannot
 * tell a small count from one hidden to protect it. When even hiding every non-zero cell of a table cannot
 * meet the rule (a table of three 1s), the table is hidden whole; its total then tells only that it is small.
 */
final class Suppression {

    private Suppression() {
    }

    /** The keys of the cells to hide in a group of counts adding up to a total that may be known. */
    static Set<String> hidden(Map<String, Long> cells, int k) {
        Set<String> hidden = new LinkedHashSet<>();
        if (k <= 1) {
            return hidden;
        }
        cells.forEach((key, n) -> {
            if (n >= 1 && n < k) {
                hidden.add(key);
            }
        });
        if (hidden.isEmpty()) {
            return hidden;
        }
        List<Map.Entry<String, Long>> others = new ArrayList<>();
        cells.entrySet().stream().filter(e -> e.getValue() >= 1 && !hidden.contains(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .forEach(others::add);
        int next = 0;
        while (!safe(cells, hidden, k) && next < others.size()) {
            hidden.add(others.get(next++).getKey());
        }
        return hidden;
    }

    /** Whether the hidden cells of the group cannot be worked out from the visible ones and the total. */
    static boolean safe(Map<String, Long> cells, Set<String> hidden, int k) {
        long sum = hidden.stream().mapToLong(cells::get).sum();
        return hidden.size() >= 2 && sum >= k && sum > hidden.size();
    }
}

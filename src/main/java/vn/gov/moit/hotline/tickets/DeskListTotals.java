package vn.gov.moit.hotline.tickets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The totals of desk lists (a status, or a status and a field). Since V6 a page of such a list reads 20 index
 * entries, but its total still counts every match: 8,500 entries for one status and field at a million tickets,
 * most of the cost of the request, for the same dozen lists that every desk asks for several times a second.
 * A total of at least {@value #REUSED_FROM} is therefore counted at most once per
 * {@code hotline.tickets.desk-list-total-ttl} per list on each instance, and may be that much behind (plus the
 * time of one count, while which the others keep the last total); smaller totals, cheap to count and easy to check
 * against the list, are always counted.
 *
 * <p>Not a quarkus-cache: its entries are kept or not by their value (only totals of at least
 * {@value #REUSED_FROM}), and an expired total is still answered while one request counts it again
 * (stale-while-revalidate); {@code @CacheResult} keeps every value and makes every caller wait for the reload.
 */
@ApplicationScoped
class DeskListTotals {

    static final long REUSED_FROM = 1_000;

    private record Counted(long total, long atNanos) {
    }

    /** By the list's criteria; at most one entry per status and field. */
    private final Map<Map<String, Object>, Counted> totals = new ConcurrentHashMap<>();
    /** First counts under way, by criteria, for the requests that arrive while one runs. */
    private final Map<Map<String, Object>, CompletableFuture<Long>> firstCounts = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTicker;

    @Inject
    DeskListTotals(TicketConfig config) {
        this(config.deskListTotalTtl(), System::nanoTime);
    }

    /** @param nanoTicker a monotonic time in nanoseconds, {@code System::nanoTime} in production */
    DeskListTotals(Duration ttl, LongSupplier nanoTicker) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTicker = nanoTicker;
    }

    /** The total of the list with these criteria: counted by {@code count}, or as counted a moment ago. */
    long total(Map<String, Object> criteria, LongSupplier count) {
        long now = nanoTicker.getAsLong();
        Counted last = totals.get(criteria);
        if (last != null && now - last.atNanos < ttlNanos) {
            return last.total;
        }
        // One request counts again; those arriving meanwhile keep the last total, or when there is none yet wait
        // for that count, instead of all counting at once.
        Counted claim = null;
        CompletableFuture<Long> first = null;
        if (last != null) {
            claim = new Counted(last.total, now);
            if (!totals.replace(criteria, last, claim)) {
                return last.total;
            }
        } else {
            first = new CompletableFuture<>();
            CompletableFuture<Long> running = firstCounts.putIfAbsent(Map.copyOf(criteria), first);
            if (running != null) {
                return running.join();
            }
        }
        long total;
        try {
            total = count.getAsLong();
        } catch (RuntimeException e) {
            if (claim != null) {
                totals.remove(criteria, claim);
            } else {
                firstCounts.remove(criteria, first);
                first.completeExceptionally(e);
            }
            throw e;
        }
        if (total >= REUSED_FROM && ttlNanos > 0) {
            Counted counted = new Counted(total, now);
            if (claim == null) {
                totals.put(Map.copyOf(criteria), counted);
            } else {
                totals.replace(criteria, claim, counted);
            }
        } else if (claim != null) {
            totals.remove(criteria, claim);
        }
        if (first != null) {
            firstCounts.remove(criteria, first);
            first.complete(total);
        }
        return total;
    }
}

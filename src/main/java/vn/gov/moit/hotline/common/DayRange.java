package vn.gov.moit.hotline.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A search's days, {@code from} and {@code to} both included and either open, as a client gives them in the
 * {@code from} and {@code to} query parameters; turned into instants in the hotline's zone.
 */
public record DayRange(LocalDate from, LocalDate to) {

    /** The two parameters' days; a range running backwards is a 400 naming the parameter. */
    public static DayRange of(LocalDate from, LocalDate to) {
        DayRange range = new DayRange(from, to);
        if (range.from != null && range.to != null && range.to.isBefore(range.from)) {
            throw DomainException.InvalidInput.because("to", "to-before-from");
        }
        return range;
    }

    /** The first instant of {@code from}, or null when open. */
    public Instant start(ZoneId zone) {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after {@code to}, or null when open. */
    public Instant end(ZoneId zone) {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}

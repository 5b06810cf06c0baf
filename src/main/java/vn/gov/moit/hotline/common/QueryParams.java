package vn.gov.moit.hotline.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parsing of query parameters taken as strings. JAX-RS turns a failed conversion of a typed parameter into a
 * 404; the hotline's clients get a 400 that names the parameter instead.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static int intParam(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new DomainException.InvalidInput(name, name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidInput(name, name + " must be a whole number");
        }
    }

    public static LocalDate dateParam(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new DomainException.InvalidInput(name, name + " must be a date like 2026-11-23");
        }
    }

    public static <E extends Enum<E>> E enumParam(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException.InvalidInput(name, name + " must be one of " + allowed(type));
        }
    }

    public static boolean boolParam(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new DomainException.InvalidInput(name, name + " must be true or false");
        };
    }

    static String allowed(Class<? extends Enum<?>> type) {
        StringBuilder b = new StringBuilder();
        for (Enum<?> c : type.getEnumConstants()) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(c.name());
        }
        return b.toString();
    }
}

package vn.gov.moit.hotline.common;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;

/**
 * Typed query and path parameters (enums, dates, whole numbers, yes/no) with the hotline's answer to a bad value:
 * a 400 that names the parameter and says what it takes. JAX-RS on its own turns a failed conversion of a query
 * parameter into a 404. Blank values are absent (null). Enums are matched without regard to case.
 */
@Provider
public class TypedParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) converter(name, "must be one of " + allowed(type),
                    text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT)));
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, "must be a date like 2026-11-23", LocalDate::parse);
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, "must be a whole number", Integer::valueOf);
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) converter(name, "must be true or false",
                    text -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes" -> Boolean.TRUE;
                case "false", "0", "no" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(text);
            });
        }
        return null;
    }

    /** A converter by {@code parse}; what it refuses is a 400: "{@code name} {@code reason}". */
    private static <T> ParamConverter<T> converter(String name, String reason, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (IllegalArgumentException | DateTimeException refused) {
                    throw new DomainException.InvalidInput(name, name + " " + reason);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return null;
    }

    /** {@code value}, or {@code defaultValue} when absent; outside {@code [min, max]} a 400 naming the parameter. */
    public static int within(String name, Integer value, int defaultValue, int min, int max) {
        if (value == null) {
            return defaultValue;
        }
        if (value < min || value > max) {
            throw new DomainException.InvalidInput(name, name + " must be between " + min + " and " + max);
        }
        return value;
    }

    static String allowed(Class<?> type) {
        StringBuilder b = new StringBuilder();
        for (Object c : type.getEnumConstants()) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(((Enum<?>) c).name());
        }
        return b.toString();
    }
}

package vn.gov.moit.hotline.common;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/**
 * The one rule for the language of an answer, for pages, the public report, Open311 and validation messages:
 * the request's {@code lang} parameter (vi or en), else the {@value #COOKIE} cookie (the pages' language
 * switch), else Vietnamese for what people read (pages, the public report and Open311: a browser's
 * {@code Accept-Language} often names the language of its installation, not its user's); for the API's
 * messages to programs, the first of the two in {@code Accept-Language}, else English.
 */
@ApplicationScoped
public class Languages {

    /** Cookie that remembers the chosen language. */
    public static final String COOKIE = "hotline-lang";

    /** Languages offered, Vietnamese first. */
    public static final List<String> OFFERED = List.of("vi", "en");

    public static final String VIETNAMESE = "vi";
    public static final String ENGLISH = "en";

    @Inject
    CurrentVertxRequest current;

    /** {@code requested} when it is a language offered, else {@code fallback}. */
    public static String offered(String requested, String fallback) {
        return requested != null && OFFERED.contains(requested) ? requested : fallback;
    }

    /** The language of a page, the public report or Open311 for the current request. */
    public String forPeople() {
        return of(false, VIETNAMESE);
    }

    /** The language of the API's messages (validation) for the current request. */
    public String forPrograms() {
        return of(true, ENGLISH);
    }

    private String of(boolean acceptLanguage, String fallback) {
        HttpServerRequest request = !Arc.container().requestContext().isActive() || current.getCurrent() == null ? null
                : current.getCurrent().request();
        if (request == null) {
            return fallback;
        }
        String asked = request.getParam("lang");
        if (asked != null && OFFERED.contains(asked.trim().toLowerCase(Locale.ROOT))) {
            return asked.trim().toLowerCase(Locale.ROOT);
        }
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie != null && OFFERED.contains(cookie.getValue())) {
            return cookie.getValue();
        }
        String accept = acceptLanguage ? request.getHeader("Accept-Language") : null;
        if (accept != null && !accept.isBlank()) {
            try {
                String match = Locale.lookupTag(Locale.LanguageRange.parse(accept), OFFERED);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException malformed) {
                // An unreadable header expresses no language.
            }
        }
        return fallback;
    }

    /**
     * {@link #forPeople()} where the {@code lang} parameter is part of the address (the public report, Open311):
     * absent, vi or en; anything else is refused (400 naming the parameter) rather than answered in another
     * language.
     */
    public String forPeople(String lang) {
        if (lang != null && !lang.isBlank() && !OFFERED.contains(lang.trim().toLowerCase(Locale.ROOT))) {
            throw new DomainException.InvalidInput("lang", "lang must be vi or en");
        }
        return forPeople();
    }
}

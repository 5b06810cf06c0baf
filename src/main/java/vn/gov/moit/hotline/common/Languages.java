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
 * switch), else the first of the two in {@code Accept-Language}, else the answer's own default: Vietnamese for
 * pages and the public report, English for the API's messages to programs.
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

    /** The language of the current request, {@code fallback} when it expresses none. */
    public String of(String fallback) {
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
        String accept = request.getHeader("Accept-Language");
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
     * The {@code lang} parameter as an API takes it: absent, or vi or en; anything else is refused (400 naming
     * the parameter) rather than silently answered in another language.
     */
    public String ofParameter(String lang, String fallback) {
        if (lang != null && !lang.isBlank() && !OFFERED.contains(lang.trim().toLowerCase(Locale.ROOT))) {
            throw new DomainException.InvalidInput("lang", "lang must be vi or en");
        }
        return of(fallback);
    }
}

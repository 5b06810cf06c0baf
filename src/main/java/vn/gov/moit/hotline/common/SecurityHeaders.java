package vn.gov.moit.hotline.common;

import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The headers every answer gets, whoever produced it (a resource, a page, the login form, a static file):
 * no sniffing, a strict content security policy and no framing on pages, {@code no-store} on everything
 * that is not public, static files revalidated (never "immutable", so an upgrade reaches browsers at once),
 * the session cookie {@code Secure} where configured, and redirects relative to this site, never built from
 * the request's {@code Host} header.
 */
@ApplicationScoped
class SecurityHeaders {

    /** Pages load scripts and styles from this site only; the report page keeps its styles inline. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Answers without personal data, which caches may keep: the public report, reference lists, static files. */
    private static final Pattern PUBLIC = Pattern.compile("^(/api/public/.*|/reports(/.*)?|/assets/.*|/favicon\\.ico|"
            + "/api/directory/(departments|fields|provinces)|/q/openapi.*|/q/swagger-ui.*|/q/health.*)$");

    private static final String SESSION_COOKIE = "quarkus-credential";

    @ConfigProperty(name = "hotline.security.secure-cookie", defaultValue = "false")
    boolean secureCookie;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::onEveryAnswer);
    }

    private void onEveryAnswer(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        context.addHeadersEndHandler(v -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            String type = headers.get("Content-Type");
            if (type != null && type.startsWith("text/html")) {
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "same-origin");
            }
            if (path.startsWith("/assets/")) {
                headers.set("Cache-Control", "no-cache");
            } else if (!PUBLIC.matcher(path).matches()) {
                headers.set("Cache-Control", "no-store");
            }
            relativeLocation(headers);
            if (secureCookie) {
                secureSessionCookie(context.response());
            }
        });
        context.next();
    }

    /**
     * Every redirect stays on this site as a path: Quarkus's login form builds absolute addresses from the
     * request's Host header, which a client chooses.
     */
    private static void relativeLocation(MultiMap headers) {
        String location = headers.get("Location");
        if (location == null) {
            return;
        }
        int scheme = location.indexOf("://");
        if (scheme < 0) {
            return;
        }
        int pathStart = location.indexOf('/', scheme + 3);
        String path = pathStart < 0 ? "/" : location.substring(pathStart);
        headers.set("Location", path.startsWith("//") ? "/" : path);
    }

    /** Quarkus marks its cookie Secure only on a TLS connection of its own, not behind a proxy that ends TLS. */
    private static void secureSessionCookie(HttpServerResponse response) {
        Cookie cookie = response.removeCookie(SESSION_COOKIE, false);
        if (cookie != null) {
            response.addCookie(cookie.setSecure(true));
        }
    }
}

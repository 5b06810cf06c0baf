package vn.gov.moit.hotline.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The request limits, answered as problem+json like every other error: an address with a NUL character, too
 * long an address, too large headers, a body declared larger than accepted. The HTTP layer (Vert.x) would answer a
 * too long address (414), too large headers (431) or a declared body over the limit (413) with an empty body
 * before any of the application's code runs; so its own ceilings are set higher (application.properties) and
 * the limits that clients meet are checked here, first of all handlers.
 */
@ApplicationScoped
class HttpLimits {

    @ConfigProperty(name = "hotline.http.max-address-length", defaultValue = "4096")
    int maxAddressLength;

    @ConfigProperty(name = "hotline.http.max-header-bytes", defaultValue = "20480")
    int maxHeaderBytes;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        // Before Quarkus's own body-size check, which answers 413 without a body.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > maxAddressLength) {
            refuse(context, Problem.of("uri-too-long", "URI Too Long", 414,
                    "The address is longer than " + maxAddressLength + " characters"));
        } else if (request.uri().toLowerCase(java.util.Locale.ROOT).contains("%00") || request.uri().indexOf(0) >= 0) {
            // A NUL in a path or query value: no record is named so, and PostgreSQL refuses it in a query.
            refuse(context, Problem.invalid("The address contains a NUL character (%00)",
                    java.util.List.of(new Problem.Violation("address", "contains a NUL character (%00)"))));
        } else if (headerBytes(request) > maxHeaderBytes) {
            refuse(context, Problem.of("headers-too-large", "Request Header Fields Too Large", 431,
                    "The request's headers are larger than " + maxHeaderBytes + " bytes"));
        } else if (maxBodySize.isPresent() && declaredLength(request) > maxBodySize.get().asLongValue()) {
            refuse(context, Problem.of("payload-too-large", "Payload Too Large", 413,
                    "The request body is larger than " + maxBodySize.get().asLongValue() + " bytes"));
        } else {
            context.next();
        }
    }

    private static long headerBytes(HttpServerRequest request) {
        long total = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            total += h.getKey().length() + h.getValue().length() + 4;
        }
        return total;
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void refuse(RoutingContext context, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The body of a refused request is not read: the connection is closed after the answer.
        context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body);
    }
}

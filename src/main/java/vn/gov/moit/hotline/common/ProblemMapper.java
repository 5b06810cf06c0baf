package vn.gov.moit.hotline.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP responses: {@code application/problem+json} with the field and
 * the reason for every client error, and never a stack trace or class name. Unexpected failures are logged
 * with an id that the response repeats, so an operator's report can be matched to the log.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String SESSION_COOKIE = "quarkus-credential";

    /**
     * The attribute of an authentication failure that is a refused login (too many failures): whole seconds
     * to wait, answered as 429 with Retry-After.
     */
    public static final String RETRY_AFTER_SECONDS = "hotline.retry-after-seconds";

    /** Jackson's words for a key repeated in one object (StrictJson turns the check on). */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("^Duplicate field '([^']*)'");

    @Inject
    Languages languages;

    @Inject
    CurrentVertxRequest current;

    @Inject
    Instance<ErrorPages> errorPages;

    @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
    String formLoginAddress;

    @ConfigProperty(name = "quarkus.http.auth.form.error-page")
    Optional<String> formErrorPage;

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        if (e instanceof DomainException.InvalidInput invalid) {
            // In the request's language, like Bean Validation's messages (ValidationLanguage); on an error
            // page, in the page's.
            String reason = invalid.reason(Locale.forLanguageTag(wantsPage() ? languages.forPeople()
                    : languages.forPrograms()));
            return answer(Problem.invalid(reason, List.of(new Problem.Violation(invalid.field(), reason))));
        }
        int status = e instanceof DomainException.NotFound ? 404
                : e instanceof DomainException.NotAllowed ? 403
                : e instanceof DomainException.Unavailable ? 503
                : 409;
        String title = switch (status) {
            case 404 -> "Not found";
            case 403 -> "Forbidden";
            case 503 -> "Service unavailable";
            default -> "Conflict";
        };
        return answer(Problem.of(e.type(), title, status, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return answer(Problem.invalid("The request has invalid fields", violations));
    }

    /** Listed one by one: Quarkus has its own mappers for the subtypes, which would otherwise win. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
        MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class})
    public Response unreadableBody(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : "";
        String reason;
        if (e instanceof MismatchedInputException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            reason = "must be one of " + TypedParams.allowed(enumType(f.getTargetType()));
        } else if (e instanceof InvalidFormatException f) {
            reason = "must be " + expected(f.getTargetType());
        } else if (e instanceof UnrecognizedPropertyException) {
            reason = "is not a known field";
        } else if (e instanceof MismatchedInputException f && f.getTargetType() != null && !field.isEmpty()) {
            reason = "must be " + expected(f.getTargetType());
        } else if (e instanceof JsonMappingException && !field.isEmpty()) {
            reason = "has the wrong type or shape";
        } else if (e instanceof JsonParseException p && DUPLICATE_KEY.matcher(p.getOriginalMessage()).find()) {
            Matcher key = DUPLICATE_KEY.matcher(p.getOriginalMessage());
            field = key.find() ? key.group(1) : "";
            reason = "is given more than once";
        } else {
            reason = "the body is not well-formed JSON";
        }
        String name = field.isEmpty() ? "body" : field;
        return answer(Problem.invalid(name + ": " + reason, List.of(new Problem.Violation(name, reason))));
    }

    @ServerExceptionMapper
    public Response stale(OptimisticLockException e) {
        return conflictOnConcurrentChange();
    }

    @ServerExceptionMapper
    public Response stale(StaleStateException e) {
        return conflictOnConcurrentChange();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    /**
     * Wrong credentials. A failed login on the pages' form (which posts to the form mechanism's address)
     * goes back to the form's error page; everything else is the API's 401 problem.
     */
    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, HttpServerRequest request) {
        if (e.getAttributes() != null && e.getAttributes().get(RETRY_AFTER_SECONDS) instanceof Long seconds) {
            return throttled(seconds, request);
        }
        if (isPage(request.path()) && request.getCookie(SESSION_COOKIE) != null) {
            // A page whose session ended (logout elsewhere, password or role changed, idle): back to the login form.
            return Response.status(Response.Status.FOUND).header("Location", "/login")
                    .header("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict").build();
        }
        if (formLoginAddress.equals(request.path()) && formErrorPage.isPresent()) {
            return Response.status(Response.Status.SEE_OTHER).header("Location", formErrorPage.get()).build();
        }
        return unauthenticated(request);
    }

    /**
     * Too many failed logins: 429 with Retry-After, the same for every user name (existing or not). The login
     * form goes back to the form, which shows how long to wait.
     */
    private Response throttled(long seconds, HttpServerRequest request) {
        if (formLoginAddress.equals(request.path())) {
            return Response.status(Response.Status.SEE_OTHER).header("Location", "/login?throttled=" + seconds)
                    .header("Retry-After", seconds).build();
        }
        return Response.status(429).header("Retry-After", seconds).type(Problem.MEDIA_TYPE)
                .entity(Problem.of("too-many-logins", "Too Many Requests", 429,
                        "Too many failed logins; try again in " + seconds + " seconds"))
                .build();
    }

    private boolean isPage(String path) {
        return !path.startsWith("/api/") && !path.startsWith("/q/") && !path.equals(formLoginAddress);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return answer(Problem.of("forbidden", "Forbidden", 403, "Your role may not do this"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableBody(json);
        }
        if (e.getCause() instanceof DomainException.InvalidInput invalid) {
            // A typed query or path parameter refused by TypedParams: JAX-RS wraps the refusal in a 404.
            return domain(invalid);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Client error";
        String detail = switch (status) {
            case 404 -> "There is nothing at this address";
            case 405 -> "This address does not accept that method";
            case 406 -> "This address cannot answer in the requested media type";
            case 413 -> "The request body is too large";
            case 415 -> "This address does not accept that content type; see the API documentation";
            default -> title;
        };
        return answer(Problem.of(title.toLowerCase().replace(' ', '-'), title, status, detail));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s", id);
        return answer(Problem.of("internal", "Internal error", 500,
                "Something went wrong on our side; the incident id is " + id));
    }

    /**
     * The Basic challenge is left out for the pages' own script calls (marked X-Requested-With): a browser
     * would answer it with its login dialog, where the page should rather go back to its login form.
     */
    private static Response unauthenticated(HttpServerRequest request) {
        boolean pageScript = "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
        return Response.status(401)
                .header("WWW-Authenticate", pageScript ? null : "Basic realm=\"hotline\"")
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of("unauthenticated", "Unauthorized", 401, "Log in to use this address"))
                .build();
    }

    private Response conflictOnConcurrentChange() {
        return answer(Problem.of("stale-version", "Conflict", 409,
                "Someone else changed this record at the same moment; reload and try again"));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The problem as problem+json, or as a page in the user's language when a browser asked for a page (an
     * address outside the API that accepts HTML, like a mistyped address or a report month that does not exist).
     */
    private Response answer(Problem problem) {
        if (wantsPage()) {
            return Response.status(problem.status()).type("text/html;charset=UTF-8")
                    .entity(errorPages.get().page(problem)).build();
        }
        return respond(problem);
    }

    /** A browser asked for a page: an address outside the API, accepting HTML. */
    private boolean wantsPage() {
        HttpServerRequest request = current.getCurrent() == null ? null : current.getCurrent().request();
        String accept = request == null ? null : request.getHeader("Accept");
        return request != null && isPage(request.path()) && accept != null && accept.contains("text/html")
                && errorPages.isResolvable();
    }

    /**
     * The field path as the client wrote it: a query parameter by its name, a body field by its JSON path
     * (the method and body parameter names are dropped).
     */
    private static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder b = new StringBuilder();
        boolean parameterNameOnly = false;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                b.setLength(0);
                b.append(node.getName());
                parameterNameOnly = true;
            } else if (node.getKind() == ElementKind.PROPERTY) {
                if (parameterNameOnly) {
                    b.setLength(0);
                    parameterNameOnly = false;
                }
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(node.getName());
            }
            if (node.getIndex() != null) {
                b.append('[').append(node.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "body" : b.toString();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Enum<?>> enumType(Class<?> type) {
        return (Class<? extends Enum<?>>) type;
    }

    /** What a value of the type looks like, for "must be ...". */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        return switch (type.getSimpleName()) {
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "a date-time like 2026-11-23T08:30:00Z";
            case "LocalDate" -> "a date like 2026-11-23";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a text (in quotes)";
            default -> "a " + type.getSimpleName().toLowerCase();
        };
    }
}

package vn.gov.moit.hotline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads the application's own OpenAPI document and sends every operation malformed input: bad and
 * ill-typed JSON, unknown and repeated keys, huge strings, NUL and unpaired surrogates, missing bodies,
 * wrong content types, bad paging, sorting, dates and path values. Nothing may answer 5xx, and every error
 * must be a problem+json without a class name or stack trace. Requests are sent as the role the operation
 * names, so that they reach the code that reads their input. Bounded to a minute.
 */
@QuarkusTest
class OpenApiFuzzTest {

    private static final Duration BUDGET = Duration.ofSeconds(60);
    private static final Map<String, String> USER_OF_ROLE = Map.of("admin", Api.ADMIN, "supervisor", Api.SUPERVISOR,
            "operator", Api.OPERATOR, "officer", Api.OFFICER_TMDT, "leader", Api.LEADER);
    /** Things that must never reach a client: Java's names and a stack trace's lines. */
    private static final Pattern LEAK = Pattern.compile("Exception|java\\.|jakarta\\.|org\\.hibernate|io\\.quarkus|\\tat |"
            + "vn\\.gov\\.moit");

    /** Query values, already written as they go on the wire (some of them deliberately not valid UTF-8). */
    private static final List<String> QUERY_VALUES = List.of("", "%2C", "%2C%2C%2C", "-1", "0", "99999999999999999999",
            "abc", "2026-13-45", "2026-02-30T25:61:00Z", "%00", "%ED%A0%80", "%FF%FE", "%25", "true%00",
            "x".repeat(3000), "%22%3E%3Cscript%3E", "1.5", "-", "1e9");
    private static final List<String> PATH_VALUES = List.of("abc", "-1", "0", "99999999999999999999", "%00", "%ED%A0%80",
            "2025-13", "0000-00", "%20", "x".repeat(300));
    private static final List<String> RAW_BODIES = List.of("{", "[]", "null", "", "\"text\"", "12", "{\"a\":1,\"a\":2}",
            "{\"sumary\":\"x\",\"priorty\":\"HIGH\"}", "{\"version\":1,\"resolution\":\"a\",\"resolution\":\"b\"}",
            "{\"version\":1.5}", "{\"version\":\"1\"}", "{\"version\":true}", "{\"x\":\"\\u0000\"}", "{\"x\":\"\\ud800\"}",
            "\u0000", "{\"version\":99999999999999999999999}", "[{\"a\":1}]", "{\"a\":{\"b\":{\"c\":[[[[[[]]]]]]}}}");
    /** Ill-typed values for one property of a request body. */
    private static final List<String> PROPERTY_VALUES = List.of("true", "12345", "1.5", "{}", "[]", "null",
            "\"" + "x".repeat(100_000) + "\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"",
            "\"2026-13-45T99:00:00Z\"", "\"NOT_A_VALUE\"", "-1", "\"\"");

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private RawHttp http;
    private int sent;

    @BeforeEach
    void monday9am() {
        clock.set(TestClock.START);
        http = new RawHttp(base);
    }

    @Test
    void noOperationAnswersMalformedInputWith5xxOrWithoutAProblem() throws Exception {
        JsonNode document = json.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        // A real ticket, so that some requests get past "not found" to the body.
        long ticket = Api.triagedTicket("Thủ tục cấp phép bán lẻ rượu");
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (System.nanoTime() > deadline) {
                    break;
                }
                if (fuzz(document, path.getKey(), op.getKey().toUpperCase(), op.getValue(), ticket)) {
                    operations++;
                }
            }
        }
        System.out.printf("OpenApiFuzzTest: %d operations, %d requests, answers by status %s%n", operations, sent, statuses);
        assertThat(operations).as("operations fuzzed").isGreaterThan(35);
        assertThat(sent).as("requests sent").isGreaterThan(1000);
        assertThat(failures).as("answers that were 5xx or not a clean problem, of %d requests", sent).isEmpty();
    }

    /** Sends one operation its malformed inputs; false when it takes no input at all (nothing to fuzz). */
    private boolean fuzz(JsonNode document, String path, String method, JsonNode op, long ticket) {
        List<String> parameters = new ArrayList<>();
        op.path("parameters").forEach(p -> {
            if ("query".equals(p.path("in").asText())) {
                parameters.add(p.path("name").asText());
            }
        });
        JsonNode body = op.path("requestBody").path("content");
        if (parameters.isEmpty() && !path.contains("{") && body.isMissingNode()) {
            return false;
        }
        String user = userFor(op);
        String validPath = path.replace("{month}", "2025-07").replaceAll("\\{[^}]+}", String.valueOf(ticket));
        // Path values.
        Matcher variables = Pattern.compile("\\{[^}]+}").matcher(path);
        while (variables.find()) {
            for (String value : PATH_VALUES) {
                String target = path.substring(0, variables.start()) + value + path.substring(variables.end());
                target = target.replaceAll("\\{[^}]+}", String.valueOf(ticket));
                check(method, target, user, body.isMissingNode() ? null : "application/json",
                        body.isMissingNode() ? null : "{}");
            }
        }
        // Query values, one parameter at a time.
        for (String parameter : parameters) {
            for (String value : QUERY_VALUES) {
                check(method, validPath + "?" + parameter + "=" + value, user, null, null);
            }
        }
        if (body.isMissingNode()) {
            return true;
        }
        String mediaType = body.fieldNames().next();
        for (String raw : RAW_BODIES) {
            check(method, validPath, user, mediaType, raw);
        }
        check(method, validPath, user, null, null);
        check(method, validPath, user, "application/json", null);
        check(method, validPath, user, "text/plain", "{}");
        check(method, validPath, user, "application/xml", "<ticket/>");
        check(method, validPath, user, "application/json; charset=nonsense", "{}");
        for (String property : properties(document, body.path("application/json").path("schema"))) {
            for (String value : PROPERTY_VALUES) {
                check(method, validPath, user, "application/json", "{\"" + property + "\":" + value + "}");
            }
        }
        return true;
    }

    private void check(String method, String target, String user, String contentType, String body) {
        RawHttp.Answer answer = http.send(method, target, user, contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        sent++;
        statuses.merge(answer.status(), 1, Integer::sum);
        String request = method + " " + abbreviate(target) + (body == null ? "" : " " + abbreviate(body));
        if (answer.status() == 0 || answer.status() >= 500) {
            failures.add(answer.status() + " for " + request + ": " + abbreviate(answer.body()));
        } else if (answer.status() >= 400) {
            String type = answer.header("content-type");
            if (type == null || !type.startsWith("application/problem+json")) {
                failures.add(answer.status() + " without a problem body (" + type + ") for " + request);
            } else if (LEAK.matcher(answer.body()).find()) {
                failures.add(answer.status() + " leaking a class name for " + request + ": " + abbreviate(answer.body()));
            }
        }
    }

    /** The demo user of the first role the operation names; none for a public one. */
    private static String userFor(JsonNode op) {
        JsonNode security = op.path("security");
        if (!security.isArray() || security.isEmpty()) {
            return null;
        }
        JsonNode roles = security.get(0).elements().next();
        return roles.isArray() && !roles.isEmpty() ? USER_OF_ROLE.getOrDefault(roles.get(0).asText(), Api.ADMIN) : Api.ADMIN;
    }

    /** The property names of a request body's schema, following a reference to the components. */
    private static List<String> properties(JsonNode document, JsonNode schema) {
        JsonNode resolved = schema;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            resolved = document.path("components").path("schemas").path(name);
        }
        List<String> names = new ArrayList<>();
        resolved.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}

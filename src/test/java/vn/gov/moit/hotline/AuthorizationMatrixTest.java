package vn.gov.moit.hotline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moit.hotline.Api.LEADER;
import static vn.gov.moit.hotline.Api.OFFICER_TMDT;
import static vn.gov.moit.hotline.Api.OFFICER_TTTN;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.SUPERVISOR;
import static vn.gov.moit.hotline.Api.as;
import static vn.gov.moit.hotline.Api.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated from the OpenAPI document: every operation that takes a ticket, escalation or call id, asked by
 * every role about a ticket that another department holds, or that an officer's department forwarded away.
 * The officer it does not belong to gets exactly what a ticket that does not exist gets (404, or 403 when the
 * role may not use the operation at all), so nothing leaks; and no list of theirs contains it.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final List<String> USERS = List.of(OPERATOR, OFFICER_TMDT, OFFICER_TTTN, SUPERVISOR, LEADER, Api.ADMIN);
    private static final long MISSING = 999_999_999L;

    @Inject
    TestClock clock;

    @BeforeEach
    void monday9am() {
        clock.set(TestClock.START);
    }

    @Test
    void anotherDepartmentsTicketIsNotFoundAndNeverListed() throws Exception {
        // TTTN's from the start: TMDT never held it.
        long foreign = Api.triagedTicket("Của Vụ Thị trường trong nước");
        as(OPERATOR).body(Map.of("version", version(OPERATOR, foreign), "departmentCode", "TTTN"))
                .post("/api/escalations/tickets/" + foreign).then().statusCode(200);
        // Escalated to TMDT, taken there, then forwarded by TMDT to TTTN: TMDT's no longer.
        long forwarded = Api.triagedTicket("Đã chuyển sang Vụ Thị trường trong nước");
        as(OPERATOR).body(Map.of("version", version(OPERATOR, forwarded))).post("/api/escalations/tickets/" + forwarded)
                .then().statusCode(200);
        as(OFFICER_TMDT).body(Map.of("version", version(OFFICER_TMDT, forwarded)))
                .post("/api/escalations/tickets/" + forwarded + "/accept").then().statusCode(200);
        as(OFFICER_TMDT).body(Map.of("version", version(OFFICER_TMDT, forwarded), "departmentCode", "TTTN",
                "reason", "Thuộc Vụ Thị trường trong nước")).post("/api/escalations/tickets/" + forwarded + "/forward")
                .then().statusCode(200);

        JsonNode document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().matches("/api/(tickets|escalations/tickets|calls)/\\{id}.*")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                String body = exampleBody(document, op.getValue());
                for (String user : USERS) {
                    int forForeign = send(method, path.getKey(), user, foreign, body);
                    int forNothing = send(method, path.getKey(), user, MISSING, body);
                    int forForwarded = send(method, path.getKey(), user, forwarded, body);
                    checked++;
                    if (!user.equals(OFFICER_TMDT)) {
                        continue;
                    }
                    if (forForeign != forNothing) {
                        leaks.add(method + " " + path.getKey() + ": " + forForeign + " for TTTN's ticket, " + forNothing
                                + " for none");
                    }
                    // A change sent with a version read while the ticket was still TMDT's is stale (409, see
                    // TicketService.visibleAt): TMDT knew that ticket. Everything else is as for no ticket.
                    boolean staleChange = !method.equals("GET") && forForwarded == 409;
                    if (forForwarded != forNothing && !staleChange) {
                        leaks.add(method + " " + path.getKey() + ": " + forForwarded + " for the forwarded ticket, "
                                + forNothing + " for none");
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(60);
        assertThat(leaks).as("answers that tell TMDT something about TTTN's ticket").isEmpty();

        // Lists: none of TMDT's has it, with any filter; TTTN's has it; the history keeps what TMDT did.
        for (String filter : List.of("", "pending=true", "breached=true", "dueSoon=true", "raised=true", "state=FORWARDED",
                "state=OPEN", "state=ACCEPTED", "department=TMDT", "department=TTTN")) {
            assertThat(as(OFFICER_TMDT).get("/api/escalations?size=200&" + filter).then().statusCode(200).extract()
                    .jsonPath().getList("items.ticketId", Long.class)).as("TMDT's desk, %s", filter).doesNotContain(forwarded);
        }
        for (String filter : List.of("", "status=ESCALATED", "q=chuyển", "department=TTTN", "department=TMDT")) {
            assertThat(as(OFFICER_TMDT).get("/api/tickets?size=200&" + filter).then().statusCode(200).extract()
                    .jsonPath().getList("items.id", Long.class)).as("TMDT's search, %s", filter).doesNotContain(forwarded);
        }
        assertThat(as(OFFICER_TTTN).get("/api/escalations?size=200").then().statusCode(200).extract().jsonPath()
                .getList("items.ticketId", Long.class)).contains(forwarded);
        assertThat(as(SUPERVISOR).get("/api/tickets/" + forwarded + "/history").then().statusCode(200).extract().jsonPath()
                .getList("action", String.class)).contains("ACCEPTED", "FORWARDED");
    }

    private static int send(String method, String template, String user, long id, String body) {
        String path = template.replace("{id}", String.valueOf(id));
        return switch (method) {
            case "GET" -> as(user).get(path).statusCode();
            case "POST" -> as(user).body(body).post(path).statusCode();
            case "PUT" -> as(user).body(body).put(path).statusCode();
            case "DELETE" -> as(user).delete(path).statusCode();
            default -> throw new IllegalStateException(method);
        };
    }

    /** A well-formed body from the examples of the operation's request schema (with a stale version, 0). */
    private static String exampleBody(JsonNode document, JsonNode op) {
        JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.has("$ref")) {
            schema = document.path("components").path("schemas").path(schema.get("$ref").asText()
                    .replace("#/components/schemas/", ""));
        }
        var body = new ObjectMapper().createObjectNode();
        schema.path("properties").fields().forEachRemaining(p -> {
            JsonNode example = p.getValue().path("examples").path(0);
            if (p.getKey().equals("version")) {
                body.put("version", 0);
            } else if (!example.isMissingNode()) {
                body.set(p.getKey(), example);
            }
        });
        return body.toString();
    }
}

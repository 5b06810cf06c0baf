package vn.gov.moit.hotline.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Metrics;
import vn.gov.moit.hotline.TestClock;

/**
 * Password guessing is slowed down: after ten failures a user name is refused with 429 and Retry-After for a
 * while, without spending a bcrypt check, whether the name exists or not; a success resets the count; one
 * address guessing many names is refused too.
 */
@QuarkusTest
class LoginThrottleTest {

    private static final String CHECKS = "hotline_security_password_verifications_total";

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @BeforeEach
    void monday9am() {
        clock.set(TestClock.START);
        forgetFailures();
    }

    /** Every test of the run logs in from the same address: each test starts, and leaves, with no failure counted. */
    @AfterEach
    void forgetFailures() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from login_failure").executeUpdate());
    }

    @Test
    void tenFailuresRefuseTheNameFor15MinutesWithoutCheckingItsPassword() {
        SessionEndTest.createOperator("doan.an", "dung-mat-khau");
        for (int i = 0; i < 10; i++) {
            basic("doan.an", "sai-" + i).then().statusCode(401);
        }
        double checks = Metrics.sum(CHECKS);
        Response refused = basic("doan.an", "dung-mat-khau");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:problem:hotline:too-many-logins"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 900L);
        basic("doan.an", "sai-nua").then().statusCode(429);
        assertThat(Metrics.sum(CHECKS)).as("no bcrypt check spent on a refused name").isEqualTo(checks);
        assertThat(Metrics.sum("hotline_security_logins_throttled_total")).isGreaterThanOrEqualTo(2);

        // The form is refused as well, and shown how long to wait.
        String location = given().formParam("j_username", "doan.an").formParam("j_password", "dung-mat-khau")
                .redirects().follow(false).post("/j_security_check").then().statusCode(303).extract().header("Location");
        assertThat(location).startsWith("/login?throttled=");

        clock.advance(Duration.ofMinutes(16));
        basic("doan.an", "dung-mat-khau").then().statusCode(200);
    }

    @Test
    void aNameThatDoesNotExistIsAnsweredExactlyLikeOneThatDoes() {
        SessionEndTest.createOperator("doan.binh", "dung-mat-khau");
        for (int i = 0; i < 10; i++) {
            Response known = basic("doan.binh", "sai");
            Response unknown = basic("khong.co.ai", "sai");
            assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(401);
            assertThat(unknown.asString()).isEqualTo(known.asString());
        }
        basic("doan.binh", "sai").then().statusCode(429);
        basic("khong.co.ai", "sai").then().statusCode(429);
    }

    @Test
    void aSuccessResetsTheCount() {
        SessionEndTest.createOperator("doan.chi", "dung-mat-khau");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 9; i++) {
                basic("doan.chi", "sai").then().statusCode(401);
            }
            basic("doan.chi", "dung-mat-khau").then().statusCode(200);
        }
        basic("doan.chi", "sai").then().statusCode(401);
    }

    @Test
    void oneAddressGuessingManyNamesIsRefused() {
        for (int i = 0; i < 50; i++) {
            basic("ten.doan." + i, "sai").then().statusCode(401);
        }
        basic("ten.doan.moi", "sai").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    private static Response basic(String username, String password) {
        return given().auth().preemptive().basic(username, password).get("/api/tickets/callbacks?size=1");
    }
}

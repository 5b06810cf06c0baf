package vn.gov.moit.hotline.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static vn.gov.moit.hotline.Api.OFFICER_TMDT;
import static vn.gov.moit.hotline.Api.OPERATOR;
import static vn.gov.moit.hotline.Api.SUPERVISOR;
import static vn.gov.moit.hotline.Api.as;
import static vn.gov.moit.hotline.Api.version;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.Api;
import vn.gov.moit.hotline.TestClock;

/** What the ticket API promises its clients: the stored version, honest statuses, literal search, merges. */
@QuarkusTest
class TicketContractTest {

    @Inject
    TestClock clock;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @BeforeEach
    void monday9am() {
        clock.set(TestClock.START);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void aCreatedTicketAnswersTheVersionThatWasStoredSoTheFirstChangeIsAccepted() {
        Response created = as(OPERATOR).body(Map.of("source", "MANUAL", "callerNumber", "0912 345 678",
                "callerType", "BUSINESS", "provinceCode", "HA_NOI", "fieldCode", "ECOMMERCE", "priority", "NORMAL",
                "summary", "Đăng ký website thương mại điện tử")).post("/api/tickets");
        created.then().statusCode(201).body("status", equalTo("TRIAGED"));
        long id = created.<Number>path("id").longValue();
        int answered = created.path("version");

        assertThat(answered).isEqualTo(version(OPERATOR, id));
        as(OPERATOR).body(Map.of("version", answered, "resolution", "Đã hướng dẫn thủ tục"))
                .post("/api/tickets/" + id + "/resolve-on-call").then().statusCode(200);
    }

    @Test
    void aTicketTypedInWithoutCallerTypeProvinceAndFieldIsNewWithItsSummaryKept() {
        as(OPERATOR).body(Map.of("source", "MANUAL", "callerNumber", "0912 345 678", "summary", "Hỏi về giấy phép"))
                .post("/api/tickets").then().statusCode(201)
                .body("status", equalTo("NEW"))
                .body("summary", equalTo("Hỏi về giấy phép"));
    }

    @Test
    void aTicketWithoutANumberHasNoNumberAndIsNotWithheld() {
        as(OPERATOR).body(Map.of("source", "FIELD_OFFICER_REPORT", "summary", "Báo cáo của cán bộ"))
                .post("/api/tickets").then().statusCode(201)
                .body("callerNumber", nullValue())
                .body("callerWithheld", equalTo(false));
        as(OPERATOR).body(Map.of("source", "MANUAL", "callerNumber", "anonymous", "summary", "Người gọi giấu số"))
                .post("/api/tickets").then().statusCode(201)
                .body("callerNumber", nullValue())
                .body("callerWithheld", equalTo(true));
    }

    @Test
    void aCallerNumberWithLettersIsRefusedNamingTheFieldAndNothingIsStored() {
        long before = total();
        as(OPERATOR).body(Map.of("source", "MANUAL", "callerNumber", "12ab", "summary", "số sai"))
                .post("/api/tickets").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("callerNumber"));
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void searchTextMatchesPercentAndUnderscoreAsWritten() {
        String tag = "k" + System.nanoTime();
        Api.triagedTicket(tag + " giảm 100% phí");
        Api.triagedTicket(tag + " giảm 1000 phí");
        Api.triagedTicket(tag + " mã_số thuế");
        Api.triagedTicket(tag + " mã số thuế");

        assertThat(summaries(tag + " giảm 100%")).containsExactly(tag + " giảm 100% phí");
        assertThat(summaries(tag + " mã_")).containsExactly(tag + " mã_số thuế");
        assertThat(summaries("%")).allMatch(s -> s.contains("%"));
    }

    @Test
    void twoMergesOfTheSameTwoTicketsAtOnceNeverMakeACycle() throws Exception {
        for (int trial = 0; trial < 15; trial++) {
            long a = Api.triagedTicket("vòng A" + trial);
            long b = Api.triagedTicket("vòng B" + trial);
            List<Integer> codes = atOnce(() -> merge(a, b), () -> merge(b, a));
            assertThat(codes).as("one merge wins, the other is refused").contains(200);
            String statusA = as(OPERATOR).get("/api/tickets/" + a).path("status");
            String statusB = as(OPERATOR).get("/api/tickets/" + b).path("status");
            assertThat(List.of(statusA, statusB)).as("trial %d", trial).containsOnlyOnce("DUPLICATE");
        }
    }

    @Test
    void twoMergesAtOnceNeverMakeAChain() throws Exception {
        for (int trial = 0; trial < 15; trial++) {
            long a = Api.triagedTicket("chuỗi A" + trial);
            long b = Api.triagedTicket("chuỗi B" + trial);
            long c = Api.triagedTicket("chuỗi C" + trial);
            atOnce(() -> merge(a, b), () -> merge(b, c));
            Integer aInto = as(OPERATOR).get("/api/tickets/" + a).path("duplicateOf");
            String statusB = as(OPERATOR).get("/api/tickets/" + b).path("status");
            assertThat(aInto != null && aInto == b && statusB.equals("DUPLICATE"))
                    .as("trial %d: %d merged into %d, which is itself merged", trial, a, b).isFalse();
        }
        // Merging a ticket that others were merged into is refused with the way out.
        long a = Api.triagedTicket("chuỗi A");
        long b = Api.triagedTicket("chuỗi B");
        long c = Api.triagedTicket("chuỗi C");
        assertThat(merge(a, b)).isEqualTo(200);
        as(OPERATOR).body(Map.of("version", version(OPERATOR, b), "duplicateOf", c))
                .post("/api/tickets/" + b + "/duplicate").then().statusCode(409)
                .body("type", equalTo("urn:problem:hotline:has-duplicates"));
    }

    @Test
    void anAnswerSentAfterTheTicketWasForwardedAwayIsAConflictNotNotFound() {
        long id = Api.triagedTicket("chuyển và trả lời");
        as(OPERATOR).body(Map.of("version", version(OPERATOR, id))).post("/api/escalations/tickets/" + id)
                .then().statusCode(200);
        int read = version(OFFICER_TMDT, id);
        as(SUPERVISOR).body(Map.of("version", version(SUPERVISOR, id), "departmentCode", "TTTN",
                "reason", "thuộc thẩm quyền Vụ Thị trường trong nước"))
                .post("/api/escalations/tickets/" + id + "/forward").then().statusCode(200);

        as(OFFICER_TMDT).body(Map.of("version", read, "answer", "Trả lời muộn"))
                .post("/api/escalations/tickets/" + id + "/answer").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:problem:hotline:stale-version"));
        // Read afresh, the ticket is no longer the department's.
        as(OFFICER_TMDT).get("/api/tickets/" + id).then().statusCode(404);
    }

    private static int merge(long ticket, long into) {
        return as(OPERATOR).body(Map.of("version", version(OPERATOR, ticket), "duplicateOf", into))
                .post("/api/tickets/" + ticket + "/duplicate").statusCode();
    }

    /** Runs both requests released by one barrier, so that they reach the server at the same moment. */
    private List<Integer> atOnce(Supplier<Integer> first, Supplier<Integer> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> both = new ArrayList<>();
        for (Supplier<Integer> request : List.of(first, second)) {
            both.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return request.get();
            }, pool));
        }
        List<Integer> codes = new ArrayList<>();
        for (CompletableFuture<Integer> f : both) {
            codes.add(f.get());
        }
        assertThat(codes).allMatch(code -> code == 200 || code == 400 || code == 409);
        return codes;
    }

    private static List<String> summaries(String q) {
        return as(OPERATOR).queryParam("q", q).queryParam("size", 200).get("/api/tickets").then().statusCode(200)
                .extract().jsonPath().getList("items.summary");
    }

    private static long total() {
        return as(OPERATOR).get("/api/tickets").then().statusCode(200).extract().<Integer>path("total").longValue();
    }
}

package vn.gov.moit.hotline.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Writes call log and ticket rows straight into the database, as the telephony and ticket features would
 * have left them. Ids are explicit and far above what the sequences hand out, so they never collide.
 */
@ApplicationScoped
class ReportFixtures {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject
    DataSource dataSource;

    /** An instant given as local hotline time, e.g. {@code 2025-03-31T23:59:59}. */
    static Instant local(String text) {
        return LocalDateTime.parse(text).atZone(HANOI).toInstant();
    }

    void call(long id, String state, Instant arrivedAt, Integer waitSeconds, Integer talkSeconds) {
        call(id, state, arrivedAt, waitSeconds, talkSeconds, null, null);
    }

    void call(long id, String state, Instant arrivedAt, Integer waitSeconds, Integer talkSeconds, String callerNumber,
            String callerName) {
        execute("insert into call_record (id, linkedid, state, caller_number, caller_withheld, caller_name, arrived_at, "
                + "wait_seconds, talk_seconds, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, "report-test-" + id, state, callerNumber, callerNumber == null, callerName, utc(arrivedAt),
                waitSeconds, talkSeconds, utc(arrivedAt));
    }

    TicketRow ticket(long id, Instant createdAt) {
        return new TicketRow(id, createdAt);
    }

    void escalation(long id, long ticketId, String department, Instant escalatedAt, Instant deadline) {
        escalation(id, ticketId, department, escalatedAt, deadline, null, null);
    }

    /** An escalation the department answered at {@code answeredAt} (null: not answered), raised at {@code raisedAt}. */
    void escalation(long id, long ticketId, String department, Instant escalatedAt, Instant deadline,
            Instant answeredAt, Instant raisedAt) {
        execute("insert into escalation (id, ticket_id, department_code, state, deadline, escalated_by, escalated_at, "
                + "answered_by, answered_at, raised_at) values (?, ?, ?, ?, ?, 'operator1', ?, ?, ?, ?)", id, ticketId,
                department, answeredAt == null ? "OPEN" : "ANSWERED", utc(deadline), utc(escalatedAt),
                answeredAt == null ? null : "officer", utc(answeredAt), utc(raisedAt));
    }

    void history(long id, long ticketId, Instant at, String fromStatus, String toStatus) {
        execute("insert into ticket_history (id, ticket_id, at, actor, action, from_status, to_status) "
                + "values (?, ?, ?, 'operator1', ?, ?, ?)", id, ticketId, utc(at), toStatus, fromStatus, toStatus);
    }

    /** A ticket row; unset columns are what a fresh manual ticket has. */
    final class TicketRow {
        private final long id;
        private final Instant createdAt;
        private String status = "NEW";
        private String field;
        private String province;
        private String department;
        private String callerType;
        private String callerNumber;
        private String callerName;
        private String summary;
        private String description;
        private String commune;
        private Instant closedAt;

        private TicketRow(long id, Instant createdAt) {
            this.id = id;
            this.createdAt = createdAt;
        }

        TicketRow status(String value) {
            status = value;
            return this;
        }

        TicketRow where(String fieldCode, String provinceCode, String callerTypeCode) {
            field = fieldCode;
            province = provinceCode;
            callerType = callerTypeCode;
            return this;
        }

        /** The department holding it; its deadline, answer and raise are the escalation's ({@link #escalation}). */
        TicketRow department(String value) {
            department = value;
            return this;
        }

        TicketRow caller(String number, String name) {
            callerNumber = number;
            callerName = name;
            return this;
        }

        TicketRow text(String summaryValue, String descriptionValue, String communeValue) {
            summary = summaryValue;
            description = descriptionValue;
            commune = communeValue;
            return this;
        }

        TicketRow closed(Instant at) {
            closedAt = at;
            return this;
        }

        /** Inserts the row and returns its reference, {@code HL-yyyy-<id>}. */
        String insert() {
            String reference = "HL-" + createdAt.atZone(HANOI).getYear() + "-" + id;
            Instant updated = closedAt != null ? closedAt : createdAt;
            execute("insert into ticket (id, reference, source, status, caller_number, caller_withheld, caller_name, "
                    + "caller_type, province_code, commune, field_code, priority, summary, description, department_code, "
                    + "created_at, updated_at, closed_at) "
                    + "values (?, ?, 'PHONE', ?, ?, ?, ?, ?, ?, ?, ?, 'NORMAL', ?, ?, ?, ?, ?, ?)",
                    id, reference, status, callerNumber, callerNumber == null, callerName, callerType, province, commune,
                    field, summary, description, department, utc(createdAt), utc(updated), utc(closedAt));
            return reference;
        }
    }

    private void execute(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            q.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

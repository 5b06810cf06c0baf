package vn.gov.moit.hotline.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import vn.gov.moit.hotline.common.DomainException;

/**
 * A caller's request and everything done about it. The ticket guards its own status machine; only
 * {@link TicketService} changes it, and records each change in the history ({@link TicketJournal}) in the same
 * step. The ticket owns who holds the case (its status, its operator, the department it is with); the clock of
 * a department's assignment (deadline, breach, acceptance, answer, raise to the leaders) is the escalation's,
 * read through {@link TicketCommitments}.
 */
@Entity
@Table(name = "ticket")
class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_seq")
    @SequenceGenerator(name = "ticket_seq", sequenceName = "ticket_seq", allocationSize = 50)
    private Long id;

    private String reference;

    @Enumerated(EnumType.STRING)
    private TicketSource source;

    @Enumerated(EnumType.STRING)
    private TicketStatus status;

    @Column(name = "caller_number")
    private String callerNumber;

    @Column(name = "caller_withheld")
    private boolean callerWithheld;

    @Column(name = "caller_name")
    private String callerName;

    /** The caller's number and name were removed after the retention period (TicketRetention). */
    @Column(name = "caller_redacted")
    private boolean callerRedacted;

    @Enumerated(EnumType.STRING)
    @Column(name = "caller_type")
    private CallerType callerType;

    @Column(name = "province_code")
    private String provinceCode;

    private String commune;

    @Column(name = "field_code")
    private String fieldCode;

    private String category;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    private String summary;

    private String description;

    private String operator;

    @Column(name = "department_code")
    private String departmentCode;

    private String resolution;

    @Column(name = "duplicate_of")
    private Long duplicateOf;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected Ticket() {
    }

    /**
     * A new ticket; the caller number is already normalised. No number is either withheld (the caller hid it)
     * or simply not known (a ticket typed in without one).
     */
    static Ticket open(TicketSource source, String callerNumber, boolean withheld, String callerName,
            Priority priority, String operator, Instant now) {
        Ticket t = new Ticket();
        t.source = source;
        t.status = TicketStatus.NEW;
        t.callerNumber = withheld ? null : callerNumber;
        t.callerWithheld = withheld;
        t.callerName = callerName;
        t.priority = priority == null ? Priority.NORMAL : priority;
        t.operator = operator;
        t.createdAt = now;
        t.updatedAt = now;
        return t;
    }

    /** Gives the ticket its human reference, the year's register number, e.g. {@code HL-2026-000123}. */
    void assignReference(String prefix, int year, long number) {
        if (reference == null) {
            reference = String.format("%s-%d-%06d", prefix, year, number);
        }
    }

    /** Refuses to work on a copy the client read before someone else changed the ticket. */
    void checkVersion(long expected) {
        if (expected != version) {
            throw new DomainException.StaleVersion("Ticket " + reference, expected, version);
        }
    }

    private TicketStatus moveTo(TicketStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new DomainException.Conflict("illegal-transition",
                    "Ticket " + reference + " is " + status + " and cannot become " + target);
        }
        TicketStatus from = status;
        status = target;
        updatedAt = now;
        return from;
    }

    /** Operator's classification of what the caller needs. */
    TicketStatus triage(Triage t, Instant now) {
        TicketStatus from = moveTo(TicketStatus.TRIAGED, now);
        describe(t);
        return from;
    }

    /** Keeps what is known of the request without triaging it (a ticket typed in with some details only). */
    void describe(Triage t) {
        callerName = t.callerName() != null ? t.callerName() : callerName;
        callerType = t.callerType();
        provinceCode = t.provinceCode();
        commune = t.commune();
        fieldCode = t.fieldCode();
        category = t.category();
        priority = t.priority();
        summary = t.summary();
        description = t.description();
    }

    /** What triage sets; validated by the resource. */
    record Triage(String callerName, CallerType callerType, String provinceCode, String commune, String fieldCode,
            String category, Priority priority, String summary, String description) {

        /** Everything triage requires: who calls, from where, about which field, and what. */
        boolean complete() {
            return callerType != null && provinceCode != null && fieldCode != null && priority != null
                    && summary != null && !summary.isBlank();
        }
    }

    TicketStatus resolveOnCall(String resolution, String operator, Instant now) {
        if (summary == null || summary.isBlank()) {
            throw DomainException.InvalidInput.because("summary", "triage-before-resolving");
        }
        TicketStatus from = moveTo(TicketStatus.RESOLVED_ON_CALL, now);
        this.resolution = resolution;
        this.operator = this.operator == null ? operator : this.operator;
        return from;
    }

    /** Sends the ticket to a department; also used for a forward to another department. */
    TicketStatus escalateTo(String department, Instant now) {
        if (fieldCode == null) {
            throw DomainException.InvalidInput.because("fieldCode", "triage-before-escalating");
        }
        TicketStatus from = moveTo(TicketStatus.ESCALATED, now);
        this.departmentCode = department;
        return from;
    }

    TicketStatus accept(Instant now) {
        return moveTo(TicketStatus.IN_PROGRESS, now);
    }

    TicketStatus answer(String answer, Instant now) {
        TicketStatus from = moveTo(TicketStatus.ANSWERED, now);
        this.resolution = answer;
        return from;
    }

    /** A change recorded elsewhere (the escalation's raise) that clients reading this ticket must see. */
    void touch(Instant now) {
        updatedAt = now;
    }

    TicketStatus close(Instant now) {
        TicketStatus from = moveTo(TicketStatus.CLOSED, now);
        closedAt = now;
        return from;
    }

    TicketStatus reopen(Instant now) {
        TicketStatus from = moveTo(TicketStatus.REOPENED, now);
        closedAt = null;
        return from;
    }

    TicketStatus markDuplicateOf(Ticket original, Instant now) {
        if (original.id.equals(id)) {
            throw DomainException.InvalidInput.because("duplicateOf", "duplicate-of-itself");
        }
        if (original.status == TicketStatus.DUPLICATE) {
            throw DomainException.InvalidInput.because("duplicateOf", "duplicate-of-duplicate",
                    original.reference);
        }
        TicketStatus from = moveTo(TicketStatus.DUPLICATE, now);
        duplicateOf = original.id;
        return from;
    }

    /** The call behind the ticket was missed or abandoned: someone must call back. */
    TicketStatus putOnCallbackList(Instant now) {
        return moveTo(TicketStatus.CALLBACK_PENDING, now);
    }

    /** The caller was called back: reached, the ticket is worked as new; not reached, it is closed. */
    TicketStatus calledBack(boolean reached, Instant now) {
        if (reached) {
            return moveTo(TicketStatus.NEW, now);
        }
        TicketStatus from = moveTo(TicketStatus.CLOSED, now);
        closedAt = now;
        return from;
    }

    /** The operator who answered the call takes the ticket, unless someone already holds it. */
    void assignOperator(String operator, Instant now) {
        if (this.operator == null) {
            this.operator = operator;
            this.updatedAt = now;
        }
    }

    /** Caller identity learnt after the ticket was opened (a call's number arrives after the call). */
    void identifyCaller(String number, boolean withheld, String name, Instant now) {
        if (callerRedacted) {
            return;
        }
        this.callerNumber = withheld ? null : number;
        this.callerWithheld = withheld || number == null;
        if (name != null && this.callerName == null) {
            this.callerName = name;
        }
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    String reference() {
        return reference;
    }

    TicketSource source() {
        return source;
    }

    TicketStatus status() {
        return status;
    }

    String callerNumber() {
        return callerNumber;
    }

    boolean callerRedacted() {
        return callerRedacted;
    }

    boolean callerWithheld() {
        return callerWithheld;
    }

    String callerName() {
        return callerName;
    }

    CallerType callerType() {
        return callerType;
    }

    String provinceCode() {
        return provinceCode;
    }

    String commune() {
        return commune;
    }

    String fieldCode() {
        return fieldCode;
    }

    String category() {
        return category;
    }

    Priority priority() {
        return priority;
    }

    String summary() {
        return summary;
    }

    String description() {
        return description;
    }

    String operator() {
        return operator;
    }

    String departmentCode() {
        return departmentCode;
    }

    String resolution() {
        return resolution;
    }

    Long duplicateOf() {
        return duplicateOf;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    long version() {
        return version;
    }
}

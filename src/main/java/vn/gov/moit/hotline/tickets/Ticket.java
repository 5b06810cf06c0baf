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
 * A caller's request and everything done about it. The ticket guards its own status machine
 * ({@link TicketStatus#next()}); callers record each change in the history through {@link TicketJournal}.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

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

    private Instant deadline;

    @Column(name = "raised_to_leaders")
    private boolean raisedToLeaders;

    private String resolution;

    @Column(name = "duplicate_of")
    private Long duplicateOf;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "first_answered_at")
    private Instant firstAnsweredAt;

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
    public static Ticket open(TicketSource source, String callerNumber, boolean withheld, String callerName,
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
    public void checkVersion(long expected) {
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
            throw new DomainException.InvalidInput("summary", "triage the ticket (a summary at least) before resolving it");
        }
        TicketStatus from = moveTo(TicketStatus.RESOLVED_ON_CALL, now);
        this.resolution = resolution;
        this.operator = this.operator == null ? operator : this.operator;
        return from;
    }

    /** Sends the ticket to a department with a deadline; also used for a forward to another department. */
    public TicketStatus escalateTo(String department, Instant deadline, Instant now) {
        if (fieldCode == null) {
            throw new DomainException.InvalidInput("fieldCode", "triage the ticket (its field at least) before escalating it");
        }
        TicketStatus from = moveTo(TicketStatus.ESCALATED, now);
        this.departmentCode = department;
        this.deadline = deadline;
        return from;
    }

    public TicketStatus accept(Instant now) {
        return moveTo(TicketStatus.IN_PROGRESS, now);
    }

    public TicketStatus answer(String answer, Instant now) {
        TicketStatus from = moveTo(TicketStatus.ANSWERED, now);
        this.resolution = answer;
        if (firstAnsweredAt == null) {
            firstAnsweredAt = now;
        }
        return from;
    }

    public void raiseToLeaders(Instant now) {
        if (status != TicketStatus.ESCALATED && status != TicketStatus.IN_PROGRESS) {
            throw new DomainException.Conflict("illegal-transition",
                    "Ticket " + reference + " is " + status + "; only an escalated ticket can be raised to leaders");
        }
        if (raisedToLeaders) {
            throw new DomainException.Conflict("already-raised", "Ticket " + reference + " is already raised to leaders");
        }
        raisedToLeaders = true;
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
            throw new DomainException.InvalidInput("duplicateOf", "a ticket cannot duplicate itself");
        }
        if (original.status == TicketStatus.DUPLICATE) {
            throw new DomainException.InvalidInput("duplicateOf",
                    original.reference + " is itself a duplicate; link to " + original.duplicateOf + " instead");
        }
        TicketStatus from = moveTo(TicketStatus.DUPLICATE, now);
        duplicateOf = original.id;
        return from;
    }

    /** The call behind the ticket was missed or abandoned: someone must call back. */
    public TicketStatus putOnCallbackList(Instant now) {
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
    public void assignOperator(String operator, Instant now) {
        if (this.operator == null) {
            this.operator = operator;
            this.updatedAt = now;
        }
    }

    /** Caller identity learnt after the ticket was opened (a call's number arrives after the call). */
    public void identifyCaller(String number, boolean withheld, String name, Instant now) {
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

    public Long id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public TicketSource source() {
        return source;
    }

    public TicketStatus status() {
        return status;
    }

    public String callerNumber() {
        return callerNumber;
    }

    public boolean callerRedacted() {
        return callerRedacted;
    }

    public boolean callerWithheld() {
        return callerWithheld;
    }

    public String callerName() {
        return callerName;
    }

    public CallerType callerType() {
        return callerType;
    }

    public String provinceCode() {
        return provinceCode;
    }

    public String commune() {
        return commune;
    }

    public String fieldCode() {
        return fieldCode;
    }

    public String category() {
        return category;
    }

    public Priority priority() {
        return priority;
    }

    public String summary() {
        return summary;
    }

    public String description() {
        return description;
    }

    public String operator() {
        return operator;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public Instant deadline() {
        return deadline;
    }

    public boolean raisedToLeaders() {
        return raisedToLeaders;
    }

    public String resolution() {
        return resolution;
    }

    public Long duplicateOf() {
        return duplicateOf;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant firstAnsweredAt() {
        return firstAnsweredAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public long version() {
        return version;
    }
}

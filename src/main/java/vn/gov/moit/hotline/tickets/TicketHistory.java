package vn.gov.moit.hotline.tickets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recorded change of a ticket. Rows are only ever added. */
@Entity
@Table(name = "ticket_history")
class TicketHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_history_seq")
    @SequenceGenerator(name = "ticket_history_seq", sequenceName = "ticket_history_seq", allocationSize = 50)
    Long id;

    @Column(name = "ticket_id")
    long ticketId;

    Instant at;

    String actor;

    @Enumerated(EnumType.STRING)
    TicketAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    TicketStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    TicketStatus toStatus;

    @Column(name = "department_code")
    String departmentCode;

    String note;
}

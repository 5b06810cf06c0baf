package vn.gov.moit.hotline.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A ministry department (Vụ, Cục, Văn phòng) that answers escalated tickets. */
@Entity
@Table(name = "department")
class Department extends PanacheEntityBase {

    @Id
    String code;

    @Column(name = "name_vi")
    String nameVi;

    @Column(name = "name_en")
    String nameEn;

    boolean active = true;

    /** The department's shared mailbox, told of every escalation to it; none by default. */
    String mailbox;

    /** The user name of the department's head, told of its breached deadlines; none by default. */
    @Column(name = "head_username")
    String headUsername;

    @Version
    long version;
}

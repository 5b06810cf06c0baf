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

    @Version
    long version;
}

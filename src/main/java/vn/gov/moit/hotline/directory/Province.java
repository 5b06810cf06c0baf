package vn.gov.moit.hotline.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A provincial-level unit (province or centrally-run city) of the two-level local government model. */
@Entity
@Table(name = "province")
class Province extends PanacheEntityBase {

    @Id
    String code;

    @Column(name = "name_vi")
    String nameVi;

    @Column(name = "name_en")
    String nameEn;

    boolean city;
}

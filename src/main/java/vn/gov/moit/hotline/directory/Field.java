package vn.gov.moit.hotline.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A field (sector) of industry-and-trade work that a ticket is about. */
@Entity
@Table(name = "field")
class Field extends PanacheEntityBase {

    @Id
    String code;

    @Column(name = "name_vi")
    String nameVi;

    @Column(name = "name_en")
    String nameEn;

    @Column(name = "sort_order")
    int sortOrder;
}

package vn.gov.moit.hotline.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The department that tickets of one field are suggested to go to. */
@Entity
@Table(name = "routing_rule")
class RoutingRule extends PanacheEntityBase {

    @Id
    @Column(name = "field_code")
    String fieldCode;

    @Column(name = "department_code")
    String departmentCode;

    @Version
    long version;
}

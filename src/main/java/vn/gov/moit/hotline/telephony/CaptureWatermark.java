package vn.gov.moit.hotline.telephony;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Until when the listener is known to have heard Asterisk: one row. Written only by {@link CaptureGaps}. */
@Entity
@Table(name = "capture_watermark")
class CaptureWatermark extends PanacheEntityBase {

    static final int ID = 1;

    @Id
    Integer id;

    @Column(name = "heard_at")
    Instant heardAt;

    @Column(name = "heard_by")
    String heardBy;
}

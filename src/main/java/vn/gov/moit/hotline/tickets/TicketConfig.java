package vn.gov.moit.hotline.tickets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Ticket numbering and repeat-caller matching. */
@ConfigMapping(prefix = "hotline.tickets")
public interface TicketConfig {

    /** First part of a ticket's human reference, as in HL-2026-000123. */
    @WithDefault("HL")
    String referencePrefix();

    /** How far back a caller's open tickets are suggested when the same number calls again. */
    @WithDefault("P30D")
    Duration repeatCallerWindow();
}

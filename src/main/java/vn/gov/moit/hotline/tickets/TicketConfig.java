package vn.gov.moit.hotline.tickets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Ticket numbering, repeat-caller matching, and how fresh a busy desk list's total is. */
@ConfigMapping(prefix = "hotline.tickets")
public interface TicketConfig {

    /** First part of a ticket's human reference, as in HL-2026-000123. */
    @WithDefault("HL")
    String referencePrefix();

    /** How far back a caller's open tickets are suggested when the same number calls again. */
    @WithDefault("P30D")
    Duration repeatCallerWindow();

    /**
     * How long the total of a desk list (a status, or a status and a field) of 1,000 tickets or more is reused
     * before it is counted again (DeskListTotals); PT0S counts it for every page.
     */
    @WithDefault("PT1S")
    Duration deskListTotalTtl();
}

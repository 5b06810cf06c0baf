package vn.gov.moit.hotline.tickets;

import vn.gov.moit.hotline.common.DayRange;

/** The criteria of a ticket search; null means "any". Dates are days in the hotline's zone, both inclusive. */
record TicketFilter(TicketStatus status, String fieldCode, String provinceCode, String departmentCode,
        Priority priority, String callerNumber, DayRange days, String text) {
}

package vn.gov.moit.hotline.tickets;

/** How urgently a ticket must be answered; the SLA policy gives each priority its allowance. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}

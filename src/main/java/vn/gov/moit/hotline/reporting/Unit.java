package vn.gov.moit.hotline.reporting;

/** The unit a published figure is expressed in; {@link #code()} is what the CSV and JSON print. */
enum Unit {
    /** A whole number of calls or tickets; the only unit subject to small-cell suppression. */
    COUNT("count"),
    /** A percentage rounded half-up to one decimal (85.3 means 85.3 %). */
    PERCENT("percent"),
    /** Whole seconds, rounded half-up. */
    SECONDS("seconds"),
    /** Hours rounded half-up to one decimal. */
    HOURS("hours");

    private final String code;

    Unit(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}

package vn.gov.moit.hotline.reporting;

/** One published single figure of the monthly report, with what a reader needs to understand it. */
record MetricValue(String key, String section, String labelVi, String labelEn, Unit unit, PublicValue value,
        String formulaVi, String formulaEn) {
}

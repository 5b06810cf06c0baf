package vn.gov.moit.hotline.reporting;

/** Puts the configured thresholds into the printed formulas. */
final class Formulas {

    private Formulas() {
    }

    static String fill(String template, ReportParameters parameters) {
        return template
                .replace("{short}", Integer.toString(parameters.shortAbandonSeconds()))
                .replace("{sl}", Integer.toString(parameters.serviceLevelSeconds()))
                .replace("{zone}", parameters.zone().getId());
    }
}

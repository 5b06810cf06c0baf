package vn.gov.moit.hotline.reporting;

import java.time.ZoneId;
import java.util.Set;

/** Puts the configured thresholds and the zone's name into the printed formulas. */
final class Formulas {

    private static final Set<String> VIETNAM = Set.of("Asia/Ho_Chi_Minh", "Asia/Saigon");

    private Formulas() {
    }

    static String fill(String template, ReportParameters parameters, boolean vi) {
        return template
                .replace("{short}", Integer.toString(parameters.shortAbandonSeconds()))
                .replace("{sl}", Integer.toString(parameters.serviceLevelSeconds()))
                .replace("{cb}", Integer.toString(parameters.callbackTargetMinutes()))
                .replace("{zone}", zoneName(parameters.zone(), vi));
    }

    /** How the report names its zone: Vietnam's by its name and offset, any other by its id. */
    static String zoneName(ZoneId zone, boolean vi) {
        if (VIETNAM.contains(zone.getId())) {
            return vi ? "giờ Việt Nam, UTC+7" : "Vietnam time, UTC+7";
        }
        return vi ? "giờ " + zone.getId() : zone.getId() + " time";
    }
}

package vn.gov.moit.hotline.reporting;

import java.util.List;

/** One published table of counts; cells are in ascending key order (plain {@code String} order). */
record Breakdown(String key, String section, String labelVi, String labelEn, Unit unit, String formulaVi,
        String formulaEn, List<Cell> cells) {

    Breakdown {
        cells = List.copyOf(cells);
    }

    /** One count of a table, e.g. the calls of hour "07" or the tickets of field "ECOMMERCE". */
    record Cell(String key, PublicValue value) {
    }
}

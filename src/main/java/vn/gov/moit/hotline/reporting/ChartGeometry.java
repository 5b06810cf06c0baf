package vn.gov.moit.hotline.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the report page's bars go: pure arithmetic over the values, no markup (the template draws). Lengths
 * are scaled to the largest value; numbers are printed with at most one decimal, without trailing zeros.
 */
final class ChartGeometry {

    /** The column chart's box: 720 wide, 220 high, 18 above the plot and 24 below it for the axis labels. */
    static final int COLUMNS_WIDTH = 720;
    static final int COLUMNS_HEIGHT = 220;
    private static final int COLUMNS_TOP = 18;
    private static final int COLUMNS_BOTTOM = 24;

    /** The row chart: 480 wide, 42 a row, 60 kept right of the longest bar for its label. */
    static final int ROWS_WIDTH = 480;
    static final int ROW_HEIGHT = 42;
    private static final int ROWS_LABEL_SPACE = 60;

    /** The service-level bar's full width. */
    static final int LEVEL_WIDTH = 720;

    private ChartGeometry() {
    }

    /** One column: its bar ({@code height} 0: no bar), the value label above it and the axis label below. */
    record Column(String x, String y, String width, String height, boolean drawn, String middle, String labelY,
            String axisY) {
    }

    /** One row: its label's baseline, its bar ({@code width} 0: no bar) and the value label after it. */
    record Row(int labelY, int barY, String width, boolean drawn, String valueX, int valueY) {
    }

    static List<Column> columns(List<Double> values) {
        double max = max(values);
        double plot = COLUMNS_HEIGHT - COLUMNS_TOP - COLUMNS_BOTTOM;
        double step = (double) COLUMNS_WIDTH / Math.max(1, values.size());
        int base = COLUMNS_HEIGHT - COLUMNS_BOTTOM;
        List<Column> columns = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            double x = i * step;
            double h = max > 0 ? plot * values.get(i) / max : 0;
            columns.add(new Column(num(x + step * 0.125), num(base - h), num(Math.max(1, step * 0.75)), num(h), h > 0,
                    num(x + step / 2), num(base - h - 4), String.valueOf(COLUMNS_HEIGHT - 8)));
        }
        return columns;
    }

    static List<Row> rows(List<Double> values) {
        double max = max(values);
        List<Row> rows = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            int y = i * ROW_HEIGHT;
            double w = max > 0 ? (ROWS_WIDTH - ROWS_LABEL_SPACE) * values.get(i) / max : 0;
            rows.add(new Row(y + 16, y + 22, num(w), w > 0, num(w + 10), y + 34));
        }
        return rows;
    }

    /** The service level's bar width for a percentage (clamped to 0-100). */
    static String level(double percent) {
        return num(LEVEL_WIDTH * Math.max(0, Math.min(100, percent)) / 100);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    static String num(double value) {
        return BigDecimal.valueOf(Math.round(value * 10) / 10.0).stripTrailingZeros().toPlainString();
    }
}

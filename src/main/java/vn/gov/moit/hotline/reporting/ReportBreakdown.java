package vn.gov.moit.hotline.reporting;

/**
 * The tables of counts in the monthly report, in the order they are published; cells are sorted by key.
 * Keys are part of the public contract. Hours and days have a cell for every hour and day (zero-padded
 * keys "00".."23", "01".."31" so that key order is numeric order); code tables list only the codes that
 * occur, with {@value #UNSPECIFIED} for tickets without the code.
 */
enum ReportBreakdown {
    CALLS_BY_HOUR("calls.by_hour",
            "Cuộc gọi đến theo giờ trong ngày", "Calls offered by hour of day",
            "Số cuộc gọi đến theo giờ đến, 00-23 ({zone})",
            "Calls offered by hour of arrival, 00-23 ({zone})"),
    CALLS_BY_DAY("calls.by_day",
            "Cuộc gọi đến theo ngày", "Calls offered by day of month",
            "Số cuộc gọi đến theo ngày đến trong tháng ({zone})",
            "Calls offered by day of arrival in the month ({zone})"),
    TICKETS_BY_FIELD("tickets.by_field",
            "Phiếu yêu cầu mới theo lĩnh vực", "Tickets opened by field",
            "Số phiếu tạo trong tháng theo mã lĩnh vực (UNSPECIFIED: chưa xác định)",
            "Tickets opened in the month by field code (UNSPECIFIED: not set)"),
    TICKETS_BY_PROVINCE("tickets.by_province",
            "Phiếu yêu cầu mới theo tỉnh, thành phố", "Tickets opened by province",
            "Số phiếu tạo trong tháng theo mã tỉnh, thành phố (UNSPECIFIED: chưa xác định)",
            "Tickets opened in the month by province code (UNSPECIFIED: not set)"),
    TICKETS_BY_DEPARTMENT("tickets.by_department",
            "Phiếu yêu cầu mới theo đơn vị xử lý", "Tickets opened by department",
            "Số phiếu tạo trong tháng theo mã đơn vị xử lý (UNSPECIFIED: chưa chuyển đơn vị)",
            "Tickets opened in the month by responsible department code (UNSPECIFIED: none)"),
    TICKETS_BY_CALLER_TYPE("tickets.by_caller_type",
            "Phiếu yêu cầu mới theo đối tượng gọi", "Tickets opened by caller type",
            "Số phiếu tạo trong tháng theo mã đối tượng gọi (UNSPECIFIED: chưa xác định)",
            "Tickets opened in the month by caller type code (UNSPECIFIED: not set)");

    /** Cell key for tickets that have no code for the breakdown's dimension. */
    static final String UNSPECIFIED = "UNSPECIFIED";

    private final String key;
    private final String labelVi;
    private final String labelEn;
    private final String formulaVi;
    private final String formulaEn;

    ReportBreakdown(String key, String labelVi, String labelEn, String formulaVi, String formulaEn) {
        this.key = key;
        this.labelVi = labelVi;
        this.labelEn = labelEn;
        this.formulaVi = formulaVi;
        this.formulaEn = formulaEn;
    }

    String key() {
        return key;
    }

    String section() {
        return key.substring(0, key.indexOf('.'));
    }

    String labelVi() {
        return labelVi;
    }

    String labelEn() {
        return labelEn;
    }

    String formulaVi(ReportParameters parameters) {
        return Formulas.fill(formulaVi, parameters, true);
    }

    String formulaEn(ReportParameters parameters) {
        return Formulas.fill(formulaEn, parameters, false);
    }
}

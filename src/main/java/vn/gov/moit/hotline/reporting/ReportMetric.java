package vn.gov.moit.hotline.reporting;

/**
 * The single figures of the monthly report, in the order they are published. The key is part of the
 * public contract (CSV and JSON consumers rely on it): never rename one. Formulas are printed in the
 * report with the configured thresholds in place of {@code {short}}, {@code {sl}} and {@code {zone}}.
 */
enum ReportMetric {
    CALLS_OFFERED("calls.offered", Unit.COUNT,
            "Cuộc gọi đến", "Calls offered",
            "Số cuộc gọi vào đường dây nóng có thời điểm đến trong tháng ({zone})",
            "Hotline calls arriving in the month ({zone})"),
    CALLS_ANSWERED("calls.answered", Unit.COUNT,
            "Cuộc gọi được trả lời", "Calls answered",
            "Số cuộc gọi đến được điện thoại viên trả lời",
            "Calls offered that an operator answered"),
    CALLS_ABANDONED("calls.abandoned", Unit.COUNT,
            "Cuộc gọi bỏ dở", "Calls abandoned",
            "Số cuộc gọi đến mà người gọi gác máy khi đang chờ trong hàng đợi (kể cả bỏ dở ngắn)",
            "Calls offered whose caller left the queue before an operator answered (short abandons included)"),
    CALLS_ABANDONED_SHORT("calls.abandoned_short", Unit.COUNT,
            "Cuộc gọi bỏ dở ngắn", "Short abandons",
            "Số cuộc gọi bỏ dở có thời gian chờ < {short} giây (đã tính trong cuộc gọi bỏ dở)",
            "Abandoned calls that waited < {short} s (already counted in calls abandoned)"),
    CALLS_MISSED("calls.missed", Unit.COUNT,
            "Cuộc gọi nhỡ", "Calls missed",
            "Số cuộc gọi đến không vào hàng đợi hoặc không được phục vụ (gác máy khi nghe lời chào, ngoài giờ, hết thời gian chờ, không có điện thoại viên)",
            "Calls offered that never reached an operator from the queue (hung up in the greeting, after hours, queue timeout, no operator)"),
    CALLS_OUTCOME_UNKNOWN("calls.outcome_unknown", Unit.COUNT,
            "Cuộc gọi không rõ kết quả", "Calls with unknown outcome",
            "Số cuộc gọi đang diễn ra khi mất kết nối với tổng đài nên không ghi nhận được kết quả",
            "Calls in progress when the connection to the exchange was lost, so their outcome was not recorded"),
    CALLS_ANSWER_RATE("calls.answer_rate", Unit.PERCENT,
            "Tỷ lệ trả lời", "Answer rate",
            "Cuộc gọi được trả lời / Cuộc gọi đến × 100",
            "Calls answered / Calls offered × 100"),
    CALLS_ABANDON_RATE("calls.abandon_rate", Unit.PERCENT,
            "Tỷ lệ bỏ dở", "Abandon rate",
            "Cuộc gọi bỏ dở (kể cả bỏ dở ngắn) / Cuộc gọi đến × 100",
            "Calls abandoned (short abandons included) / Calls offered × 100"),
    CALLS_SERVICE_LEVEL("calls.service_level", Unit.PERCENT,
            "Mức phục vụ", "Service level",
            "Cuộc gọi được trả lời sau khi chờ ≤ {sl} giây / (Cuộc gọi đến − Cuộc gọi bỏ dở ngắn) × 100",
            "Calls answered after waiting ≤ {sl} s / (Calls offered − Short abandons) × 100"),
    CALLS_AVERAGE_SPEED_OF_ANSWER("calls.average_speed_of_answer", Unit.SECONDS,
            "Thời gian chờ trung bình đến khi được trả lời", "Average speed of answer",
            "Tổng thời gian chờ của các cuộc gọi được trả lời / Số cuộc gọi được trả lời có ghi nhận thời gian chờ",
            "Sum of the waits of answered calls / Answered calls with a recorded wait"),
    CALLS_AVERAGE_TALK_TIME("calls.average_talk_time", Unit.SECONDS,
            "Thời gian đàm thoại trung bình", "Average talk time",
            "Tổng thời gian đàm thoại / Số cuộc gọi được trả lời có ghi nhận thời gian đàm thoại",
            "Sum of talk times / Answered calls with a recorded talk time"),
    CALLS_LONGEST_WAIT("calls.longest_wait", Unit.SECONDS,
            "Thời gian chờ dài nhất", "Longest wait",
            "Thời gian chờ lớn nhất trong các cuộc gọi được trả lời và bỏ dở",
            "Longest wait among answered and abandoned calls"),
    CALLBACKS_CALLERS("calls.callbacks_callers", Unit.COUNT,
            "Người gọi nhỡ cần gọi lại", "Missed callers to call back",
            "Số người gọi (theo số điện thoại) có cuộc gọi bỏ dở hoặc nhỡ đầu tiên trong tháng; nhiều lần nhỡ của cùng một số khi chưa được gọi lại tính là một",
            "Callers (by number) whose first abandoned or missed call of an open callback was in the month; repeat misses before the callback count once"),
    CALLBACKS_REACHED_WITHIN_TARGET("calls.callbacks_reached_within_target", Unit.PERCENT,
            "Gọi lại được trong thời hạn", "Reached back within the target",
            "Người gọi nhỡ liên lạc được (gọi lại được, hoặc gọi lại đường dây nóng và được trả lời) trong vòng {cb} phút từ lần nhỡ đầu tiên / Người gọi nhỡ có số điện thoại × 100",
            "Missed callers reached (called back and answered, or calling in again and answered) within {cb} minutes of their first miss / Missed callers with a number × 100"),
    CALLBACKS_FIRST_ATTEMPT_MEDIAN("calls.callbacks_first_attempt_median", Unit.SECONDS,
            "Thời gian đến lần gọi lại đầu tiên (trung vị)", "Time to the first callback attempt (median)",
            "Trung vị theo phương pháp hạng gần nhất của (lần gọi lại đầu tiên − lần nhỡ đầu tiên), người gọi nhỡ đã được gọi lại ít nhất một lần",
            "Nearest-rank median of (first callback attempt − first miss), missed callers attempted at least once"),
    CALLBACKS_UNREACHABLE("calls.callbacks_unreachable", Unit.COUNT,
            "Không liên lạc được sau các lần gọi lại", "Unreachable after the callback attempts",
            "Số người gọi nhỡ trong tháng mà mọi lần gọi lại cho phép đều không liên lạc được",
            "Missed callers of the month not reached in any of the allowed callback attempts"),
    CALLBACKS_WITHHELD("calls.callbacks_withheld", Unit.COUNT,
            "Người gọi nhỡ ẩn số (không thể gọi lại)", "Missed callers with a withheld number (cannot be called back)",
            "Số cuộc gọi bỏ dở hoặc nhỡ trong tháng của người gọi ẩn số",
            "Abandoned or missed calls of the month from callers who withheld their number"),
    TICKETS_OPENED("tickets.opened", Unit.COUNT,
            "Phiếu yêu cầu mới", "Tickets opened",
            "Số phiếu yêu cầu được tạo trong tháng (không tính phiếu trùng)",
            "Tickets created in the month (duplicates excluded)"),
    TICKETS_RESOLVED_ON_CALL("tickets.resolved_on_call", Unit.COUNT,
            "Giải quyết ngay trong cuộc gọi", "Resolved on the call",
            "Số phiếu tạo trong tháng được điện thoại viên giải quyết ngay trong cuộc gọi",
            "Tickets opened in the month that the operator resolved on the call"),
    TICKETS_ESCALATED("tickets.escalated", Unit.COUNT,
            "Chuyển đơn vị xử lý", "Escalated",
            "Số phiếu tạo trong tháng được chuyển đến đơn vị thuộc Bộ",
            "Tickets opened in the month escalated to a ministry department"),
    TICKETS_RAISED_TO_LEADERS("tickets.raised_to_leaders", Unit.COUNT,
            "Báo cáo Lãnh đạo Bộ", "Raised to the ministry's leaders",
            "Số phiếu tạo trong tháng được trình Lãnh đạo Bộ",
            "Tickets opened in the month raised to the ministry's leaders"),
    TICKETS_ANSWERED_WITHIN_DEADLINE("tickets.answered_within_deadline", Unit.PERCENT,
            "Trả lời đúng hạn", "Answered within deadline",
            "Phiếu đã chuyển xử lý được trả lời lần đầu không muộn hơn hạn / Phiếu đã chuyển xử lý có hạn và đã được trả lời hoặc đã quá hạn × 100; phiếu tạo trong tháng, tình trạng tại cuối tháng",
            "Escalated tickets first answered on or before their deadline / Escalated tickets with a deadline that were answered or whose deadline had passed × 100; tickets opened in the month, as at month end"),
    TICKETS_TIME_TO_ANSWER_MEDIAN("tickets.time_to_answer_median", Unit.HOURS,
            "Thời gian trả lời (trung vị)", "Time to answer (median)",
            "Trung vị theo phương pháp hạng gần nhất của (thời điểm trả lời lần đầu − thời điểm tạo phiếu), các phiếu đã chuyển xử lý tạo trong tháng và được trả lời trước cuối tháng",
            "Nearest-rank median of (first answer − opened), escalated tickets opened in the month and answered by month end"),
    TICKETS_TIME_TO_ANSWER_P90("tickets.time_to_answer_p90", Unit.HOURS,
            "Thời gian trả lời (phân vị 90)", "Time to answer (90th percentile)",
            "Phân vị 90 theo phương pháp hạng gần nhất của (thời điểm trả lời lần đầu − thời điểm tạo phiếu), các phiếu đã chuyển xử lý tạo trong tháng và được trả lời trước cuối tháng",
            "Nearest-rank 90th percentile of (first answer − opened), escalated tickets opened in the month and answered by month end"),
    TICKETS_OPEN_AT_MONTH_END("tickets.open_at_month_end", Unit.COUNT,
            "Phiếu chưa đóng cuối tháng", "Open at month end",
            "Số phiếu tạo trước thời điểm cuối tháng và chưa đóng tại thời điểm đó (kể cả phiếu của các tháng trước; không tính phiếu trùng)",
            "Tickets opened before the end of the month and not closed by then (earlier months included, duplicates excluded)");

    private final String key;
    private final Unit unit;
    private final String labelVi;
    private final String labelEn;
    private final String formulaVi;
    private final String formulaEn;

    ReportMetric(String key, Unit unit, String labelVi, String labelEn, String formulaVi, String formulaEn) {
        this.key = key;
        this.unit = unit;
        this.labelVi = labelVi;
        this.labelEn = labelEn;
        this.formulaVi = formulaVi;
        this.formulaEn = formulaEn;
    }

    String key() {
        return key;
    }

    /** The part of the key before the dot: {@code calls} or {@code tickets}. */
    String section() {
        return key.substring(0, key.indexOf('.'));
    }

    Unit unit() {
        return unit;
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

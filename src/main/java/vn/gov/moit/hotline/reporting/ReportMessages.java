package vn.gov.moit.hotline.reporting;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The public report page's words: Vietnamese here, English in {@code messages/report_en.properties}. Qute checks
 * at build time that every {@code report:} key a template uses exists, in both languages.
 */
@MessageBundle(value = "report", locale = "vi")
interface ReportMessages {

    @Message("Báo cáo hoạt động đường dây nóng 024.222.021115")
    String title();

    @Message("Báo cáo đường dây nóng")
    String shortTitle();

    @Message("Chưa có báo cáo nào được công bố.")
    String noneYet();

    @Message("Bộ Công Thương")
    String ministry();

    @Message("Trang của Bộ")
    String ministrySite();

    @Message("Về trang làm việc của đường dây nóng")
    String backToApp();

    @Message("Số liệu tạm tính, tháng chưa kết thúc")
    String preview();

    @Message("Phiên bản {version}")
    String version(int version);

    @Message("Số liệu tính đến {when} ({zone})")
    String dataAsOf(String when, String zone);

    @Message("Tháng")
    String month();

    @Message(" (tạm tính)")
    String previewMark();

    @Message("Xem")
    String show();

    @Message("Tải JSON")
    String downloadJson();

    @Message("Tải CSV")
    String downloadCsv();

    @Message("Phiên bản trước: ")
    String earlierVersions();

    @Message("Cuộc gọi")
    String calls();

    @Message("Phiếu yêu cầu")
    String tickets();

    @Message("Không có phiếu nào.")
    String noTickets();

    @Message("Bảng số liệu và cách tính")
    String figuresAndFormula();

    @Message("Mục")
    String item();

    @Message("Số lượng")
    String count();

    @Message("Ghi chú")
    String notes();

    @Message("Chỉ công bố số liệu tổng hợp: không có số điện thoại, tên hay nội dung của người gọi.")
    String aggregatesOnly();

    @Message("\"x\": số đếm được ẩn: số từ 1 đến {smallest}, hoặc số khác được ẩn cùng để không thể tính ra số nhỏ "
            + "bằng phép trừ. Tỷ lệ và trung bình tính từ ít hơn {k} trường hợp được hiển thị là \"—\".")
    String hidden(int smallest, int k);

    @Message("\"—\": không có dữ liệu để tính.")
    String nothingToCompute();

    @Message("Tháng, ngày và giờ tính theo {zone}.")
    String zoneNote(String zone);

    @Message("Chưa xác định")
    String notSpecified();

    @Message(" giây")
    String unitSeconds();

    @Message(" giờ")
    String unitHours();

    /** {@code number} is the month's number (1-12), {@code name} its English name. */
    @Message("Tháng {number}/{year}")
    String monthName(int number, String name, int year);

    @Message("English")
    String otherLanguage();

    @Message("Người dân")
    String callerType_CITIZEN();

    @Message("Doanh nghiệp")
    String callerType_BUSINESS();

    @Message("UBND xã")
    String callerType_COMMUNE_PEOPLES_COMMITTEE();

    @Message("UBND phường")
    String callerType_WARD_PEOPLES_COMMITTEE();

    @Message("UBND đặc khu")
    String callerType_SPECIAL_ZONE_PEOPLES_COMMITTEE();

    @Message("Sở Công Thương")
    String callerType_PROVINCIAL_DEPARTMENT_OF_INDUSTRY_AND_TRADE();

    @Message("Khác")
    String callerType_OTHER();
}

package vn.gov.moit.hotline.reporting;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import vn.gov.moit.hotline.common.DomainException;

/** Parsing of the {@code yyyy-MM} month in report addresses, so a bad one is a 400 naming {@code month}. */
final class Months {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

    private Months() {
    }

    static YearMonth parse(String text) {
        if (text != null && FORMAT.matcher(text).matches()) {
            try {
                return YearMonth.parse(text);
            } catch (DateTimeParseException e) {
                // falls through to the same refusal as any other bad text
            }
        }
        throw DomainException.InvalidInput.because("month", "month-format");
    }
}

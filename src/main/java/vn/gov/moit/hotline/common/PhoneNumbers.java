package vn.gov.moit.hotline.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One written form per telephone number, so that 024.222.021115, 024222021115, +84 24 222 021115 and
 * 84 24 222 021115 compare equal. Vietnamese numbers are kept in the national form people read
 * ({@code 0912345678}); foreign ones in E.164 ({@code +14155550100}).
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String REGION = "VN";
    private static final int VIETNAM = 84;

    /** What Asterisk and carriers write when the caller withheld or has no number. */
    private static final Set<String> WITHHELD = Set.of("", "anonymous", "<unknown>", "unknown", "restricted",
            "private", "unavailable", "withheld");

    private static final Pattern WRITTEN_NUMBER = Pattern.compile("[0-9+().\\-/\\s]+");

    private PhoneNumbers() {
    }

    /** True when the text stands for "no number": withheld, anonymous, unknown. */
    public static boolean isWithheld(String raw) {
        return raw == null || WITHHELD.contains(raw.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * The canonical form of a number, or empty when it is withheld or not a number at all. Short internal
     * numbers (extensions) are kept as their digits.
     */
    public static Optional<String> normalise(String raw) {
        if (isWithheld(raw)) {
            return Optional.empty();
        }
        String text = raw.trim();
        // Digits and the marks people write between them; a letter means it is not a number ("12ab" is not 12).
        if (!WRITTEN_NUMBER.matcher(text).matches()) {
            return Optional.empty();
        }
        String digits = text.replaceAll("[^0-9+]", "");
        if (digits.isEmpty() || digits.indexOf('+', 1) >= 0) {
            return Optional.empty();
        }
        // "84 24 222 021115" without the plus is the country code written out, as trunks often deliver it.
        if (!digits.startsWith("+") && digits.startsWith("84") && digits.length() >= 11) {
            digits = "+" + digits;
        }
        if (digits.length() <= 6) {
            return digits.startsWith("+") ? Optional.empty() : Optional.of(digits);
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(digits, REGION);
            if (number.getCountryCode() == VIETNAM) {
                return Optional.of("0" + UTIL.getNationalSignificantNumber(number));
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}

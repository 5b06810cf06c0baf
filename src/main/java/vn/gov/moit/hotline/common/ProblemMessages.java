package vn.gov.moit.hotline.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The reasons of {@link DomainException.InvalidInput} that people meet on the pages, in each offered language:
 * {@code ProblemMessages.properties} (English, the base) and {@code ProblemMessages_vi.properties}, UTF-8.
 */
final class ProblemMessages {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemMessages() {
    }

    static String text(String key, Locale locale, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("ProblemMessages", locale, NO_FALLBACK);
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}

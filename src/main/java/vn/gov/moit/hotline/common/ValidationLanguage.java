package vn.gov.moit.hotline.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

/** Validation messages follow the same language rule as everything else ({@link Languages}); English by default. */
@ApplicationScoped
class ValidationLanguage implements LocaleResolver {

    @Inject
    Languages languages;

    @Override
    public Locale resolve(LocaleResolverContext context) {
        return Locale.forLanguageTag(languages.forPrograms());
    }
}

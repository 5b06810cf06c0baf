package vn.gov.moit.hotline.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.gov.moit.hotline.common.ErrorPages;
import vn.gov.moit.hotline.common.Problem;

/** Problems met by a browser outside the API (a mistyped address, a report month that does not exist) as pages. */
@ApplicationScoped
class BrowserErrorPages implements ErrorPages {

    @Inject
    Pages pages;

    @Override
    public Object page(Problem problem) {
        String text = switch (problem.status()) {
            case 404 -> "error_no_page_text";
            case 400 -> "error_bad_input_text";
            default -> "error_other_text";
        };
        return pages.error(problem.status(), text, problem.violations());
    }
}

package vn.gov.moit.hotline.common;

/**
 * A problem as a person's browser should see it: a page in the user's language rather than JSON, for a
 * visitor who asked for a page (not the API). Implemented by the web package, which owns the pages.
 */
public interface ErrorPages {

    /** The page's entity (a rendered template) for this problem. */
    Object page(Problem problem);
}

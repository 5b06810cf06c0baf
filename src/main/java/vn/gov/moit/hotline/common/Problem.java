package vn.gov.moit.hotline.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details, the body of every error response. {@code violations} names each rejected field
 * and why; it is absent when the problem is not about input.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected input: the field (a JSON path or query parameter name) and the reason. */
    public record Violation(String field, String message) {
    }

    static Problem of(String slug, String title, int status, String detail) {
        return new Problem("urn:problem:hotline:" + slug, title, status, detail, List.of());
    }

    static Problem invalid(String detail, List<Violation> violations) {
        return new Problem("urn:problem:hotline:invalid-input", "Invalid input", 400, detail, violations);
    }
}

package vn.gov.moit.hotline.common;

/** What the API accepts as an e-mail address. */
public final class EmailAddress {

    /** A mailbox on a domain with a dot: what an SMTP server can deliver to (Bean Validation alone lets "a@b" by). */
    public static final String PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private EmailAddress() {
    }
}

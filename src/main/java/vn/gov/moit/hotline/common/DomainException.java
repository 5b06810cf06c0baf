package vn.gov.moit.hotline.common;

import java.util.Locale;

/**
 * A refusal in the domain's own words. It knows nothing of HTTP: {@link ProblemMapper} is the one place
 * that turns each kind into a status code.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    /** Machine-readable slug of the problem type, e.g. {@code illegal-transition}. */
    public abstract String type();

    /** Something the caller asked for does not exist, or is not theirs to see. */
    public static class NotFound extends DomainException {
        public NotFound(String what, Object id) {
            super(what + " " + id + " was not found");
        }

        @Override
        public String type() {
            return "not-found";
        }
    }

    /** The request conflicts with the current state: an illegal transition, a duplicate. */
    public static class Conflict extends DomainException {
        private final String type;

        public Conflict(String type, String message) {
            super(message);
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }
    }

    /** Something the request needs is not reachable now (Asterisk): try again later; nothing was done. */
    public static class Unavailable extends DomainException {
        private final String type;

        public Unavailable(String type, String message) {
            super(message);
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }
    }

    /** The client worked on an old copy: its version is not the current one. */
    public static class StaleVersion extends Conflict {
        public StaleVersion(String what, long expected, long actual) {
            super("stale-version", what + " has changed since you read it (your version " + expected
                    + ", current " + actual + "); reload and try again");
        }
    }

    /**
     * One input field is unacceptable, for a reason Bean Validation cannot see (unknown code, bad order). A
     * reason given by its key in {@code ProblemMessages} ({@link #because}) is answered in the request's language.
     */
    public static class InvalidInput extends DomainException {
        private final String field;
        private final String key;
        private final Object[] args;

        public InvalidInput(String field, String reason) {
            this(field, reason, null, new Object[0]);
        }

        private InvalidInput(String field, String reason, String key, Object[] args) {
            super(reason);
            this.field = field;
            this.key = key;
            this.args = args;
        }

        /** A reason from {@code ProblemMessages.properties} by its key, with its arguments ({0}, {1}...). */
        public static InvalidInput because(String field, String key, Object... args) {
            return new InvalidInput(field, ProblemMessages.text(key, Locale.ENGLISH, args), key, args);
        }

        public String field() {
            return field;
        }

        /** The reason in a language: the key's text there, or the English reason if it has no key. */
        public String reason(Locale locale) {
            return key == null ? getMessage() : ProblemMessages.text(key, locale, args);
        }

        @Override
        public String type() {
            return "invalid-input";
        }
    }

    /** The user is known but may not do this. */
    public static class NotAllowed extends DomainException {
        public NotAllowed(String message) {
            super(message);
        }

        @Override
        public String type() {
            return "forbidden";
        }
    }
}
